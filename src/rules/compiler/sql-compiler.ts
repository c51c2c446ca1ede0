import { quoteIdent } from '../../warehouse/warehouse.js';
import type { CompareOp } from '../spec/model-spec.js';
import { OUT, type CompiledQuery, type EvidenceColumn } from './compiled-query.js';
import { Expr, visitNodes, type ExprNode, type JoinNode, type SqlType } from './expression-node.js';
import type { KeyMatch } from '../spec/model-spec.js';
import type { QueryPlan } from './query-plan.js';
import { collisionFreePrefilter, hasCollision } from './prefilter.js';
import { findSharedConditions, type SharedConditions } from './shared-conditions.js';

/** Metres per degree of latitude, and the widest longitude cell needed up to 60° N/S. */
const METERS_PER_DEGREE = 111_000;
const LNG_CELL_FACTOR = 0.5; // cos(60°): cells wide enough that 3×3 neighbours cover the radius

/** One text of a lead before aggregation: a group key, a measure, or a row value reduced to the smallest. */
type TextItem =
  | { readonly kind: 'key'; readonly index: number; readonly date: boolean }
  | { readonly kind: 'measure'; readonly name: string }
  | { readonly kind: 'min'; readonly sql: string; readonly boolean: boolean; readonly date: boolean };

/** The source-row references of one evidence alias, per hit row. */
interface EvidenceItem {
  readonly dataset: string | null;
  readonly batch: string;
  readonly row: string;
}

/** How one form of the final query refers to the parts of a lead. */
interface Refs {
  key(i: number): string;
  measure(name: string): string;
  /** Text `j`, the smallest of the row values `sql`. */
  min(j: number, sql: string): string;
  /** The largest of the row amounts `sql`. */
  amount(sql: string): string;
  evidence(i: number, e: EvidenceItem): string;
  /** Whether condition `i`, `sql` on each row, held on some row. */
  flag(i: number, sql: string): string;
}

/**
 * Compiles a {@link QueryPlan} to SQL. The walk is shared; a dialect overrides hooks only —
 * quoting, casts, date arithmetic, regular expressions, aggregation of evidence, semi/anti
 * joins. Every value becomes a bound parameter ($1…$n), an equal value once; identifiers are quoted.
 *
 * The query returns one row per lead (see `OutputColumns`): its texts as one JSON array,
 * its amount, the evidence rows of each evidence alias and the flags of the conditions that
 * need computing. Four forms, all with that output: one GROUP BY over the hit rows; for
 * aggregate models, the qualifying groups first ({@link twoPhaseAggregate}); without an
 * aggregate, grouping only the subjects with several hit rows ({@link splitSingleRows}); and,
 * when the caller knows no subject has several (`compile`'s `uniqueSubject`), each hit row as it is.
 */
export abstract class SqlCompiler {
  private params: (string | number | boolean)[] = [];
  /** Placeholder of each value already bound (by type and value): an equal value is bound once. */
  private slots = new Map<string, string>();
  /** Set by a dialect when it emits a person-name pinyin key (the query then needs the syllable table). */
  protected usedPinyin = false;
  /** Measure name → its SQL (the aggregate). */
  private measures = new Map<string, string>();
  /** Fuzzy keys of plain columns computed once per input row in the input CTE (see collectKeyColumns): alias → key column → its source. */
  private keyColumns = new Map<string, Map<string, { readonly field: string; readonly match: KeyMatch }>>();
  /** Conditions on one input's rows that collisions repeat: filters of its CTE, or columns computed once there (see shared-conditions.ts). */
  private shared: SharedConditions | null = null;

  /**
   * Whether an aggregate model without collisions first finds its qualifying groups (measures
   * and HAVING over the hit rows, nothing else) and only then gathers the rows of those groups
   * for evidence, values and flags. It spares the per-group lists and minima of the groups that
   * do not qualify — usually most of them (measured 427 → 333 ms CPU for 1M claims, 1,854 of
   * 200k people qualifying) — at the price of a second scan of the hit rows, joined to the
   * qualifying groups on `IS NOT DISTINCT FROM` (a hash join in DuckDB; a nested loop in PostgreSQL).
   */
  protected abstract readonly twoPhaseAggregate: boolean;

  /**
   * Whether a model without an aggregate groups only the subjects that have several hit rows. A
   * subject with one hit row — in most models, nearly all: the subject is the row's own key — is
   * its lead as it stands (the smallest of one value is that value, its list has one element), so
   * the hit rows are materialised once, the subjects seen more than once found with a GROUP BY
   * on the keys alone, and only their rows aggregated. Measured in DuckDB at 900k hits, 1.8×
   * faster than grouping every subject; 1.5× slower when every subject has several rows (and
   * the leads are few). Keys are compared with `IS NOT DISTINCT FROM`: a NULL subject is one.
   */
  protected abstract readonly splitSingleRows: boolean;

  /**
   * Whether "contains any of these words" is one regular expression of the words as literal
   * alternatives rather than one substring test per word. DuckDB (RE2) scans the text once: 15
   * words over 528k project names, 3× faster than 15 `contains` (measured 7 vs 24 ms at county
   * scale 30); one word stays a plain `contains`.
   */
  protected abstract readonly containsAnyAsPattern: boolean;

  /**
   * Whether a model with collisions finds its hit rows first by row id only — reading just the
   * fields its conditions and keys need — and only then reads the lead's other fields for those
   * rows (late materialisation). Otherwise every field a lead shows rides through each anti join's
   * hash table: wage_arrears_transfer at county scale 300, 689 → 587 ms (2,400 leads of 414,504
   * transfers).
   */
  protected abstract readonly lateRows: boolean;
  /**
   * Whether a text that is a DATE column is returned as that DATE, for the runner to write as
   * text, instead of as text made by the engine: DuckDB's cast of a DATE to VARCHAR took 0.2 s
   * over 9M leads (the anti join's query 0.67 → 0.87 s); reading the date's day number and writing
   * it once per distinct day costs JavaScript next to nothing.
   */
  protected abstract readonly rawDates: boolean;

  /**
   * @param options.uniqueSubject the caller knows that no two hit rows share a subject (see
   * `uniqueSubjectColumns`): a model without an aggregate then makes each hit row its lead as it
   * stands, without looking for subjects seen twice. Ignored for an aggregate.
   */
  compile(plan: QueryPlan, options: { readonly uniqueSubject?: boolean } = {}): CompiledQuery {
    this.params = [];
    this.slots = new Map();
    this.usedPinyin = false;
    this.keyColumns = collectKeyColumns(plan);
    this.shared = findSharedConditions(plan);
    // Measures first: templates, amount and HAVING refer to them. Placeholder numbers need not
    // follow their order in the text.
    this.measures = new Map((plan.aggregate?.measures ?? []).map((m) => [m.name, this.measureSql(m.fn, m.expr)]));
    const late = this.lateRows && !plan.aggregate && this.splitSingleRows ? lateFields(plan) : null;
    const ctes = this.inputCtes(plan, late);

    // Whether `from` reads several datasets: its rows are then identified by dataset index and row id.
    const fromSeveral = (plan.inputs.find((i) => i.alias === plan.from)?.datasets.length ?? 0) > 1;
    // The rows of `from`: its CTE, or a collision's rewriting of it (see semiAntiJoin).
    let fromSource = quoteIdent(plan.from);
    const from: string[] = [fromSource];
    const where: string[] = [];
    for (const j of plan.joins) {
      if (j.type === 'inner') from.push(`JOIN ${this.joinSource(j)} ON ${this.joinCondition(j)}`);
      else {
        const rendered = this.semiAntiJoin(j, { alias: plan.from, withDataset: fromSeveral, source: from.length === 1 && fromSource === quoteIdent(plan.from) ? fromSource : null });
        if (rendered.source) from[0] = fromSource = rendered.source;
        if (rendered.join) from.push(rendered.join);
        if (rendered.where) where.push(rendered.where);
      }
    }
    if (plan.where) where.push(this.expr(plan.where));
    /** FROM … WHERE … of the hit rows, indented by `indent` after the first line. */
    const body = (indent: string): string =>
      `FROM ${from.join(`\n${indent}  `)}\n` + (where.length ? `${indent}WHERE ${where.join(`\n${indent}  AND `)}\n` : '');

    // The group keys: the aggregate's, or the subject.
    const groupExprs = plan.aggregate ? plan.aggregate.groupBy.map((g) => this.expr(g)) : plan.subject.map((s) => this.expr(s.expr));

    // Every text of the lead — subject, template values, explanation values — once each, in one
    // JSON array: one string to read out of DuckDB per lead instead of one per value (measured
    // 1.2 µs per text column, 0.25 µs per JSON element), except a date field's in DuckDB (see
    // rawDates). A group key is itself, a measure its value, any other value the smallest in the
    // group.
    const texts: TextItem[] = [];
    const textIndex = new Map<string, number>();
    const text = (node: ExprNode): number => {
      let item: TextItem;
      if (node.kind === 'measure') item = { kind: 'measure', name: node.name };
      else {
        const e = this.expr(node);
        const k = groupExprs.indexOf(e);
        const boolean = node.kind === 'column' && plan.fieldTypes.get(`${node.alias}.${node.field}`) === 'boolean';
        const date = this.rawDates && node.kind === 'column' && plan.dateFields.has(`${node.alias}.${node.field}`);
        item = k >= 0 ? { kind: 'key', index: k, date } : { kind: 'min', sql: e, boolean, date };
      }
      const id = JSON.stringify(item);
      let i = textIndex.get(id);
      if (i === undefined) {
        i = texts.length;
        texts.push(item);
        textIndex.set(id, i);
      }
      return i;
    };
    // The fingerprint (md5 of the model id and the subject texts) is computed by the runner:
    // md5 here and reading its 32-character text out of DuckDB cost more than hashing in Node.
    const subject = plan.subject.map((s) => text(s.expr));
    const templates = plan.templates.map((t) => text(t.expr));
    const amount: { readonly measure: string } | { readonly sql: string } | null =
      plan.amount === null ? null : plan.amount.kind === 'measure' ? { measure: plan.amount.name } : { sql: this.expr(plan.amount) };

    // Evidence: the rows of the `from` input and of inner joins. Only an inner join repeats a
    // row (once per matching pair); without one, every hit row is a distinct source row.
    const distinct = plan.joins.some((j) => j.type === 'inner');
    const evidenceColumns: EvidenceColumn[] = [];
    const evidence = plan.evidence.map((alias, i): EvidenceItem => {
      const datasets = plan.inputs.find((input) => input.alias === alias)?.datasets ?? [];
      evidenceColumns.push({ alias, column: OUT.evidence(i), datasets });
      const a = quoteIdent(alias);
      return { dataset: datasets.length > 1 ? `${a}._dataset` : null, batch: `${a}._batch_id`, row: `${a}._row_id` };
    });

    // Leaf conditions every hit satisfies: the top-level conjuncts of WHERE, and top-level
    // collisions compiled as semi/anti joins. Their flags are true without being computed.
    const holds = new Set<ExprNode>();
    const conjuncts = (node: ExprNode): void => {
      if (node.kind === 'and') node.items.forEach(conjuncts);
      else holds.add(node);
    };
    if (plan.where) conjuncts(plan.where);
    const flags = plan.explain.map((x) => (holds.has(x.condition) || (x.condition.kind === 'exists' && plan.joins.includes(x.condition.join)) ? null : this.expr(x.condition)));
    const explain = plan.explain.map((x, i) => ({ flag: flags[i] == null ? (true as const) : OUT.explainFlag(i), values: x.values.map((v) => text(v.expr)) }));

    // A DATE text travels as its own DATE column where the dialect says so (see rawDates), its
    // place in the JSON array left null.
    const dates = texts.flatMap((t, j) => (t.kind !== 'measure' && t.date ? [{ index: j, column: OUT.date(j) }] : []));
    const selectList = (ref: Refs): string => {
      const value = (t: TextItem, j: number): string => (t.kind === 'key' ? ref.key(t.index) : t.kind === 'measure' ? ref.measure(t.name) : ref.min(j, t.sql));
      const texted = texts.map((t, j) => (t.kind !== 'measure' && t.date ? 'NULL' : this.castText(value(t, j))));
      const cols = [`${this.textList(texted)} AS ${OUT.texts}`];
      for (const d of dates) cols.push(`${value(texts[d.index] as TextItem, d.index)} AS ${d.column}`);
      if (amount) cols.push(`${'measure' in amount ? ref.measure(amount.measure) : ref.amount(amount.sql)} AS ${OUT.amount}`);
      evidence.forEach((e, i) => cols.push(`${ref.evidence(i, e)} AS ${OUT.evidence(i)}`));
      flags.forEach((f, i) => {
        if (f != null) cols.push(`${ref.flag(i, f)} AS ${OUT.explainFlag(i)}`);
      });
      return cols.join(',\n       ');
    };
    const grouped: Refs = {
      key: (i) => groupExprs[i] ?? '',
      measure: (name) => this.measures.get(name) ?? '',
      min: (j, sql) => this.minOf(sql, isBoolean(texts[j])),
      amount: (sql) => `max(${sql})`,
      evidence: (_, e) => this.evidenceList(e.dataset, e.batch, e.row, distinct),
      flag: (_, sql) => this.boolOr(sql),
    };

    let sql: string;
    // Two passes over the hit rows only when the second pass is a plain scan: repeating a join
    // costs more than the groups it spares (measured 31 → 44 ms for a claims × deaths model
    // whose every group qualifies).
    if (plan.aggregate && this.twoPhaseAggregate && plan.joins.length === 0 && !(plan.where && hasCollision(plan.where))) {
      const measures = plan.aggregate.measures.map((m, i) => ({ name: m.name, sql: this.measures.get(m.name) ?? '', ref: `"_agg".m${i}` }));
      ctes.push(
        `"_agg" AS (\n    SELECT ${[...groupExprs.map((g, i) => `${g} AS k${i}`), ...measures.map((m, i) => `${m.sql} AS m${i}`)].join(', ')}\n` +
          `    ${body('    ')}` +
          `    GROUP BY ${groupExprs.join(', ')}\n    HAVING ${this.expr(plan.aggregate.having)}\n  )`,
      );
      from.push(`JOIN "_agg" ON ${groupExprs.map((g, i) => `${g} IS NOT DISTINCT FROM "_agg".k${i}`).join(' AND ')}`);
      const keys = groupExprs.map((_, i) => `"_agg".k${i}`);
      const select = selectList({ ...grouped, key: (i) => keys[i] ?? '', measure: (name) => measures.find((m) => m.name === name)?.ref ?? '' });
      sql = `WITH ${ctes.join(',\n  ')}\nSELECT ${select}\n${body('')}GROUP BY ${[...keys, ...measures.map((m) => m.ref)].join(', ')}`;
    } else if (!plan.aggregate && this.splitSingleRows) {
      // A collision inside any/not is both an explanation flag and part of the filter: computed
      // once, as a column of the `from` input, and referred to by both (it was evaluated twice).
      const flagged = plan.joins.some((j) => j.type === 'inner') || !plan.where ? [] : plan.explain.flatMap((x, i) => (flags[i] != null && x.condition.kind === 'exists' ? [i] : []));
      if (flagged.length > 0 && plan.where) {
        const a = quoteIdent(plan.from);
        const pre = collisionFreePrefilter(plan.where);
        from[0] = `(SELECT *, ${flagged.map((i) => `${flags[i] ?? ''} AS "_f${i}"`).join(', ')} FROM ${fromSource}${pre ? ` WHERE ${this.expr(pre)}` : ''}) AS ${a}`;
        this.overrides = new Map(flagged.map((i) => [plan.explain[i]?.condition as ExprNode, `${a}."_f${i}"`]));
        // The conditions without a collision already filtered the rows; the rest remain.
        const rest = (plan.where.kind === 'and' ? plan.where.items : [plan.where]).filter(hasCollision);
        where[where.length - 1] = rest.length > 0 ? this.expr(Expr.and(rest)) : 'true';
        this.overrides = null;
        for (const i of flagged) flags[i] = `${a}."_f${i}"`;
      }
      let hitRows = body('    ');
      if (late) {
        // The hit rows by row id (and the collision flags), then their fields from the table.
        const a = quoteIdent(plan.from);
        const ids = [`${a}._row_id AS _r`, ...(fromSeveral ? [`${a}._dataset AS _d`] : []), ...flagged.map((i) => `${a}."_f${i}"`)];
        ctes.push(`"_ids" AS MATERIALIZED (\n    SELECT ${ids.join(', ')}\n    ${body('    ')}  )`);
        for (const i of flagged) flags[i] = `"_ids"."_f${i}"`;
        hitRows = `FROM "_rows" AS ${a} JOIN "_ids" ON ${a}._row_id = "_ids"._r${fromSeveral ? ` AND ${a}._dataset = "_ids"._d` : ''}\n`;
      }
      const keys = groupExprs.map((_, i) => `k${i}`);
      const hits = [
        ...groupExprs.map((g, i) => `${g} AS k${i}`),
        ...texts.flatMap((t, j) => (t.kind === 'min' ? [`${t.sql} AS t${j}`] : [])),
        ...(amount && 'sql' in amount ? [`${amount.sql} AS a`] : []),
        ...evidence.flatMap((e, i) => [...(e.dataset ? [`${e.dataset} AS d${i}`] : []), `${e.batch} AS b${i}`, `${e.row} AS r${i}`]),
        ...flags.flatMap((f, i) => (f == null ? [] : [`${f} AS f${i}`])),
      ];
      const cols = (i: number, e: EvidenceItem): [string | null, string, string] => [e.dataset ? `d${i}` : null, `b${i}`, `r${i}`];
      const single = selectList({
        key: (i) => keys[i] ?? '',
        measure: () => '',
        min: (j) => `t${j}`,
        amount: () => 'a',
        evidence: (i, e) => this.evidenceRow(...cols(i, e)),
        flag: (i) => `f${i}`,
      });
      const several = selectList({
        key: (i) => keys[i] ?? '',
        measure: () => '',
        min: (j) => this.minOf(`t${j}`, isBoolean(texts[j])),
        amount: () => 'max(a)',
        evidence: (i, e) => this.evidenceList(...cols(i, e), distinct),
        flag: (i) => this.boolOr(`f${i}`),
      });
      const same = keys.map((k) => `"_hits".${k} IS NOT DISTINCT FROM "_dup".${k}`).join(' AND ');
      if (options.uniqueSubject) {
        // Every hit row is a lead of its own (its inner joins, if any, find one partner each): no
        // subject seen twice to look for, nothing to materialise (anti join, 9M hits of 10M rows:
        // 2.4 → 1.3 s).
        ctes.push(`"_hits" AS (\n    SELECT ${hits.join(',\n           ')}\n    ${hitRows}  )`);
        sql = `WITH ${ctes.join(',\n  ')}\nSELECT ${single}\nFROM "_hits"`;
      } else {
        ctes.push(
          `"_hits" AS MATERIALIZED (\n    SELECT ${hits.join(',\n           ')}\n    ${hitRows}  )`,
          `"_dup" AS (\n    SELECT ${keys.join(', ')} FROM "_hits" GROUP BY ${keys.join(', ')} HAVING count(*) > 1\n  )`,
        );
        sql =
          `WITH ${ctes.join(',\n  ')}\n` +
          `SELECT ${single}\nFROM "_hits" ANTI JOIN "_dup" ON ${same}\n` +
          `UNION ALL\n` +
          `SELECT ${several}\nFROM "_hits" SEMI JOIN "_dup" ON ${same}\nGROUP BY ${keys.join(', ')}`;
      }
    } else {
      const having = plan.aggregate ? `\nHAVING ${this.expr(plan.aggregate.having)}` : '';
      sql = `WITH ${ctes.join(',\n  ')}\nSELECT ${selectList(grouped)}\n${body('')}GROUP BY ${groupExprs.join(', ')}${having}`;
    }
    return { sql, parameters: [...this.params], usesPinyin: this.usedPinyin, columns: { texts: OUT.texts, dates, subject, templates, amount: amount ? OUT.amount : null, evidence: evidenceColumns, explain } };
  }

  /** One CTE per input (its datasets as one, with the dataset's index when there are several), and the grid expansions of distance collisions. */
  private inputCtes(plan: QueryPlan, late: ReadonlySet<string> | null): string[] {
    const ctes: string[] = [];
    for (const input of plan.inputs) {
      // Late materialisation: the `from` input with the fields the conditions read, and its rows
      // in full as "_rows" for the hits.
      const narrow = late !== null && input.alias === plan.from;
      if (narrow) ctes.push(`"_rows" AS (\n    ${this.datasetRows(input, ['_batch_id', '_row_id', ...input.fields], '').join('\n    UNION ALL\n    ')}\n  )`);
      const shared = (this.shared?.conditions ?? []).filter((c) => c.alias === input.alias);
      // With shared conditions, the datasets' rows are read first and the computed columns added
      // over them, after the filters: DuckDB then filters while scanning and keys only what is left.
      const wrapped = shared.length > 0;
      const source = (field: string): string => quoteIdent(wrapped ? field : (input.columns.get(field) ?? field));
      const cells = plan.leftGrids
        .filter((g) => g.alias === input.alias)
        .map((g) => {
          const meters = this.expr(g.meters);
          return `, ${this.cell(source(g.lat), 'lat', meters)} AS ${quoteIdent(`${g.name}y`)}, ${this.cell(source(g.lng), 'lng', meters)} AS ${quoteIdent(`${g.name}x`)}`;
        })
        .join('');
      // Fuzzy keys of this input's columns, once per row here rather than in every join that
      // compares them (at county scale: farmland_tax 237 → 143 ms, its four collisions share two keys).
      const keys = [...(this.keyColumns.get(input.alias) ?? new Map<string, { readonly field: string; readonly match: KeyMatch }>())]
        .map(([name, k]) => `, ${this.fuzzyKey(k.match, source(k.field))} AS ${quoteIdent(name)}`)
        .join('');
      // Filters on the table itself, its columns by their names in the table: DuckDB tests them
      // while scanning (wage_arrears_transfer: 737 → 658 ms against the same filter over the CTE's rows).
      this.physical = { alias: input.alias, columns: input.columns };
      const filters = shared.filter((c) => c.filter).map((c) => this.expr(c.node, true));
      this.physical = null;
      const where = filters.length > 0 ? ` AS ${quoteIdent(input.alias)} WHERE ${filters.join(' AND ')}` : '';
      // Source-row references only where rows become evidence: a CTE that several collisions
      // share is materialised with every column it selects.
      const fields = narrow
        ? ['_row_id', ...input.fields.filter((f) => late.has(f))]
        : [...(plan.evidence.includes(input.alias) ? ['_batch_id', '_row_id'] : []), ...input.fields];
      const parts = this.datasetRows(input, fields, `${wrapped ? '' : `${keys}${cells}`}`).map((p) => `${p}${where}`);
      const rows = parts.join('\n    UNION ALL\n    ');
      const a = quoteIdent(input.alias);
      if (!wrapped) ctes.push(`${a} AS (\n    ${rows}\n  )`);
      else {
        // Conditions several collisions repeat, once per row; they read the input's fields by alias.
        const cols = shared.filter((c) => !c.filter).map((c) => `, ${this.expr(c.node, true)} AS ${quoteIdent(c.column)}`);
        ctes.push(`${a} AS (\n    SELECT *${keys}${cells}${cols.join('')} FROM (\n    ${rows}\n    ) AS ${a}\n  )`);
      }
    }
    for (const g of plan.grids) {
      const meters = this.expr(g.meters);
      const lat = quoteIdent(g.lat);
      const lng = quoteIdent(g.lng);
      ctes.push(
        `${quoteIdent(g.gridAlias)} AS (\n    SELECT g.*, ${this.cell(`g.${lat}`, 'lat', meters)} + dy.d AS _gy, ${this.cell(`g.${lng}`, 'lng', meters)} + dx.d AS _gx\n` +
          `    FROM ${quoteIdent(g.alias)} AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)\n` +
          `    WHERE g.${lat} IS NOT NULL AND g.${lng} IS NOT NULL\n  )`,
      );
    }
    return ctes;
  }

  /** One SELECT per dataset of an input: its index when there are several, the fields (by their column names), then `extra`. */
  private datasetRows(input: QueryPlan['inputs'][number], fields: readonly string[], extra: string): string[] {
    return input.datasets.map((d, i) => {
      const cols = fields
        .map((f) => {
          const column = input.columns.get(f);
          return column === undefined ? quoteIdent(f) : `${quoteIdent(column)} AS ${quoteIdent(f)}`;
        })
        .join(', ');
      return `SELECT ${input.datasets.length > 1 ? `${i} AS _dataset, ` : ''}${cols}${extra} FROM data.${quoteIdent(d)}`;
    });
  }

  private measureSql(fn: string, expr: ExprNode | null): string {
    const e = expr ? this.expr(expr) : '*';
    switch (fn) {
      case 'count':
        return expr ? `count(${e})` : 'count(*)';
      case 'count_distinct':
        return `count(DISTINCT ${e})`;
      default:
        return `${fn}(${e})`;
    }
  }

  protected bind(value: string | number | boolean, type: SqlType): string {
    const key = `${type}\u0000${typeof value}\u0000${String(value)}`;
    let placeholder = this.slots.get(key);
    if (placeholder === undefined) {
      this.params.push(value);
      placeholder = `$${this.params.length}`;
      this.slots.set(key, placeholder);
    }
    return this.castParam(placeholder, type);
  }

  protected joinSource(j: JoinNode): string {
    return j.grid ? `${quoteIdent(j.grid.gridAlias)} AS ${quoteIdent(j.alias)}` : quoteIdent(j.alias);
  }

  protected joinCondition(j: JoinNode): string {
    const parts = j.keys.map((k) => `${this.expr(k.left)} = ${this.expr(k.right)}`);
    if (j.condition) parts.push(this.expr(j.condition));
    return parts.length ? parts.join(' AND ') : 'true';
  }

  /** The correlated form, for dialects without SEMI/ANTI JOIN syntax and for nested collisions. */
  protected existsSubquery(j: JoinNode): string {
    return `EXISTS (SELECT 1 FROM ${this.joinSource(j)} WHERE ${this.joinCondition(j)})`;
  }

  protected cell(coord: string, axis: 'lat' | 'lng', meters: string): string {
    const size = axis === 'lat' ? `(${meters} / ${METERS_PER_DEGREE}.0)` : `(${meters} / ${METERS_PER_DEGREE * LNG_CELL_FACTOR}.0)`;
    return `CAST(floor(${coord} / ${size}) AS BIGINT)`;
  }

  /** While rendering a filter on an input's table: that input's fields read from differently named columns. */
  private physical: { readonly alias: string; readonly columns: ReadonlyMap<string, string> } | null = null;

  /** Nodes rendered as a column computed once (the collision flags computed once in compile()). */
  private overrides: ReadonlyMap<ExprNode, string> | null = null;

  /** `own`: render a shared condition itself (in its input's CTE), not a reference to its column. */
  expr(node: ExprNode, own = false): string {
    const computed = this.overrides?.get(node);
    if (computed !== undefined) return computed;
    const shared = own ? undefined : this.shared?.columnOf.get(node);
    if (shared !== undefined) return shared.filter ? 'true' : `${quoteIdent(shared.alias)}.${quoteIdent(shared.column)}`;
    switch (node.kind) {
      case 'column': {
        const physical = this.physical?.alias === node.alias ? this.physical.columns.get(node.field) : undefined;
        return `${quoteIdent(node.alias)}.${quoteIdent(physical ?? node.field)}`;
      }
      case 'value':
        return this.bind(node.value, node.type);
      case 'compare':
        return `(${this.expr(node.left)} ${compareOp(node.op)} ${this.expr(node.right)})`;
      case 'and':
        return `(${node.items.map((i) => this.expr(i)).join(' AND ')})`;
      case 'or':
        return `(${node.items.map((i) => this.expr(i)).join(' OR ')})`;
      case 'not':
        return `(NOT coalesce(${this.expr(node.item)}, false))`;
      case 'in_list':
        return `(${this.expr(node.expr)} IN (${node.items.map((i) => this.expr(i)).join(', ')}))`;
      case 'contains_any': {
        const target = this.expr(node.expr);
        const literal = node.words.map((w) => (w.kind === 'value' && typeof w.value === 'string' ? w.value : null));
        if (this.containsAnyAsPattern && literal.length > 1 && literal.every((w) => w !== null)) {
          return this.regexMatch(target, this.bind(literalAlternation(literal), 'text'));
        }
        return `(${node.words.map((w) => this.contains(target, this.expr(w))).join(' OR ')})`;
      }
      case 'regex':
        return this.regexMatch(this.expr(node.expr), this.expr(node.pattern));
      case 'is_empty': {
        const e = this.expr(node.expr);
        // Import normalises every value: a blank cell is NULL, and text keeps no edge spaces — so
        // no trim per row (3× cheaper over 1.6 million companies' phones and addresses). A typed
        // value (number, date, boolean) is only ever NULL.
        const empty = node.text ? `(${e} IS NULL OR ${this.castText(e)} = '')` : `(${e} IS NULL)`;
        return node.negated ? `(NOT ${empty})` : empty;
      }
      case 'days_between':
        return this.daysBetween(this.expr(node.from), this.expr(node.to));
      case 'as_date':
        return `CAST(${this.expr(node.expr)} AS DATE)`;
      case 'date_add':
        return `(CAST(${this.expr(node.date)} AS DATE) ${node.minus ? '-' : '+'} CAST(${this.expr(node.days)} AS INTEGER))`;
      case 'age_at':
        return this.ageAt(this.expr(node.idNumber), this.expr(node.at));
      case 'age_from_birth':
        return this.ageFromBirth(this.expr(node.birthDate), this.expr(node.at));
      case 'first_of':
        return `coalesce(${node.items.map((i) => this.expr(i)).join(', ')})`;
      case 'distance':
        return this.haversine(this.expr(node.lat1), this.expr(node.lng1), this.expr(node.lat2), this.expr(node.lng2));
      case 'key':
        if (node.expr.kind === 'column') {
          const name = keyColumnName(node.match, node.expr.field);
          if (this.keyColumns.get(node.expr.alias)?.has(name)) return `${quoteIdent(node.expr.alias)}.${quoteIdent(name)}`;
        }
        return this.fuzzyKey(node.match, this.expr(node.expr));
      case 'exists':
        return node.negated ? `(NOT ${this.existsSubquery(node.join)})` : this.existsSubquery(node.join);
      case 'measure': {
        const m = this.measures.get(node.name);
        if (m === undefined) throw new Error(`unknown measure ${node.name} (the validator should have caught it)`);
        return m;
      }
    }
  }

  /** The smallest of a group's values (`boolean`: false before true). */
  protected minOf(sql: string, _boolean: boolean): string {
    return `min(${sql})`;
  }

  /** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m). */
  protected haversine(lat1: string, lng1: string, lat2: string, lng2: string): string {
    return (
      `(2 * 6371008.8 * asin(sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2) + ` +
      `cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lng2} - ${lng1}) / 2), 2))))`
    );
  }

  /**
   * Whole years from the birth date in an 18-digit ID number to `at`: the year difference, less
   * one before that year's birthday (domain.md §1; a 29 February birthday falls after 28 February).
   * The birth year and month-day are read straight from the ID's digits (chars 7–10 and 11–14) as
   * integers: no date is built from the text, which was the most expensive part of this test on
   * tens of millions of rows (IDs are validated at import, so those digits are a real date).
   */
  protected ageAt(idNumber: string, at: string): string {
    const a = `CAST(${at} AS DATE)`;
    const digits = (from: number): string => `CAST(substr(${idNumber}, ${from}, 4) AS INTEGER)`;
    return `CAST((extract(year FROM ${a}) - ${digits(7)}) - CASE WHEN (extract(month FROM ${a}) * 100 + extract(day FROM ${a})) < ${digits(11)} THEN 1 ELSE 0 END AS BIGINT)`;
  }

  /** Whole years from a birth date to `at`, by the same rule as {@link ageAt}. */
  protected ageFromBirth(birthDate: string, at: string): string {
    const a = `CAST(${at} AS DATE)`;
    const b = `CAST(${birthDate} AS DATE)`;
    const md = (d: string): string => `(extract(month FROM ${d}) * 100 + extract(day FROM ${d}))`;
    return `CAST((extract(year FROM ${a}) - extract(year FROM ${b})) - CASE WHEN ${md(a)} < ${md(b)} THEN 1 ELSE 0 END AS BIGINT)`;
  }

  // --- dialect hooks ---
  protected abstract castParam(placeholder: string, type: SqlType): string;
  protected abstract castText(sql: string): string;
  protected abstract contains(haystack: string, needle: string): string;
  protected abstract regexMatch(text: string, pattern: string): string;
  protected abstract daysBetween(from: string, to: string): string;
  protected abstract fuzzyKey(match: 'org_name' | 'person_pinyin' | 'exact', sql: string): string;
  /**
   * The source rows of a lead for one alias (see {@link EvidenceColumn}), aggregated over its hit
   * rows: dataset index (when the alias reads several datasets), batch id and row id; `distinct`
   * when a row may repeat.
   */
  protected abstract evidenceList(dataset: string | null, batch: string, row: string, distinct: boolean): string;
  /** The same for a lead of one hit row: a list of one. */
  protected abstract evidenceRow(dataset: string | null, batch: string, row: string): string;
  /** Texts as one JSON array (text in DuckDB, json in PostgreSQL). */
  protected abstract textList(texts: readonly string[]): string;
  protected abstract boolOr(sql: string): string;
  /**
   * A top-level semi/anti collision of the `from` input: as a join clause, as a WHERE condition,
   * or — `from.source` given, the rows of `from` as read so far — as a new source of those rows.
   * `from.withDataset`: its rows are identified by dataset index and row id.
   */
  protected abstract semiAntiJoin(
    j: JoinNode,
    from: { readonly alias: string; readonly withDataset: boolean; readonly source: string | null },
  ): { join?: string; where?: string; source?: string };

  /** Whether the keys and conditions of a collision refer to no input but `from` and its own, and hold no nested collision. */
  protected onlyBetween(j: JoinNode, from: string): boolean {
    const ok = (node: ExprNode): boolean => {
      if (node.kind === 'column') return node.alias === from || node.alias === j.alias;
      if (node.kind === 'exists') return false;
      // Every other node: its operands, wherever they are.
      return Object.values(node).every((v: unknown) =>
        Array.isArray(v) ? v.every((x: unknown) => typeof x !== 'object' || x === null || ok(x as ExprNode)) : typeof v !== 'object' || v === null || ok(v as ExprNode),
      );
    };
    return j.keys.every((k) => ok(k.left) && ok(k.right)) && (j.condition === null || ok(j.condition));
  }
}

/**
 * A regular expression matching any of `words` as plain text: each word's metacharacters escaped
 * (the same escapes in RE2 and in PostgreSQL's regular expressions), the words joined by `|`.
 */
export function literalAlternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('|');
}

function compareOp(op: CompareOp): string {
  return op === '!=' ? '<>' : op;
}

/** The input-CTE column holding a fuzzy key of a field. */
function keyColumnName(match: KeyMatch, field: string): string {
  return `_k_${match}_${field}`;
}

/**
 * The fuzzy keys of plain columns computed once per input row, in the input CTE, by input alias
 * (farmland_tax with four collisions on two keys: 237 → 143 ms at county scale; a key in a join
 * condition is also dearer per row there: wage_deposit's deposit-side name key, 47 ms as a CTE
 * column, 206 ms in the anti join's condition). The one exception: a key of the `from` input that
 * only one comparison uses stays in its join condition, where DuckDB computes it only for the rows
 * that reach that join — after an earlier anti join has removed most of them (wage_deposit: the
 * name keys of the 7,494 permits the credit-code anti join leaves, not of all 69,094).
 */
function collectKeyColumns(plan: QueryPlan): Map<string, Map<string, { readonly field: string; readonly match: KeyMatch }>> {
  const uses = new Map<string, { readonly alias: string; readonly field: string; readonly match: KeyMatch; readonly nodes: Set<object> }>();
  visitNodes(plan, (node) => {
    if (node.kind !== 'key') return;
    if (node.expr.kind === 'column' && node.match !== 'exact') {
      const { alias, field } = node.expr;
      const id = `${alias}\u0000${keyColumnName(node.match, field)}`;
      const use = uses.get(id) ?? { alias, field, match: node.match, nodes: new Set<object>() };
      use.nodes.add(node); // the same node is reached from the joins, the WHERE tree and the explanations
      uses.set(id, use);
    }
    return 'skip';
  });
  const found = new Map<string, Map<string, { readonly field: string; readonly match: KeyMatch }>>();
  for (const u of uses.values()) {
    if (u.alias === plan.from && u.nodes.size < 2) continue;
    const columns = found.get(u.alias) ?? new Map<string, { readonly field: string; readonly match: KeyMatch }>();
    columns.set(keyColumnName(u.match, u.field), { field: u.field, match: u.match });
    found.set(u.alias, columns);
  }
  return found;
}

/**
 * Late materialisation joins the hit rows back to their table; it pays when the fields it spares
 * the joins are many. The rule blocks (two or three fields spared, up to 9 million hits of 10
 * million rows) ran 1.3–1.5× slower with it (the anti join 2554 ms against 1750 without).
 */
const LATE_MIN_FIELDS = 4;

/**
 * For late materialisation (see `lateRows`): the fields of the `from` input that finding the hit
 * rows reads — its conditions, collision keys and conditions, grid cells — or null when it does
 * not pay: no collision (one scan does it all), an inner join (its rows are evidence too), or
 * fewer than {@link LATE_MIN_FIELDS} fields a lead shows are left out.
 */
function lateFields(plan: QueryPlan): ReadonlySet<string> | null {
  if (plan.joins.some((j) => j.type === 'inner')) return null;
  if (plan.joins.length === 0 && !(plan.where && hasCollision(plan.where))) return null;
  const read = new Set<string>();
  visitNodes([plan.where, plan.joins], (node) => {
    if (node.kind === 'column' && node.alias === plan.from) read.add(node.field);
  });
  for (const g of plan.leftGrids) if (g.alias === plan.from) read.add(g.lat).add(g.lng);
  const input = plan.inputs.find((i) => i.alias === plan.from);
  if (!input || input.fields.filter((f) => !read.has(f)).length < LATE_MIN_FIELDS) return null;
  return read;
}

function isBoolean(item: TextItem | undefined): boolean {
  return item?.kind === 'min' && item.boolean;
}
