import type { Warehouse } from '../warehouse/warehouse.js';
import { BatchRepository } from '../warehouse/batch.repository.js';
import { DatasetRepository } from '../warehouse/dataset.repository.js';
import { JianduError } from '../shared/errors.js';
import { choiceAfter } from '../rules/model-executor.js';
import { executeRunnableForStore, prepareRunnable } from '../rules/runnable-model.js';
import type { ModelEntry } from '../rules/model-registry.js';
import { LeadRepository, RunRepository, type ApplyResult, type KnownContent, type RunHit, type WorkflowDb } from '../store/index.js';
import { todayInDisplayZone } from '../shared/display-time.js';

export interface RunOptions {
  readonly models: readonly ModelEntry[];
  /** YYYY-MM-DD; deadlines are measured against it. Default: today. */
  readonly asOf?: string | undefined;
  /** Per model id: parameter overrides as text. */
  readonly parameters?: ReadonlyMap<string, Record<string, string>> | undefined;
  readonly onModel?: ((modelId: string, phase: 'start' | 'done') => void) | undefined;
}

export interface ModelRunSummary {
  readonly model: string;
  readonly leads: number;
  readonly new: number;
  readonly seenAgain: number;
  readonly cleared: number;
  readonly durationMs: number;
  readonly error?: string;
}

export interface RunSummary {
  readonly runId: number;
  readonly asOf: string;
  readonly models: readonly ModelRunSummary[];
}

/**
 * Runs models over the warehouse and moves their leads into the workflow store: one run record,
 * one model-run record per model (version, parameters, the batches it saw, counts, durations).
 * Each model's leads are applied in one transaction, so a model that fails or is interrupted
 * leaves its previous leads as they were.
 */
export class RunService {
  constructor(
    private readonly wh: Warehouse,
    private readonly store: WorkflowDb,
  ) {}

  async run(options: RunOptions): Promise<RunSummary> {
    const asOf = options.asOf ?? todayInDisplayZone();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new JianduError('invalid_argument', `--as-of 应为日期 YYYY-MM-DD：${asOf}`);
    const datasets = await new DatasetRepository(this.wh).list();
    // Bind and compile every model first, so missing data is reported before anything runs.
    const prepared = options.models.map((m) => prepareRunnable(m.spec, datasets, { asOf, parameters: options.parameters?.get(m.spec.id), bindings: m.bindings }));
    const runs = new RunRepository(this.store.db);
    const leads = new LeadRepository(this.store.db);
    const batches = new BatchRepository(this.wh);
    const run = await runs.startRun(asOf);
    const summaries: ModelRunSummary[] = [];
    let failed: unknown;
    for (const model of prepared) {
      options.onModel?.(model.spec.id, 'start');
      const started = performance.now();
      const stats = { queryMs: 0 };
      const seen: Record<string, number[]> = {};
      for (const d of model.datasets) seen[d] = (await batches.list(d)).map((b) => b.batchId);
      const record = async (result: ApplyResult, status: 'succeeded' | 'failed', error?: string): Promise<void> => {
        const durationMs = Math.round(performance.now() - started);
        await runs.recordModelRun({
          runId: run.id,
          modelId: model.spec.id,
          modelVersion: model.spec.version,
          parameters: Object.fromEntries(model.parameters),
          batches: seen,
          leads: result.leads,
          newLeads: result.new,
          seenAgain: result.seenAgain,
          cleared: result.cleared,
          reopened: result.reopened,
          durationMs,
          queryMs: Math.round(stats.queryMs),
          status,
          error: error ?? null,
        });
        summaries.push({ model: model.spec.id, leads: result.leads, new: result.new, seenAgain: result.seenAgain, cleared: result.cleared, durationMs, ...(error ? { error } : {}) });
      };
      try {
        // Measuring columns and streaming the result pay off for large results only (see choiceAfter).
        const choice = choiceAfter(await runs.lastLeadCount(model.spec.id), await runs.lastRunFailed(model.spec.id));
        // The store says which leads it holds unchanged; those rows are not rendered again.
        const hits = (known: KnownContent): AsyncIterable<readonly RunHit[]> => executeRunnableForStore(this.wh, model, asOf, stats, choice, known);
        await record(await leads.applyModelRun({ runId: run.id, modelId: model.spec.id, modelVersion: model.spec.version, asOf, hits }), 'succeeded');
      } catch (error) {
        failed ??= error;
        await record({ leads: 0, new: 0, seenAgain: 0, cleared: 0, reopened: 0 }, 'failed', errorMessage(error));
      }
      options.onModel?.(model.spec.id, 'done');
    }
    await runs.finishRun(run.id, failed === undefined ? 'succeeded' : 'failed', failed === undefined ? null : errorMessage(failed));
    return { runId: run.id, asOf, models: summaries };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error);
}
