import type { DatasetRecord } from '../warehouse/dataset.repository.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { BindingOverrides } from './input-binder.js';
import type { KnownContent, LeadHit, RunHit } from './lead-hit-mapper.js';
import { executeModel, executeModelDigested, prepareModel, type PreparedModel, type QueryChoice } from './model-executor.js';
import { executeSqlModel, prepareSqlModel, type PreparedSqlModel } from './sql-model-executor.js';
import { isSqlRule, type ModelSpec } from './spec/model-spec.js';

/** A model of either form bound to the workspace: compiled from the rule language, or expert SQL. */
export type RunnableModel = PreparedModel | PreparedSqlModel;

/** Binds a model to the workspace's datasets, compiling it when it is written in the rule language. */
export function prepareRunnable(
  spec: ModelSpec,
  datasets: readonly DatasetRecord[],
  options: { asOf: string; parameters?: Readonly<Record<string, string>>; bindings?: BindingOverrides },
): RunnableModel {
  return isSqlRule(spec.rule) ? prepareSqlModel(spec, datasets, options) : prepareModel(spec, datasets, options);
}

/** Runs a prepared model and yields its hits in batches. */
export function executeRunnable(wh: Warehouse, model: RunnableModel, asOf: string, stats: { queryMs: number }, choice: QueryChoice = {}): AsyncGenerator<LeadHit[]> {
  return model.kind === 'sql' ? executeSqlModel(wh, model, asOf, stats) : executeModel(wh, model, asOf, stats, choice);
}

/**
 * Runs a prepared model for the lead store: a compiled model skips the leads the store holds
 * unchanged (`known`, see `executeModelDigested`); an SQL model's hits are all rendered.
 */
export function executeRunnableForStore(
  wh: Warehouse,
  model: RunnableModel,
  asOf: string,
  stats: { queryMs: number },
  choice: QueryChoice,
  known: KnownContent,
): AsyncGenerator<RunHit[]> {
  return model.kind === 'sql' ? executeSqlModel(wh, model, asOf, stats) : executeModelDigested(wh, model, asOf, stats, choice, known);
}
