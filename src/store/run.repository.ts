import { sql, type Kysely, type Selectable } from 'kysely';
import { JianduError } from '../shared/errors.js';
import { assertIsoDate } from './iso-date.js';
import { resolvePage } from './page.js';
import type { ModelRun, NewModelRun, Run, RunWithModels } from './run.js';
import type { ModelRunsTable, RunsTable, WorkflowSchema } from './workflow-schema.js';

/**
 * Runs of the supervision models and what each model did in them. Only this file reads or
 * writes `runs` and `model_runs`.
 *
 * @example
 * const runs = new RunRepository(store.db);
 * const run = await runs.startRun('2024-06-30');
 * // … apply each model's leads, recordModelRun for each …
 * await runs.finishRun(run.id, 'succeeded');
 */
export class RunRepository {
  constructor(private readonly db: Kysely<WorkflowSchema>) {}

  /** Opens a run as of a date ('YYYY-MM-DD'); it stays 'running' until {@link finishRun}. */
  async startRun(asOf: string): Promise<Run> {
    assertIsoDate(asOf, 'asOf');
    const row = await this.db.insertInto('runs').values({ as_of: asOf }).returningAll().executeTakeFirstOrThrow();
    return toRun(row);
  }

  /** Records what one model did in a run (once per model and run). */
  async recordModelRun(modelRun: NewModelRun): Promise<ModelRun> {
    const row = await this.db
      .insertInto('model_runs')
      .values({
        run_id: modelRun.runId,
        model_id: modelRun.modelId,
        model_version: modelRun.modelVersion,
        parameters: JSON.stringify(modelRun.parameters),
        batches: JSON.stringify(modelRun.batches),
        leads: modelRun.leads,
        new_leads: modelRun.newLeads,
        seen_again: modelRun.seenAgain,
        cleared: modelRun.cleared,
        reopened: modelRun.reopened ?? 0,
        duration_ms: Math.round(modelRun.durationMs),
        query_ms: modelRun.queryMs == null ? null : Math.round(modelRun.queryMs),
        status: modelRun.status,
        error: modelRun.error ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toModelRun(row);
  }

  /** How many leads the model's last successful run found; undefined when it never ran. */
  async lastLeadCount(modelId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('model_runs')
      .select('leads')
      .where('model_id', '=', modelId)
      .where('status', '=', 'succeeded')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.leads;
  }

  /** Whether the model's latest recorded run failed. */
  async lastRunFailed(modelId: string): Promise<boolean> {
    const row = await this.db.selectFrom('model_runs').select('status').where('model_id', '=', modelId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.status === 'failed';
  }

  /** Closes a running run with its outcome; a run finishes once. */
  async finishRun(id: number, status: 'succeeded' | 'failed', error?: string | null): Promise<Run> {
    const row = await this.db
      .updateTable('runs')
      .set({ status, error: error ?? null, finished_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    if (row) return toRun(row);
    const existing = await this.db.selectFrom('runs').select('status').where('id', '=', id).executeTakeFirst();
    if (!existing) throw new JianduError('not_found', `运行 ${id} 不存在`, { runId: id });
    throw new JianduError('invalid_argument', `运行 ${id} 已经结束（${existing.status}）`, { runId: id, status: existing.status });
  }

  /** A run with the model runs recorded in it, or undefined. */
  async getRun(id: number): Promise<RunWithModels | undefined> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const models = await this.db.selectFrom('model_runs').selectAll().where('run_id', '=', id).orderBy('id').execute();
    return { ...toRun(row), models: models.map(toModelRun) };
  }

  /** Runs, newest first; 100 at a time by default. */
  async listRuns(page: { limit?: number | undefined; offset?: number | undefined } = {}): Promise<Run[]> {
    const { limit, offset } = resolvePage(page);
    const rows = await this.db.selectFrom('runs').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map(toRun);
  }
}

function toRun(row: Selectable<RunsTable>): Run {
  return { id: row.id, startedAt: row.started_at, finishedAt: row.finished_at, asOf: row.as_of, status: row.status, error: row.error };
}

function toModelRun(row: Selectable<ModelRunsTable>): ModelRun {
  return {
    id: row.id,
    runId: row.run_id,
    modelId: row.model_id,
    modelVersion: row.model_version,
    parameters: row.parameters,
    batches: row.batches,
    leads: row.leads,
    newLeads: row.new_leads,
    seenAgain: row.seen_again,
    cleared: row.cleared,
    reopened: row.reopened,
    durationMs: row.duration_ms,
    queryMs: row.query_ms,
    status: row.status,
    error: row.error,
  };
}
