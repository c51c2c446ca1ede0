// What a run reads of a model's past runs to choose how to run it (see choiceAfter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryWorkflowDb, type WorkflowDb } from '../../src/store/workflow-db.js';
import { RunRepository } from '../../src/store/run.repository.js';

let store: WorkflowDb;
beforeAll(async () => {
  store = await openMemoryWorkflowDb();
});
afterAll(() => store.close());

describe('a model’s past runs', () => {
  it('give the leads of its last successful run, and whether its latest run failed', async () => {
    const runs = new RunRepository(store.db);
    const modelRun = async (status: 'succeeded' | 'failed', leads: number): Promise<void> => {
      const run = await runs.startRun('2024-06-30');
      await runs.recordModelRun({
        runId: run.id,
        modelId: 'm',
        modelVersion: 1,
        parameters: {},
        batches: {},
        leads,
        newLeads: leads,
        seenAgain: 0,
        cleared: 0,
        reopened: 0,
        durationMs: 1,
        queryMs: 1,
        status,
        error: status === 'failed' ? 'Out of Memory Error' : null,
      });
      await runs.finishRun(run.id, status);
    };
    expect(await runs.lastLeadCount('m')).toBeUndefined();
    expect(await runs.lastRunFailed('m')).toBe(false);
    await modelRun('succeeded', 700_000);
    await modelRun('failed', 0);
    expect(await runs.lastLeadCount('m')).toBe(700_000);
    expect(await runs.lastRunFailed('m')).toBe(true);
    await modelRun('succeeded', 12);
    expect(await runs.lastLeadCount('m')).toBe(12);
    expect(await runs.lastRunFailed('m')).toBe(false);
    expect(await runs.lastRunFailed('other')).toBe(false);
  });
});
