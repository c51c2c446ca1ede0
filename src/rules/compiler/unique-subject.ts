import type { QueryPlan } from './query-plan.js';

/** A column of a warehouse dataset: `data."<dataset>"."<column>"`. */
export interface DatasetColumn {
  readonly dataset: string;
  readonly column: string;
}

/**
 * The dataset columns any one of which, were its values unique in its table, would make every
 * hit row of the model a lead of its own: the subject's plain text fields of the `from` input,
 * when that input reads one dataset, no inner join repeats its rows and no aggregate groups
 * them. Empty when no such fact could help.
 *
 * Unique here means no value twice and at most one NULL: NULL subjects are one lead.
 *
 * @example
 * // subject reg.case_no, rule "no closure row" → [{ dataset: 'reg', column: 'case_no' }]
 */
export function uniqueSubjectColumns(plan: QueryPlan): readonly DatasetColumn[] {
  if (plan.aggregate || plan.joins.some((j) => j.type === 'inner')) return [];
  const from = plan.inputs.find((i) => i.alias === plan.from);
  const dataset = from?.datasets.length === 1 ? from.datasets[0] : undefined;
  if (!from || dataset === undefined) return [];
  const out: DatasetColumn[] = [];
  for (const s of plan.subject) {
    const e = s.expr;
    // Text only: two distinct texts are two fingerprints (a number's or a date's text need not be).
    if (e.kind !== 'column' || e.alias !== plan.from || plan.fieldTypes.get(`${e.alias}.${e.field}`) !== 'text') continue;
    const column = from.columns.get(e.field) ?? e.field;
    if (!out.some((c) => c.column === column)) out.push({ dataset, column });
  }
  return out;
}
