import type { SemanticType } from '../catalog/semantic-type.js';
import { JianduError } from '../shared/errors.js';
import type { CompiledQuery } from './compiler/compiled-query.js';
import { DuckDbCompiler } from './compiler/duckdb-compiler.js';
import { buildQueryPlan, type ParameterValue } from './compiler/plan-builder.js';
import { PostgresCompiler } from './compiler/postgres-compiler.js';
import type { QueryPlan } from './compiler/query-plan.js';
import { isSqlRule, type ModelSpec } from './spec/model-spec.js';

export type Dialect = 'duckdb' | 'postgres';

export interface CompileOptions {
  readonly dialect: Dialect;
  readonly bindings: ReadonlyMap<string, readonly string[]>;
  readonly fieldTypes: ReadonlyMap<string, SemanticType>;
  /** Fields whose bound datasets type them differently (see `InputBinding.mixedTypes`); none when omitted. */
  readonly mixedTypes?: ReadonlySet<string>;
  /** Input alias → (field → dataset column), from `--map alias.field=column`. */
  readonly columns?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  readonly asOf: string;
  /** The subject is known unique among the hit rows (see `uniqueSubjectColumns`): DuckDB skips looking for subjects seen twice. */
  readonly uniqueSubject?: boolean;
}

export interface CompiledModel extends CompiledQuery {
  readonly plan: QueryPlan;
}

/**
 * Compiles a declarative model to one SQL query for a dialect: spec → operation tree → SQL.
 *
 * @example
 * const q = compileModel(spec, { dialect: 'duckdb', bindings, fieldTypes, parameters, asOf: '2024-06-30' });
 * await warehouse.all(q.sql, q.parameters);
 */
export function compileModel(spec: ModelSpec, options: CompileOptions): CompiledModel {
  if (isSqlRule(spec.rule)) throw new JianduError('invalid_argument', `模型“${spec.id}”是 SQL 模型，不经编译器`);
  const plan = buildQueryPlan(spec, spec.rule, options);
  const compiler = options.dialect === 'duckdb' ? new DuckDbCompiler() : new PostgresCompiler();
  return { ...compiler.compile(plan, { uniqueSubject: options.uniqueSubject ?? false }), plan };
}
