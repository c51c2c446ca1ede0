import type { ExprNode } from './expression-node.js';
import type { QueryPlan } from './query-plan.js';

/** A column of a warehouse dataset: `data."<dataset>"."<column>"`. */
export interface DatasetColumn {
  readonly dataset: string;
  readonly column: string;
}

/**
 * What would make every hit row of the model a lead of its own, as groups of dataset columns:
 * when, in each group, at least one column is unique in its table, no two hit rows share a
 * subject. The first group is the subject's plain text fields of the `from` input; then, for each
 * inner join, its plain text key columns on the joined input matched with plain text fields of
 * earlier inputs — one of them unique, a row finds at most one partner, so joins repeat no row.
 * Null when no such facts could help: an aggregate (its groups are the subjects already), a
 * `from` or joined input reading several datasets (unique in each is not unique in all), an
 * inner join without such a key (fuzzy keys, a number or date key, distance only).
 *
 * Unique here means no value twice and at most one NULL: NULL subjects are one lead.
 *
 * @example
 * // subject reg.case_no, rule "joined with closure on case_no"
 * // → [[{ dataset: 'reg', column: 'case_no' }], [{ dataset: 'closure', column: 'case_no' }]]
 */
export function uniqueSubjectColumns(plan: QueryPlan): readonly (readonly DatasetColumn[])[] | null {
  if (plan.aggregate) return null;
  const subject = plainColumns(plan, plan.from, plan.subject.map((s) => s.expr));
  if (!subject || subject.length === 0) return null;
  const groups: DatasetColumn[][] = [subject];
  for (const j of plan.joins) {
    if (j.type !== 'inner') continue;
    if (j.grid) return null;
    // A key counts only when both sides are plain text columns, the left of an earlier input:
    // DuckDB compares text with a number or a date by casting the text, so distinct texts ('7',
    // '007') can be one partner value; and a key within the joined input pairs nothing with it.
    const textKeys = j.keys.filter((k) => k.left.kind === 'column' && k.left.alias !== j.alias && plan.fieldTypes.get(`${k.left.alias}.${k.left.field}`) === 'text');
    const keys = plainColumns(plan, j.alias, textKeys.map((k) => k.right));
    if (!keys || keys.length === 0) return null;
    groups.push(keys);
  }
  return groups;
}

/**
 * The dataset columns of `alias` among `exprs` that are plain text fields (two distinct texts are
 * two fingerprints; a number's or a date's text need not be); null when the input reads several
 * datasets or none.
 */
function plainColumns(plan: QueryPlan, alias: string, exprs: readonly ExprNode[]): DatasetColumn[] | null {
  const input = plan.inputs.find((i) => i.alias === alias);
  const dataset = input?.datasets.length === 1 ? input.datasets[0] : undefined;
  if (!input || dataset === undefined) return null;
  const out: DatasetColumn[] = [];
  for (const e of exprs) {
    if (e.kind !== 'column' || e.alias !== alias || plan.fieldTypes.get(`${e.alias}.${e.field}`) !== 'text') continue;
    const column = input.columns.get(e.field) ?? e.field;
    if (!out.some((c) => c.column === column)) out.push({ dataset, column });
  }
  return out;
}
