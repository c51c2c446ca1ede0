import { quoteIdent } from '../../warehouse/warehouse.js';
import type { CompareOp } from '../spec/model-spec.js';
import { OUT, type CompiledQuery } from './compiled-query.js';
import type { ExprNode, JoinNode, SqlType } from './expression-node.js';
import type { QueryPlan } from './query-plan.js';

/** Metres per degree of latitude, and the widest longitude cell needed up to 60° N/S. */
const METERS_PER_DEGREE = 111_000;
const LNG_CELL_FACTOR = 0.5; // cos(60°): cells wide enough that 3×3 neighbours cover the radius

/**
 * Compiles a {@link QueryPlan} to SQL. The walk is shared; a dialect overrides hooks only —
 * quoting, casts, date arithmetic, regular expressions, aggregation of evidence, semi/anti
 * joins. Every value becomes a bound parameter ($1…$n); identifiers are quoted.
 */
export abstract class SqlCompiler {
  private params: (string | number | boolean)[] = [];

  compile(plan: QueryPlan): CompiledQuery {
    this.params = [];
    // Measures first: templates, amount and HAVING refer to them. Placeholder numbers need not
    // follow their order in the text.
    this.measures = new Map((plan.aggregate?.measures ?? []).map((m) => [m.name, this.measureSql(m.fn, m.expr)]));
    const ctes: string[] = [];
    for (const input of plan.inputs) {
      const cells = plan.leftGrids
        .filter((g) => g.alias === input.alias)
        .map((g) => {
          const meters = this.expr(g.meters);
          return `, ${this.cell(quoteIdent(g.lat), 'lat', meters)} AS ${quoteIdent(`${g.name}y`)}, ${this.cell(quoteIdent(g.lng), 'lng', meters)} AS ${quoteIdent(`${g.name}x`)}`;
        })
        .join('');
      const parts = input.datasets.map((d) => {
        const cols = ['_batch_id', '_row_id', ...input.fields].map(quoteIdent).join(', ');
        return `SELECT ${this.bind(d, 'text')} AS _dataset, ${cols}${cells} FROM data.${quoteIdent(d)}`;
      });
      ctes.push(`${quoteIdent(input.alias)} AS (\n    ${parts.join('\n    UNION ALL\n    ')}\n  )`);
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

    const from: string[] = [`${quoteIdent(plan.from)}`];
    const where: string[] = [];
    for (const j of plan.joins) {
      if (j.type === 'inner') from.push(`JOIN ${this.joinSource(j)} ON ${this.joinCondition(j)}`);
      else {
        const rendered = this.semiAntiJoin(j);
        if (rendered.join) from.push(rendered.join);
        if (rendered.where) where.push(rendered.where);
      }
    }
    if (plan.where) where.push(this.expr(plan.where));

    const select: string[] = [];
    const groupBy: string[] = [];
    const subjectText = plan.subject.map((s) => this.castText(this.expr(s.expr)));
    if (plan.aggregate) groupBy.push(...plan.aggregate.groupBy.map((g) => this.expr(g)));
    else groupBy.push(...plan.subject.map((s) => this.expr(s.expr)));
    select.push(`${this.fingerprint([this.bind(plan.modelId, 'text'), ...subjectText])} AS ${OUT.fingerprint}`);
    subjectText.forEach((s, i) => select.push(`${s} AS ${OUT.subject(i)}`));
    plan.templates.forEach((t, i) => select.push(`${this.aggregateText(t.expr)} AS ${OUT.template(i)}`));
    if (plan.amount) {
      select.push(`${plan.amount.kind === 'measure' ? this.expr(plan.amount) : `max(${this.expr(plan.amount)})`} AS ${OUT.amount}`);
    } else select.push(`NULL AS ${OUT.amount}`);
    plan.evidence.forEach((alias, i) => select.push(`${this.evidenceJson(quoteIdent(alias))} AS ${OUT.evidence(i)}`));
    const explainColumns: string[] = [];
    plan.explain.forEach((x, i) => {
      // A top-level collision became a semi/anti join: every hit satisfies it. A nested one is evaluated.
      const joined = x.condition.kind === 'exists' && plan.joins.includes(x.condition.join);
      select.push(`${joined ? 'true' : this.boolOr(this.expr(x.condition))} AS ${OUT.explainFlag(i)}`);
      explainColumns.push(OUT.explainFlag(i));
      x.values.forEach((v, j) => select.push(`${this.aggregateText(v.expr)} AS ${OUT.explainValue(i, j)}`));
    });

    const having = plan.aggregate ? `\nHAVING ${this.expr(plan.aggregate.having)}` : '';
    const sql =
      `WITH ${ctes.join(',\n  ')}\n` +
      `SELECT ${select.join(',\n       ')}\n` +
      `FROM ${from.join('\n  ')}\n` +
      (where.length ? `WHERE ${where.join('\n  AND ')}\n` : '') +
      `GROUP BY ${groupBy.join(', ')}` +
      having;
    return { sql, parameters: [...this.params], explainColumns };
  }

  private measures = new Map<string, string>();

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
    this.params.push(value);
    return this.castParam(`$${this.params.length}`, type);
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

  expr(node: ExprNode): string {
    switch (node.kind) {
      case 'column':
        return `${quoteIdent(node.alias)}.${quoteIdent(node.field)}`;
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
        return `(${node.words.map((w) => this.contains(target, this.expr(w))).join(' OR ')})`;
      }
      case 'regex':
        return this.regexMatch(this.expr(node.expr), this.expr(node.pattern));
      case 'is_empty': {
        const e = this.expr(node.expr);
        const empty = `(${e} IS NULL OR trim(${this.castText(e)}) = '')`;
        return node.negated ? `(NOT ${empty})` : empty;
      }
      case 'days_between':
        return this.daysBetween(this.expr(node.from), this.expr(node.to));
      case 'date_add':
        return `(CAST(${this.expr(node.date)} AS DATE) + CAST(${this.expr(node.days)} AS INTEGER))`;
      case 'age_at':
        return this.ageAt(this.expr(node.idNumber), this.expr(node.at));
      case 'distance':
        return this.haversine(this.expr(node.lat1), this.expr(node.lng1), this.expr(node.lat2), this.expr(node.lng2));
      case 'key':
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

  /** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m). */
  protected haversine(lat1: string, lng1: string, lat2: string, lng2: string): string {
    return (
      `(2 * 6371008.8 * asin(sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2) + ` +
      `cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lng2} - ${lng1}) / 2), 2))))`
    );
  }

  /** A value for a template or explanation: the smallest in the group, compared in its own type. */
  protected aggregateText(node: ExprNode): string {
    return node.kind === 'measure' ? this.castText(this.expr(node)) : this.castText(`min(${this.expr(node)})`);
  }

  /**
   * Whole years from the birth date in an 18-digit ID number to `at`: the year difference, less
   * one before that year's birthday (domain.md §1; a 29 February birthday falls after 28 February).
   */
  protected ageAt(idNumber: string, at: string): string {
    const b = this.birthDate(idNumber);
    const a = `CAST(${at} AS DATE)`;
    const md = (d: string): string => `(extract(month FROM ${d}) * 100 + extract(day FROM ${d}))`;
    return `CAST((extract(year FROM ${a}) - extract(year FROM ${b})) - CASE WHEN ${md(a)} < ${md(b)} THEN 1 ELSE 0 END AS BIGINT)`;
  }

  // --- dialect hooks ---
  protected abstract castParam(placeholder: string, type: SqlType): string;
  protected abstract castText(sql: string): string;
  protected abstract contains(haystack: string, needle: string): string;
  protected abstract regexMatch(text: string, pattern: string): string;
  protected abstract daysBetween(from: string, to: string): string;
  /** The birth date (chars 7–14) of a normalised 18-digit ID number, as a DATE. */
  protected abstract birthDate(idNumber: string): string;
  protected abstract fuzzyKey(match: 'org_name' | 'person_pinyin' | 'exact', sql: string): string;
  protected abstract fingerprint(parts: readonly string[]): string;
  protected abstract evidenceJson(alias: string): string;
  protected abstract boolOr(sql: string): string;
  /** A top-level semi/anti collision: as a join clause, or as a WHERE condition. */
  protected abstract semiAntiJoin(j: JoinNode): { join?: string; where?: string };
}

function compareOp(op: CompareOp): string {
  return op === '!=' ? '<>' : op;
}
