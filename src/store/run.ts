import type { ModelRunStatus, RunStatus } from './workflow-schema.js';

export type { ModelRunStatus, RunStatus } from './workflow-schema.js';

/** One run of the supervision models over the warehouse as of a date. */
export interface Run {
  id: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** The date the models evaluated deadlines against, 'YYYY-MM-DD'. */
  asOf: string;
  status: RunStatus;
  error: string | null;
}

/** What one model did within a run. */
export interface ModelRun {
  id: number;
  runId: number;
  modelId: string;
  modelVersion: number;
  parameters: Record<string, unknown>;
  /** The warehouse batch ids the model saw, per dataset. */
  batches: Record<string, number[]>;
  leads: number;
  newLeads: number;
  seenAgain: number;
  cleared: number;
  reopened: number;
  durationMs: number;
  queryMs: number | null;
  status: ModelRunStatus;
  error: string | null;
}

export type NewModelRun = Omit<ModelRun, 'id' | 'reopened' | 'queryMs' | 'error'> & {
  reopened?: number | undefined;
  queryMs?: number | null | undefined;
  error?: string | null | undefined;
};

export interface RunWithModels extends Run {
  /** In the order they were recorded. */
  models: ModelRun[];
}
