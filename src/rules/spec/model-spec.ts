import { z } from 'zod';

/**
 * A supervision model (法律监督模型) as data: what it needs, how it screens and collides, and the
 * lead it makes. Stored as YAML, sent as JSON, validated by these schemas; SQL is generated from
 * it and never stored. Field references are written `alias.field`, where the alias names one of
 * the model's inputs.
 */

const IDENT = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD_REF = /^[a-z][a-z0-9_]{0,62}\.[\p{L}\p{N}_]{1,63}$/u;

export const identSchema = z.string().regex(IDENT, '须为小写字母开头的英文标识符（字母、数字、下划线）');
export const fieldRefSchema = z.string().regex(FIELD_REF, '字段引用须写作“别名.字段”，如 shop.licence_no');
export type FieldRef = z.infer<typeof fieldRefSchema>;

export const LINES_OF_WORK = ['刑事', '民事', '行政', '公益诉讼', '未检', '其他'] as const;
export const PARAMETER_TYPES = ['number', 'integer', 'text', 'date', 'boolean', 'text_list'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

const literalSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Literal = z.infer<typeof literalSchema>;

export const parameterSchema = z.strictObject({
  name: identSchema,
  type: z.enum(PARAMETER_TYPES),
  default: z.union([literalSchema, z.array(z.string())]),
  label: z.string().min(1),
  min: z.number().optional(),
  max: z.number().optional(),
  description: z.string().optional(),
});
export type ParameterSpec = z.infer<typeof parameterSchema>;

export const inputSchema = z
  .strictObject({
    alias: identSchema,
    /** A standard dataset kind: every workspace dataset of that kind is used. */
    kind: z.string().optional(),
    /** Or one named dataset. */
    dataset: z.string().optional(),
    label: z.string().optional(),
    /** The fields the model reads; checked against the kind or dataset before it runs. */
    fields: z.array(z.string().min(1)).min(1),
  })
  .refine((i) => (i.kind === undefined) !== (i.dataset === undefined), { message: '输入须指定 kind 或 dataset 之一' });
export type InputSpec = z.infer<typeof inputSchema>;

const numberOrParam = z.union([z.number(), z.strictObject({ param: identSchema })]);
export type NumberOrParam = z.infer<typeof numberOrParam>;

/**
 * A value in a condition: a field, a parameter, a literal, the run date, a measure, the first
 * non-empty of several (`firstOf: [land.notice_date, land.approval_date]`: the notice date, else
 * the approval date), or a date plus a number of days (`addDays: { date: land.notice_date, days:
 * { param: pay_days } }`: a deadline; negative days go back).
 */
export type Operand =
  | FieldRef
  | number
  | boolean
  | { field: FieldRef }
  | { param: string }
  | { value: Literal }
  | { runDate: true }
  | { measure: string }
  | { firstOf: Operand[] }
  | { addDays: { date: Operand; days: NumberOrParam } };

export const operandSchema: z.ZodType<Operand> = z.lazy(() =>
  z.union([
    fieldRefSchema,
    z.number(),
    z.boolean(),
    z.strictObject({ field: fieldRefSchema }),
    z.strictObject({ param: identSchema }),
    z.strictObject({ value: literalSchema }),
    z.strictObject({ runDate: z.literal(true) }),
    z.strictObject({ measure: identSchema }),
    z.strictObject({ firstOf: z.array(operandSchema).min(2) }),
    z.strictObject({ addDays: z.strictObject({ date: operandSchema, days: numberOrParam }) }),
  ]),
);

export const COMPARE_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** Fuzzy matching of keys, declared per collision. */
export const KEY_MATCHES = ['exact', 'org_name', 'person_pinyin'] as const;
export type KeyMatch = (typeof KEY_MATCHES)[number];

export const keySchema = z.strictObject({
  left: fieldRefSchema,
  right: fieldRefSchema,
  match: z.enum(KEY_MATCHES).default('exact'),
});
export type KeySpec = z.infer<typeof keySchema>;

/** Rows of A within `meters` of rows of B (straight-line distance, WGS-84). */
export const nearSchema = z.strictObject({
  meters: numberOrParam,
  /** Defaults: `<alias>.lat` / `<alias>.lng` of each side. */
  left: z.strictObject({ lat: fieldRefSchema, lng: fieldRefSchema }).optional(),
  right: z.strictObject({ lat: fieldRefSchema, lng: fieldRefSchema }).optional(),
});
export type NearSpec = z.infer<typeof nearSchema>;

/** `right` falls between `minDays` and `maxDays` days after `left` (negative = before). */
export const windowSchema = z.strictObject({
  left: fieldRefSchema,
  right: fieldRefSchema,
  minDays: numberOrParam.optional(),
  maxDays: numberOrParam.optional(),
});
export type WindowSpec = z.infer<typeof windowSchema>;

export interface CollisionSpec {
  alias: string;
  on?: KeySpec[] | undefined;
  near?: NearSpec | undefined;
  window?: WindowSpec | undefined;
  where?: Condition | undefined;
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { compare: { left: Operand; op: CompareOp; right: Operand } }
  | { in: { field: FieldRef; values: Literal[] | { param: string } } }
  | { containsAny: { field: FieldRef; words: string[] | { param: string } } }
  | { matches: { field: FieldRef; pattern: string } }
  | { isEmpty: FieldRef }
  | { notEmpty: FieldRef }
  | { daysBetween: { from: Operand; to: Operand; op: CompareOp; days: NumberOrParam } }
  | { age: { idNumber?: FieldRef | undefined; birthDate?: FieldRef | undefined; at?: Operand | undefined; op: CompareOp; years: NumberOrParam } }
  | { exists: CollisionSpec }
  | { notExists: CollisionSpec };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ compare: z.strictObject({ left: operandSchema, op: z.enum(COMPARE_OPS), right: operandSchema }) }),
    z.strictObject({ in: z.strictObject({ field: fieldRefSchema, values: z.union([z.array(literalSchema).min(1), z.strictObject({ param: identSchema })]) }) }),
    z.strictObject({ containsAny: z.strictObject({ field: fieldRefSchema, words: z.union([z.array(z.string().min(1)).min(1), z.strictObject({ param: identSchema })]) }) }),
    z.strictObject({ matches: z.strictObject({ field: fieldRefSchema, pattern: z.string().min(1) }) }),
    z.strictObject({ isEmpty: fieldRefSchema }),
    z.strictObject({ notEmpty: fieldRefSchema }),
    z.strictObject({ daysBetween: z.strictObject({ from: operandSchema, to: operandSchema, op: z.enum(COMPARE_OPS), days: numberOrParam }) }),
    z.strictObject({
      age: z
        .strictObject({ idNumber: fieldRefSchema.optional(), birthDate: fieldRefSchema.optional(), at: operandSchema.optional(), op: z.enum(COMPARE_OPS), years: numberOrParam })
        .refine((a) => (a.idNumber === undefined) !== (a.birthDate === undefined), { message: 'age 须指定 idNumber（身份证号）或 birthDate（出生日期）之一' }),
    }),
    z.strictObject({ exists: collisionSchema }),
    z.strictObject({ notExists: collisionSchema }),
  ]),
);

export const collisionSchema: z.ZodType<CollisionSpec> = z.lazy(() =>
  z.strictObject({
    alias: identSchema,
    on: z.array(keySchema).min(1).optional(),
    near: nearSchema.optional(),
    window: windowSchema.optional(),
    where: conditionSchema.optional(),
  }),
);

/** An inner join: one hit per matching pair; the joined rows become evidence too. */
export const joinSchema = z.strictObject({
  alias: identSchema,
  on: z.array(keySchema).min(1).optional(),
  near: nearSchema.optional(),
  window: windowSchema.optional(),
  where: conditionSchema.optional(),
});
export type JoinSpec = z.infer<typeof joinSchema>;

export const AGGREGATE_FNS = ['count', 'count_distinct', 'sum', 'min', 'max', 'avg'] as const;
export const aggregateSchema = z.strictObject({
  groupBy: z.array(fieldRefSchema).min(1),
  measures: z.array(z.strictObject({ name: identSchema, fn: z.enum(AGGREGATE_FNS), field: fieldRefSchema.optional(), label: z.string().optional() })).min(1),
  having: conditionSchema,
});
export type AggregateSpec = z.infer<typeof aggregateSchema>;

export const ruleSchema = z.strictObject({
  from: identSchema,
  joins: z.array(joinSchema).optional(),
  where: conditionSchema.optional(),
  aggregate: aggregateSchema.optional(),
});
export type RuleSpec = z.infer<typeof ruleSchema>;

/** The expert's escape hatch: one read-only SELECT with named parameters ($name). */
export const sqlRuleSchema = z.strictObject({
  sql: z.string().min(1),
});
export type SqlRuleSpec = z.infer<typeof sqlRuleSchema>;

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const leadSchema = z.strictObject({
  /** Fields (or, with an aggregate, group keys) that identify the lead across runs. */
  subject: z.array(fieldRefSchema).min(1),
  /** Templates: {alias.field}, {param.name}, {measure.name}, {distance}, {runDate}. */
  title: z.string().min(1),
  reason: z.string().min(1),
  severity: z.enum(SEVERITIES),
  amount: z.union([fieldRefSchema, z.strictObject({ measure: identSchema })]).optional(),
});
export type LeadSpec = z.infer<typeof leadSchema>;

export const legalBasisSchema = z.strictObject({
  law: z.string().min(1),
  article: z.string().min(1),
  text: z.string().min(1),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const modelSpecSchema = z.strictObject({
  id: identSchema,
  name: z.string().min(1),
  version: z.number().int().min(1),
  lineOfWork: z.enum(LINES_OF_WORK),
  description: z.string().min(1),
  legalBasis: z.array(legalBasisSchema).min(1),
  parameters: z.array(parameterSchema).default([]),
  inputs: z.array(inputSchema).min(1),
  rule: z.union([ruleSchema, sqlRuleSchema]),
  lead: leadSchema,
});
export type ModelSpec = z.infer<typeof modelSpecSchema>;

export function isSqlRule(rule: ModelSpec['rule']): rule is SqlRuleSpec {
  return 'sql' in rule;
}
