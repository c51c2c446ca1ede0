import type { Warehouse } from '../warehouse/warehouse.js';
import { ColumnFacts } from '../warehouse/column-facts.js';
import { ensurePinyinTable } from '../warehouse/pinyin-table.js';
import { JianduError } from '../shared/errors.js';
import type { DatasetRecord } from '../warehouse/dataset.repository.js';
import { bindInputs, type BindingOverrides } from './input-binder.js';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import { withContentDigest } from './content-digest.js';
import { LeadHitMapper, type KnownContent, type LeadHit, type RunHit } from './lead-hit-mapper.js';
import { compileModel, type CompiledModel } from './model-compiler.js';
import { uniqueSubjectColumns, type DatasetColumn } from './compiler/unique-subject.js';
import { resolveParameters } from './parameter-values.js';
import type { ParameterValue } from './compiler/plan-builder.js';
import { isSqlRule, type ModelSpec } from './spec/model-spec.js';

/** Leads move to the workflow store in batches of this many. */
export const HIT_BATCH = 10_000;

export interface PreparedModel {
  readonly kind: 'compiled';
  readonly spec: ModelSpec;
  readonly compiled: CompiledModel;
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  /** Datasets bound to the model's inputs. */
  readonly datasets: readonly string[];
  /**
   * The same model compiled for a subject known unique, and the groups of columns that make it
   * so when each group has a column unique in its data (see `uniqueSubjectColumns`); null when
   * no such fact could help.
   */
  readonly uniqueSubject: { readonly columns: readonly (readonly DatasetColumn[])[]; readonly compiled: CompiledModel } | null;
}

/** Binds a model to the workspace's datasets and compiles it for DuckDB. */
export function prepareModel(
  spec: ModelSpec,
  datasets: readonly DatasetRecord[],
  options: { asOf: string; parameters?: Readonly<Record<string, string>>; bindings?: BindingOverrides },
): PreparedModel {
  if (isSqlRule(spec.rule)) throw new JianduError('invalid_argument', `SQL 模型“${spec.id}”不经编译器：请用 prepareRunnable`);
  const binding = bindInputs(spec, datasets, options.bindings);
  const parameters = resolveParameters(spec, options.parameters ?? {});
  const compiled = compileModel(spec, { dialect: 'duckdb', ...binding, parameters, asOf: options.asOf });
  const columns = uniqueSubjectColumns(compiled.plan);
  const uniqueSubject = columns ? { columns, compiled: compileModel(spec, { dialect: 'duckdb', ...binding, parameters, asOf: options.asOf, uniqueSubject: true }) } : null;
  return { kind: 'compiled', spec, compiled, parameters, datasets: [...new Set([...binding.bindings.values()].flat())], uniqueSubject };
}

/**
 * From this many leads in its last run, a model has the columns of its unique-subject form
 * measured. Below, and on its first run, not: its search for repeated subjects then costs
 * milliseconds, the count over a large column a second or more (1.2–1.9 s over 10M case
 * numbers), and most models find hundreds of leads; a model that finds very many pays the
 * search once (anti join, 9M leads: 1.1 s more, beside 30 s of mapping). Facts already
 * measured are used all the same.
 */
export const MEASURE_FACTS_MIN_LEADS = 50_000;

/**
 * From this many leads in its last run, a model's result is streamed out of DuckDB (see
 * {@link QueryChoice.stream}); below, or on a first run, it is buffered.
 */
export const STREAM_MIN_LEADS = 500_000;

/** How a run may choose a model's query. */
export interface QueryChoice {
  /** Whether to measure a column's uniqueness not yet known for this version of its data (default true). */
  readonly measureFacts?: boolean;
  /**
   * Whether to stream the result (default false: buffered). Streamed, DuckDB hands over chunks
   * as its pipeline emits them and never holds the result whole (9M leads: peak memory 1,251 →
   * 510 MB); but a selective scan emits a few rows per chunk, each fetched by its own call: the
   * filter block's 42,567 leads of 10M registrations came in 4,883 chunks in 380–470 ms, against
   * 82 chunks in 48–68 ms buffered. So only a model known to find very many leads streams.
   */
  readonly stream?: boolean;
}

/**
 * How a run chooses, from the number of leads its model's last successful run found (undefined:
 * none) and whether its latest run failed: columns are measured after a large result (see
 * MEASURE_FACTS_MIN_LEADS); the result is streamed after a very large one (see STREAM_MIN_LEADS)
 * and after a failure — which may have been a buffered result too large for memory.
 */
export function choiceAfter(lastLeads: number | undefined, lastFailed = false): QueryChoice {
  const last = lastLeads ?? 0;
  return { measureFacts: last >= MEASURE_FACTS_MIN_LEADS, stream: lastFailed || last >= STREAM_MIN_LEADS };
}

/**
 * The query a prepared model runs as: the form for a unique subject when each group of its
 * columns has one unique in the data as it is now (facts measured once per version of a
 * dataset's rows, see `ColumnFacts`), else the general form, which looks for subjects seen twice.
 */
export async function queryFor(wh: Warehouse, model: PreparedModel, choice: QueryChoice = {}): Promise<CompiledModel> {
  if (!model.uniqueSubject) return model.compiled;
  const facts = new ColumnFacts(wh);
  const measure = choice.measureFacts ?? true;
  for (const group of model.uniqueSubject.columns) if (!(await someUnique(facts, group, measure))) return model.compiled;
  return model.uniqueSubject.compiled;
}

/** Whether one of the columns is known (or, with `measure`, found) unique in its data. */
async function someUnique(facts: ColumnFacts, group: readonly DatasetColumn[], measure: boolean): Promise<boolean> {
  for (const c of group) if ((await facts.isUnique(c.dataset, c.column, { measure })) === true) return true;
  return false;
}

/**
 * Runs a prepared model in the warehouse and yields its hits in batches. The query does the work
 * set-wise in DuckDB; only the hits (one row per lead) come through JavaScript, read column-wise
 * from DuckDB's result chunks, where the title and reason templates are filled.
 */
export function executeModel(wh: Warehouse, model: PreparedModel, asOf: string, stats: { queryMs: number }, choice: QueryChoice = {}): AsyncGenerator<LeadHit[]> {
  return run(wh, model, asOf, stats, choice, (compiled, mapper) => ({ query: compiled, read: (names) => mapper.readChunks(names) }));
}

/**
 * {@link executeModel} the way a run feeds the lead store: each row comes with its content digest
 * (see `withContentDigest`), and a row whose digest the store already holds (`known`) is handed
 * over as an {@link UnchangedHit}, never decoded; the others as lead hits carrying their digest.
 */
export function executeModelDigested(
  wh: Warehouse,
  model: PreparedModel,
  asOf: string,
  stats: { queryMs: number },
  choice: QueryChoice,
  known: KnownContent,
): AsyncGenerator<RunHit[]> {
  return run<RunHit>(wh, model, asOf, stats, choice, (compiled, mapper) => ({
    query: withContentDigest(compiled, mapper.renderKey),
    read: (names) => mapper.readDigestedChunks(names, known),
  }));
}

type Reading<T> = (
  compiled: CompiledModel,
  mapper: LeadHitMapper,
) => { query: { readonly sql: string; readonly parameters: readonly (string | number | boolean)[] }; read: (columnNames: readonly string[]) => (chunk: DuckDBDataChunk, out: T[]) => void };

async function* run<T>(wh: Warehouse, model: PreparedModel, asOf: string, stats: { queryMs: number }, choice: QueryChoice, reading: Reading<T>): AsyncGenerator<T[]> {
  const started = performance.now();
  const compiled = await queryFor(wh, model, choice);
  const mapper = new LeadHitMapper(model.spec, compiled.plan, compiled.columns, model.parameters, asOf);
  if (compiled.usesPinyin) await ensurePinyinTable(wh);
  const { query, read: reader } = reading(compiled, mapper);
  // Streamed when asked for and DuckDB can (see QueryChoice.stream, Warehouse.queryChunks): it
  // then runs while the hits are mapped, and a large result is never held whole.
  const { columnNames, chunks } = await wh.queryChunks(query.sql, query.parameters, { stream: choice.stream === true });
  const read = reader(columnNames);
  let batch: T[] = [];
  for await (const chunk of chunks) {
    read(chunk, batch);
    if (batch.length >= HIT_BATCH) {
      yield batch;
      batch = [];
    }
  }
  stats.queryMs = performance.now() - started;
  if (batch.length > 0) yield batch;
}
