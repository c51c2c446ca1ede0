import type { Json } from '@duckdb/node-api';
import { JianduError } from '../shared/errors.js';
import type { DatasetRecord } from '../warehouse/dataset.repository.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { ParameterValue } from './compiler/plan-builder.js';
import { bindInputs, type BindingOverrides } from './input-binder.js';
import { leadFingerprint, tidy, type EvidenceRef, type LeadHit } from './lead-hit-mapper.js';
import { resolveParameters } from './parameter-values.js';
import { checkReadOnlySql, runReadOnlySql, type SqlParamValue } from './sql-guard.js';
import { isSqlRule, type ModelSpec } from './spec/model-spec.js';

/** The run date, offered to every SQL model as the named parameter `$as_of` (a DATE). */
export const AS_OF_PARAMETER = 'as_of';

/** An expert SQL model bound to this workspace, ready to run. */
export interface PreparedSqlModel {
  readonly kind: 'sql';
  readonly spec: ModelSpec;
  readonly sql: string;
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  /** Datasets bound to the model's inputs (recorded with the run). */
  readonly datasets: readonly string[];
  /** Input alias → its one dataset, for evidence columns `"<alias>._row_id"`. */
  readonly evidenceDatasets: ReadonlyMap<string, string>;
}

/**
 * Binds an SQL model (the escape hatch: one read-only SELECT) to the workspace: its declared
 * inputs must be there, like any model's, so `models import` and `run` report missing data the
 * same way; its parameters get their defaults and overrides.
 */
export function prepareSqlModel(
  spec: ModelSpec,
  datasets: readonly DatasetRecord[],
  options: { parameters?: Readonly<Record<string, string>>; bindings?: BindingOverrides },
): PreparedSqlModel {
  if (!isSqlRule(spec.rule)) throw new JianduError('invalid_argument', `模型“${spec.id}”不是 SQL 模型`);
  const binding = bindInputs(spec, datasets, options.bindings);
  const evidenceDatasets = new Map<string, string>();
  for (const [alias, bound] of binding.bindings) if (bound.length === 1 && bound[0] !== undefined) evidenceDatasets.set(alias, bound[0]);
  return {
    kind: 'sql',
    spec,
    sql: spec.rule.sql,
    parameters: resolveParameters(spec, options.parameters ?? {}),
    datasets: [...new Set([...binding.bindings.values()].flat())],
    evidenceDatasets,
  };
}

/**
 * Runs an SQL model through the guard (one read-only SELECT over schema `data`, in a read-only
 * transaction that is rolled back) and maps its rows to lead hits. The query names its result
 * columns after the model's references: `"alias.field"` for every subject field, template
 * placeholder and amount, and `"alias._row_id"` with `"alias._batch_id"` for the rows that are
 * evidence. Named parameters are the model's parameters and `$as_of`, the run date.
 *
 * The rows come through JavaScript as objects: expert models are for the questions the rule
 * language cannot ask, not for millions of leads.
 */
export async function* executeSqlModel(wh: Warehouse, model: PreparedSqlModel, asOf: string, stats: { queryMs: number }): AsyncGenerator<LeadHit[]> {
  const started = performance.now();
  const checked = await checkReadOnlySql(wh.connection, model.sql);
  if (checked.status === 'refused') throw new JianduError('invalid_argument', `SQL 模型“${model.spec.id}”被拒绝：${checked.reason}`, { code: checked.code });
  const params: Record<string, SqlParamValue> = {};
  for (const name of checked.parameters) params[name] = parameterValue(model, name, asOf);
  const rows = await runReadOnlySql(wh.connection, model.sql, params);
  stats.queryMs = performance.now() - started;
  const mapper = new SqlRowMapper(model, asOf);
  for (let i = 0; i < rows.length; i += 10_000) yield rows.slice(i, i + 10_000).map((row, k) => mapper.map(row, i + k + 1));
}

function parameterValue(model: PreparedSqlModel, name: string, asOf: string): SqlParamValue {
  if (name === AS_OF_PARAMETER) return asOf;
  if (!model.parameters.has(name)) {
    const declared = [...model.parameters.keys(), AS_OF_PARAMETER].map((n) => `$${n}`).join('、');
    throw new JianduError('invalid_argument', `SQL 模型“${model.spec.id}”使用了未声明的参数 $${name}；可用参数：${declared}`);
  }
  const value = model.parameters.get(name);
  if (Array.isArray(value)) throw new JianduError('invalid_argument', `SQL 模型“${model.spec.id}”的参数 $${name} 是列表，SQL 模型只接受单个值的参数`);
  return value as SqlParamValue;
}

/** Fills a lead from one result row of an SQL model. */
class SqlRowMapper {
  private readonly params: ReadonlyMap<string, string>;

  constructor(
    private readonly model: PreparedSqlModel,
    private readonly asOf: string,
  ) {
    this.params = new Map([...model.parameters].map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : String(v)]));
  }

  map(row: Record<string, Json>, rowNo: number): LeadHit {
    const { spec } = this.model;
    const text = (ref: string): string | null => {
      if (!Object.hasOwn(row, ref)) {
        throw new JianduError('invalid_argument', `SQL 模型“${spec.id}”的查询结果缺少列 "${ref}"（第 ${rowNo} 行）；结果的列：${Object.keys(row).join('、')}`);
      }
      return textOf(row[ref] ?? null);
    };
    const subject = spec.lead.subject.map(text);
    const fill = (template: string): string =>
      tidy(
        template.replace(/\{([^}]+)\}/g, (_, ref: string) => {
          if (ref === 'runDate') return this.asOf;
          if (ref.startsWith('param.')) return this.params.get(ref.slice(6)) ?? '';
          return text(ref) ?? '（空）';
        }),
      );
    const amountText = typeof spec.lead.amount === 'string' ? text(spec.lead.amount) : null;
    const amount = amountText === null || amountText === '' ? null : Number(amountText);
    if (amount !== null && !Number.isFinite(amount)) throw new JianduError('invalid_argument', `SQL 模型“${spec.id}”的金额不是数字：${amountText}（第 ${rowNo} 行）`);
    const evidence: EvidenceRef[] = [];
    for (const [alias, dataset] of this.model.evidenceDatasets) {
      const rowId = row[`${alias}._row_id`];
      if (rowId === undefined || rowId === null) continue;
      evidence.push({ alias, dataset, batchId: Number(row[`${alias}._batch_id`] ?? 0), rowId: Number(rowId) });
    }
    return {
      fingerprint: leadFingerprint(spec.id, subject),
      subject: Object.fromEntries(spec.lead.subject.map((ref, i) => [ref, subject[i] ?? null])),
      title: fill(spec.lead.title),
      reason: fill(spec.lead.reason),
      severity: spec.lead.severity,
      amount,
      evidence,
      explanation: [{ condition: '专家 SQL 查询命中', matched: true, values: Object.fromEntries(spec.lead.subject.map((ref, i) => [ref, subject[i] ?? null])) }],
    };
  }
}

/** A result value as lead text: dates and decimals already come as text from DuckDB's JSON rows. */
function textOf(value: Json): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
