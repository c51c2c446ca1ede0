import type { SemanticType } from '../../catalog/semantic-type.js';
import { JianduError } from '../../shared/errors.js';
import type { CollisionSpec, CompareOp, Condition, FieldRef, ModelSpec, NumberOrParam, Operand, RuleSpec } from '../spec/model-spec.js';
import { Expr, type ExprNode, type JoinNode, type SqlType } from './expression-node.js';
import type { ExplainPlan, GridPlan, InputPlan, LeftGridPlan, QueryPlan } from './query-plan.js';

export type ParameterValue = string | number | boolean | readonly string[];

export interface PlanContext {
  /** Input alias → the datasets bound to it. */
  readonly bindings: ReadonlyMap<string, readonly string[]>;
  /** `alias.field` → semantic type, for typing literals compared with that field. */
  readonly fieldTypes: ReadonlyMap<string, SemanticType>;
  /** Fields whose bound datasets type them differently (see `InputBinding.mixedTypes`); none when omitted. */
  readonly mixedTypes?: ReadonlySet<string>;
  /** Input alias → (field → dataset column) where the workspace names a field differently. */
  readonly columns?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Resolved parameter values (defaults overridden by the user). */
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  /** The run date, YYYY-MM-DD. */
  readonly asOf: string;
}

function sqlTypeOf(type: SemanticType | undefined): SqlType {
  switch (type) {
    case 'date':
    case 'datetime':
      return 'date';
    case 'money':
      return 'decimal';
    case 'lat':
    case 'lng':
      return 'double';
    case 'integer':
      return 'bigint';
    case 'boolean':
      return 'boolean';
    case 'idcard':
    case 'uscc':
    case 'person_name':
    case 'org_name':
    case 'phone':
    case 'address':
    case 'coord_system':
    case 'text':
    case 'code':
    case undefined:
      return 'text';
  }
}

/**
 * Builds the operation tree of a declarative model. Top-level `exists` / `notExists` conditions
 * become semi / anti joins (the form DuckDB plans best); nested ones stay correlated EXISTS.
 */
export function buildQueryPlan(spec: ModelSpec, rule: RuleSpec, ctx: PlanContext): QueryPlan {
  const grids: GridPlan[] = [];
  const leftGrids: LeftGridPlan[] = [];
  const explain: ExplainPlan[] = [];
  let nearDistance: ExprNode | null = null;

  const column = (ref: FieldRef): ExprNode => {
    const [alias = '', field = ''] = ref.split('.');
    return Expr.column(alias, field);
  };
  const param = (name: string, type?: SqlType): ExprNode => {
    const v = ctx.parameters.get(name);
    if (v === undefined) throw new JianduError('invalid_argument', `模型“${spec.id}”缺少参数“${name}”的值`);
    if (Array.isArray(v)) throw new JianduError('invalid_argument', `参数“${name}”是列表，不能用在这里`);
    const scalar = v as string | number | boolean;
    const declared = spec.parameters.find((p) => p.name === name)?.type;
    const t: SqlType = type ?? (declared === 'integer' ? 'bigint' : declared === 'number' ? 'double' : declared === 'date' ? 'date' : declared === 'boolean' ? 'boolean' : 'text');
    return Expr.value(scalar, typeof scalar === 'number' ? literalType(scalar, t) : t);
  };
  // A fraction compared with an integer field stays a fraction (5.5 must not become 6); an amount
  // compared with a money field (DECIMAL(18,2)) is a DECIMAL when it has at most two decimals, so
  // the column is compared as it is stored (no cast per row; DuckDB tests it while scanning).
  const literalType = (v: string | number | boolean, hint: SqlType | undefined): SqlType => {
    if (typeof v === 'number' && hint === 'bigint' && !Number.isInteger(v)) return 'double';
    if (typeof v === 'number' && hint === 'decimal' && !(Math.abs(v) < 1e15 && Number(v.toFixed(2)) === v)) return 'double';
    return hint ?? (typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'text');
  };
  const typeOfRef = (ref: FieldRef): SqlType => sqlTypeOf(ctx.fieldTypes.get(ref));
  const operand = (o: Operand, hint?: SqlType): ExprNode => {
    if (typeof o === 'string') return column(o);
    if (typeof o === 'number' || typeof o === 'boolean') return Expr.value(o, literalType(o, hint));
    if ('field' in o) return column(o.field);
    if ('param' in o) return param(o.param, hint);
    if ('value' in o) return Expr.value(o.value, literalType(o.value, hint));
    if ('runDate' in o) return Expr.value(ctx.asOf, 'date');
    if ('firstOf' in o) {
      const type = hint ?? operandType(o);
      return Expr.firstOf(o.firstOf.map((x) => operand(x, type)));
    }
    if ('addDays' in o) return Expr.dateAdd(operand(o.addDays.date, 'date'), numberOrParam(o.addDays.days, 'bigint'));
    return Expr.measure(o.measure);
  };
  const operandType = (o: Operand): SqlType | undefined => {
    if (typeof o === 'string') return typeOfRef(o);
    if (typeof o !== 'object') return undefined;
    if ('field' in o) return typeOfRef(o.field);
    if ('runDate' in o) return 'date';
    if ('firstOf' in o) return o.firstOf.map(operandType).find((t) => t !== undefined);
    if ('addDays' in o) return 'date';
    return undefined;
  };
  const numberOrParam = (v: NumberOrParam, type: SqlType): ExprNode => (typeof v === 'number' ? Expr.value(v, type) : param(v.param, type));
  const listOf = (values: readonly (string | number | boolean)[] | { param: string }, hint: SqlType): ExprNode[] => {
    if (!Array.isArray(values)) {
      const p = (values as { param: string }).param;
      const v = ctx.parameters.get(p);
      if (!Array.isArray(v)) throw new JianduError('invalid_argument', `参数“${p}”应为列表`);
      return (v as readonly string[]).map((x) => Expr.value(x, hint));
    }
    return (values as readonly (string | number | boolean)[]).map((x) => Expr.value(x, literalType(x, hint)));
  };

  const collision = (c: CollisionSpec, type: JoinNode['type']): JoinNode => {
    const keys = (c.on ?? []).map((k) => {
      const [la] = k.left.split('.');
      const [left, right] = la === c.alias ? [k.right, k.left] : [k.left, k.right];
      return { left: Expr.key(k.match, column(left)), right: Expr.key(k.match, column(right)) };
    });
    const conditions: ExprNode[] = [];
    let grid: JoinNode['grid'];
    if (c.near) {
      const meters = numberOrParam(c.near.meters, 'double');
      const leftLat = column(c.near.left?.lat ?? `${rule.from}.lat`);
      const leftLng = column(c.near.left?.lng ?? `${rule.from}.lng`);
      const rightLat = column(c.near.right?.lat ?? `${c.alias}.lat`);
      const rightLng = column(c.near.right?.lng ?? `${c.alias}.lng`);
      const gridAlias = `${c.alias}__grid${grids.length + 1}`;
      grids.push({ gridAlias, alias: c.alias, meters, lat: (c.near.right?.lat ?? `${c.alias}.lat`).split('.')[1] ?? 'lat', lng: (c.near.right?.lng ?? `${c.alias}.lng`).split('.')[1] ?? 'lng' });
      // The near side's cells are columns of its input (computed once per row, in its CTE): a join
      // on expressions beside the distance test makes DuckDB fall back to a nested-loop join.
      const leftLatRef = c.near.left?.lat ?? `${rule.from}.lat`;
      const leftLngRef = c.near.left?.lng ?? `${rule.from}.lng`;
      const [leftAlias = rule.from, latField = 'lat'] = leftLatRef.split('.');
      const cellName = `_cell${leftGrids.length + 1}`;
      leftGrids.push({ alias: leftAlias, lat: latField, lng: leftLngRef.split('.')[1] ?? 'lng', meters, name: cellName });
      keys.push({ left: Expr.column(leftAlias, `${cellName}y`), right: Expr.column(c.alias, '_gy') });
      keys.push({ left: Expr.column(leftAlias, `${cellName}x`), right: Expr.column(c.alias, '_gx') });
      const distance = Expr.distance(leftLat, leftLng, rightLat, rightLng);
      conditions.push(Expr.compare('<=', distance, meters));
      if (type === 'inner' && !nearDistance) nearDistance = distance;
      grid = { meters, leftLat, leftLng, gridAlias };
    }
    if (c.window) {
      // right BETWEEN left + min AND left + max: a range test on the plain column keeps DuckDB's
      // hash join on the keys (date_diff() of both sides turned it into a nested loop).
      const left = column(c.window.left);
      const right = column(c.window.right);
      if (c.window.minDays !== undefined) conditions.push(Expr.compare('>=', right, Expr.dateAdd(left, numberOrParam(c.window.minDays, 'bigint'))));
      if (c.window.maxDays !== undefined) conditions.push(Expr.compare('<=', right, Expr.dateAdd(left, numberOrParam(c.window.maxDays, 'bigint'))));
    }
    if (c.where) conditions.push(condition(c.where, false));
    return { kind: 'join', type, alias: c.alias, keys, grid, condition: conditions.length ? Expr.and(conditions) : null };
  };

  const condition = (c: Condition, record: boolean): ExprNode => {
    const leaf = (node: ExprNode, label: string, refs: readonly FieldRef[]): ExprNode => {
      if (record) explain.push({ label, condition: node, values: refs.map((r) => ({ ref: r, expr: column(r) })) });
      return node;
    };
    if ('all' in c) return Expr.and(c.all.map((x) => condition(x, record)));
    if ('any' in c) return Expr.or(c.any.map((x) => condition(x, record)));
    if ('not' in c) return Expr.not(condition(c.not, record));
    if ('compare' in c) {
      const { left, op, right } = c.compare;
      const hint = operandType(left) ?? operandType(right);
      const refs = [left, right].flatMap(fieldsOf);
      return leaf(Expr.compare(op, operand(left, hint), operand(right, hint)), `${describe(left)} ${op} ${describe(right)}`, refs);
    }
    if ('in' in c) return leaf(Expr.inList(column(c.in.field), listOf(c.in.values, typeOfRef(c.in.field))), `${c.in.field} 属于指定取值`, [c.in.field]);
    if ('containsAny' in c) return leaf(Expr.containsAny(column(c.containsAny.field), listOf(c.containsAny.words, 'text')), `${c.containsAny.field} 含有指定词语`, [c.containsAny.field]);
    if ('matches' in c) return leaf(Expr.regex(column(c.matches.field), Expr.value(c.matches.pattern, 'text')), `${c.matches.field} 符合模式`, [c.matches.field]);
    if ('isEmpty' in c) return leaf(Expr.isEmpty(column(c.isEmpty), false, typeOfRef(c.isEmpty) === 'text'), `${c.isEmpty} 为空`, [c.isEmpty]);
    if ('notEmpty' in c) return leaf(Expr.isEmpty(column(c.notEmpty), true, typeOfRef(c.notEmpty) === 'text'), `${c.notEmpty} 不为空`, [c.notEmpty]);
    if ('daysBetween' in c) {
      const d = c.daysBetween;
      const refs = [d.from, d.to].flatMap(fieldsOf);
      const fromRef = fieldOf(d.from);
      const toRef = fieldOf(d.to);
      // Two rows' dates (inside a collision): `to op from + N`, a range test on the plain values,
      // keeps DuckDB's hash join on the keys; date_diff() over both sides plans a nested loop.
      // A field against a fixed date (the run date, a value, a parameter): `from op' to − N`, the
      // arithmetic on the constant side, a plain comparison DuckDB tests while scanning.
      const fixed = (o: Operand): boolean => typeof o === 'object' && ('runDate' in o || 'value' in o || 'param' in o);
      const flipped: Record<CompareOp, CompareOp> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=', '=': '=', '!=': '!=' };
      const node =
        fromRef && toRef && fromRef.split('.')[0] !== toRef.split('.')[0]
          ? Expr.compare(d.op, Expr.asDate(column(toRef)), Expr.dateAdd(column(fromRef), numberOrParam(d.days, 'bigint')))
          : fromRef && fixed(d.to)
            ? Expr.compare(flipped[d.op], Expr.asDate(column(fromRef)), Expr.dateSub(operand(d.to, 'date'), numberOrParam(d.days, 'bigint')))
            : Expr.compare(d.op, Expr.daysBetween(operand(d.from, 'date'), operand(d.to, 'date')), numberOrParam(d.days, 'bigint'));
      return leaf(
        node,
        `${describe(d.from)} 至 ${describe(d.to)} 的天数 ${d.op} ${describeNum(d.days)}`,
        refs,
      );
    }
    if ('age' in c) {
      const a = c.age;
      const at = a.at === undefined ? Expr.value(ctx.asOf, 'date') : operand(a.at, 'date');
      const source = a.idNumber ?? a.birthDate ?? '';
      const age = a.idNumber !== undefined ? Expr.ageAt(column(a.idNumber), at) : Expr.ageFromBirth(column(source), at);
      return leaf(Expr.compare(a.op, age, numberOrParam(a.years, 'bigint')), `按 ${source} 计算的年龄 ${a.op} ${describeNum(a.years)}`, [
        source,
        ...(a.at === undefined ? [] : fieldsOf(a.at)),
      ]);
    }
    if ('exists' in c) return leaf(Expr.exists(false, collision(c.exists, 'semi')), `存在匹配的“${c.exists.alias}”记录`, []);
    return leaf(Expr.exists(true, collision(c.notExists, 'anti')), `不存在匹配的“${c.notExists.alias}”记录`, []);
  };

  const joins: JoinNode[] = (rule.joins ?? []).map((j) => collision(j, 'inner'));
  // Top-level collisions become semi/anti joins; everything else stays in WHERE.
  const conjuncts = rule.where ? ('all' in rule.where ? rule.where.all : [rule.where]) : [];
  const filters: ExprNode[] = [];
  for (const c of conjuncts) {
    const node = condition(c, true);
    if (node.kind === 'exists') joins.push(node.join);
    else filters.push(node);
  }

  const aggregate = rule.aggregate
    ? {
        groupBy: rule.aggregate.groupBy.map(column),
        measures: rule.aggregate.measures.map((m) => ({ name: m.name, fn: m.fn, expr: m.field ? column(m.field) : null })),
        having: condition(rule.aggregate.having, false),
      }
    : null;

  const templates: { ref: string; expr: ExprNode }[] = [];
  for (const m of `${spec.lead.title}${spec.lead.reason}`.matchAll(/\{([^}]+)\}/g)) {
    const ref = m[1] ?? '';
    if (templates.some((t) => t.ref === ref) || ref === 'runDate' || ref.startsWith('param.')) continue;
    if (ref === 'distance') {
      if (nearDistance) templates.push({ ref, expr: nearDistance });
    } else if (ref.startsWith('measure.')) templates.push({ ref, expr: Expr.measure(ref.slice(8)) });
    else templates.push({ ref, expr: column(ref) });
  }

  const inputs: InputPlan[] = spec.inputs.map((i) => {
    const datasets = ctx.bindings.get(i.alias);
    if (!datasets || datasets.length === 0) throw new JianduError('not_found', `模型“${spec.id}”的输入“${i.alias}”没有对应的数据集`);
    return { alias: i.alias, datasets, fields: i.fields, columns: ctx.columns?.get(i.alias) ?? new Map<string, string>() };
  });

  return {
    modelId: spec.id,
    inputs,
    grids,
    leftGrids,
    from: rule.from,
    joins,
    where: filters.length ? Expr.and(filters) : null,
    aggregate,
    subject: spec.lead.subject.map((ref) => ({ ref, expr: column(ref) })),
    templates,
    amount: spec.lead.amount === undefined ? null : typeof spec.lead.amount === 'string' ? column(spec.lead.amount) : Expr.measure(spec.lead.amount.measure),
    evidence: [rule.from, ...(rule.joins ?? []).map((j) => j.alias)],
    explain,
    fieldTypes: new Map([...ctx.fieldTypes].map(([ref, type]) => [ref, sqlTypeOf(type)])),
    // A DATE column in every bound dataset (their UNION is then a DATE too).
    dateFields: new Set([...ctx.fieldTypes].flatMap(([ref, type]) => (type === 'date' && !ctx.mixedTypes?.has(ref) ? [ref] : []))),
  };
}

/** Every field an operand reads (a firstOf reads several). */
function fieldsOf(o: Operand): FieldRef[] {
  if (typeof o === 'string') return [o];
  if (typeof o !== 'object') return [];
  if ('field' in o) return [o.field];
  if ('firstOf' in o) return o.firstOf.flatMap(fieldsOf);
  if ('addDays' in o) return fieldsOf(o.addDays.date);
  return [];
}

/** The field an operand names, if it names one. */
function fieldOf(o: Operand): FieldRef | null {
  if (typeof o === 'string') return o;
  return typeof o === 'object' && 'field' in o ? o.field : null;
}

function describe(o: Operand): string {
  if (typeof o === 'string') return o;
  if (typeof o === 'number' || typeof o === 'boolean') return String(o);
  if ('field' in o) return o.field;
  if ('param' in o) return `参数 ${o.param}`;
  if ('value' in o) return JSON.stringify(o.value);
  if ('runDate' in o) return '运行日期';
  if ('firstOf' in o) return o.firstOf.map(describe).join('（为空时取 ') + '）'.repeat(o.firstOf.length - 1);
  if ('addDays' in o) return `${describe(o.addDays.date)} 后 ${describeNum(o.addDays.days)} 天`;
  return `统计量 ${o.measure}`;
}

function describeNum(v: NumberOrParam): string {
  return typeof v === 'number' ? String(v) : `参数 ${v.param}`;
}
