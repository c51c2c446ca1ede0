import { parse as parseYaml } from 'yaml';
import { getKind } from '../../catalog/index.js';
import { JianduError } from '../../shared/errors.js';
import { specProblems } from './spec-issues.js';
import {
  isSqlRule,
  modelSpecSchema,
  type CollisionSpec,
  type Condition,
  type FieldRef,
  type ModelSpec,
  type Operand,
  type RuleSpec,
} from './model-spec.js';

/** A spec that failed validation: each problem names the item it is about, in Chinese. */
export class ModelSpecError extends JianduError {
  override readonly name = 'ModelSpecError';
  constructor(
    readonly modelId: string,
    readonly problems: readonly string[],
  ) {
    super('invalid_argument', `模型“${modelId}”定义有误：\n  - ${problems.join('\n  - ')}`, { modelId, problems });
  }
}

/**
 * Parses and validates a model: the zod schema first, then the references — every alias names
 * an input, every field is declared by its input and exists in the input's dataset kind, every
 * parameter is declared, measures appear only with an aggregate, and the subject of an
 * aggregate model is its group keys.
 *
 * @example
 * const spec = parseModelSpec(readFileSync('model.yaml', 'utf8'), 'model.yaml');
 */
export function parseModelSpec(text: string, source: string): ModelSpec {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (cause) {
    throw new JianduError('invalid_argument', `模型文件 ${source} 不是有效的 YAML：${cause instanceof Error ? cause.message : String(cause)}`, { source }, { cause });
  }
  return validateModelSpec(raw, source);
}

export function validateModelSpec(raw: unknown, source: string): ModelSpec {
  const parsed = modelSpecSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : source;
    throw new ModelSpecError(
      id,
      specProblems(parsed.error.issues, raw).map((p) => `${p.path.map(String).join('.') || '（根）'}：${p.message}`),
    );
  }
  const spec = parsed.data;
  const problems = checkReferences(spec);
  if (problems.length > 0) throw new ModelSpecError(spec.id, problems);
  return spec;
}

export function checkReferences(spec: ModelSpec): string[] {
  const problems: string[] = [];
  const inputs = new Map(spec.inputs.map((i) => [i.alias, i]));
  if (inputs.size !== spec.inputs.length) problems.push('输入的别名（alias）有重复');
  const params = new Map(spec.parameters.map((p) => [p.name, p]));
  if (params.size !== spec.parameters.length) problems.push('参数名有重复');

  for (const input of spec.inputs) {
    if (!input.kind) continue;
    const kind = getKind(input.kind);
    if (!kind) {
      problems.push(`输入“${input.alias}”的数据集类型“${input.kind}”不存在`);
      continue;
    }
    for (const f of input.fields) {
      if (!kind.fields.some((k) => k.name === f)) problems.push(`输入“${input.alias}”声明的字段“${f}”不是“${kind.name}”（${kind.id}）的字段`);
    }
  }
  for (const p of spec.parameters) {
    const ok =
      p.type === 'text_list'
        ? Array.isArray(p.default)
        : p.type === 'boolean'
          ? typeof p.default === 'boolean'
          : p.type === 'number' || p.type === 'integer'
            ? typeof p.default === 'number'
            : typeof p.default === 'string';
    if (!ok) problems.push(`参数“${p.name}”的默认值与类型 ${p.type} 不符`);
  }

  const field = (ref: FieldRef, where: string): void => {
    const [alias = '', name = ''] = ref.split('.');
    const input = inputs.get(alias);
    if (!input) problems.push(`${where}引用了未声明的输入“${alias}”（${ref}）`);
    else if (!input.fields.includes(name)) problems.push(`${where}引用的字段“${ref}”未在输入“${alias}”的 fields 中声明`);
  };
  const param = (name: string, where: string): void => {
    if (!params.has(name)) problems.push(`${where}引用了未声明的参数“${name}”`);
  };
  const aggregate = isSqlRule(spec.rule) ? undefined : spec.rule.aggregate;
  const measures = new Set(aggregate?.measures.map((m) => m.name) ?? []);
  const operand = (o: Operand, where: string, allowMeasure: boolean): void => {
    if (typeof o === 'string') field(o, where);
    else if (typeof o === 'number' || typeof o === 'boolean') return;
    else if ('field' in o) field(o.field, where);
    else if ('param' in o) param(o.param, where);
    else if ('firstOf' in o) o.firstOf.forEach((x) => operand(x, where, allowMeasure));
    else if ('addDays' in o) {
      operand(o.addDays.date, where, allowMeasure);
      numberOrParam(o.addDays.days, where);
    }
    else if ('measure' in o) {
      if (!allowMeasure || !measures.has(o.measure)) problems.push(`${where}引用的统计量“${o.measure}”不存在（只能用在 aggregate.having 中）`);
    }
  };
  const numberOrParam = (v: number | { param: string } | undefined, where: string): void => {
    if (v !== undefined && typeof v !== 'number') param(v.param, where);
  };
  const collision = (c: CollisionSpec, where: string): void => {
    if (!inputs.has(c.alias)) problems.push(`${where}碰撞的输入“${c.alias}”未声明`);
    if (!c.on && !c.near && !c.window && !c.where) problems.push(`${where}碰撞“${c.alias}”没有任何匹配条件（on / near / window / where）`);
    for (const k of c.on ?? []) {
      field(k.left, where);
      field(k.right, where);
    }
    if (c.near) numberOrParam(c.near.meters, where);
    if (c.window) {
      field(c.window.left, where);
      field(c.window.right, where);
      numberOrParam(c.window.minDays, where);
      numberOrParam(c.window.maxDays, where);
    }
    if (c.where) condition(c.where, where, false);
  };
  const condition = (c: Condition, where: string, allowMeasure: boolean): void => {
    if ('all' in c) c.all.forEach((x) => condition(x, where, allowMeasure));
    else if ('any' in c) c.any.forEach((x) => condition(x, where, allowMeasure));
    else if ('not' in c) condition(c.not, where, allowMeasure);
    else if ('compare' in c) {
      operand(c.compare.left, where, allowMeasure);
      operand(c.compare.right, where, allowMeasure);
    } else if ('in' in c) {
      field(c.in.field, where);
      if (!Array.isArray(c.in.values)) param(c.in.values.param, where);
    } else if ('containsAny' in c) {
      field(c.containsAny.field, where);
      if (!Array.isArray(c.containsAny.words)) param(c.containsAny.words.param, where);
    } else if ('matches' in c) field(c.matches.field, where);
    else if ('isEmpty' in c) field(c.isEmpty, where);
    else if ('notEmpty' in c) field(c.notEmpty, where);
    else if ('daysBetween' in c) {
      operand(c.daysBetween.from, where, false);
      operand(c.daysBetween.to, where, false);
      numberOrParam(c.daysBetween.days, where);
    } else if ('age' in c) {
      if (c.age.idNumber !== undefined) field(c.age.idNumber, where);
      if (c.age.birthDate !== undefined) field(c.age.birthDate, where);
      if (c.age.at !== undefined) operand(c.age.at, where, false);
      numberOrParam(c.age.years, where);
    } else if ('exists' in c) collision(c.exists, where);
    else collision(c.notExists, where);
  };

  if (isSqlRule(spec.rule)) return problems;
  const rule: RuleSpec = spec.rule;
  if (!inputs.has(rule.from)) problems.push(`rule.from 的输入“${rule.from}”未声明`);
  for (const j of rule.joins ?? []) collision(j, `joins（${j.alias}）`);
  if (rule.where) condition(rule.where, 'rule.where ', false);
  if (aggregate) {
    aggregate.groupBy.forEach((g) => field(g, 'aggregate.groupBy '));
    aggregate.measures.forEach((m) => {
      if (m.field) field(m.field, `统计量“${m.name}”`);
      else if (m.fn !== 'count') problems.push(`统计量“${m.name}”（${m.fn}）需要 field`);
    });
    condition(aggregate.having, 'aggregate.having ', true);
    for (const s of spec.lead.subject) if (!aggregate.groupBy.includes(s)) problems.push(`有 aggregate 时，lead.subject 须为分组字段之一：${s}`);
  }
  spec.lead.subject.forEach((s) => field(s, 'lead.subject '));
  if (typeof spec.lead.amount === 'string') field(spec.lead.amount, 'lead.amount ');
  else if (spec.lead.amount && !measures.has(spec.lead.amount.measure)) problems.push(`lead.amount 引用的统计量“${spec.lead.amount.measure}”不存在`);
  for (const m of `${spec.lead.title}${spec.lead.reason}`.matchAll(/\{([^}]+)\}/g)) {
    const ref = m[1] ?? '';
    if (ref === 'runDate' || ref === 'distance') continue;
    if (ref.startsWith('param.')) param(ref.slice(6), '模板');
    else if (ref.startsWith('measure.')) {
      if (!measures.has(ref.slice(8))) problems.push(`模板引用的统计量“${ref}”不存在`);
    } else field(ref, '模板');
  }
  return problems;
}
