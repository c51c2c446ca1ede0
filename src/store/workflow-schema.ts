import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * Kysely table interfaces of the workflow store, as migrations/0001-runs-and-leads.ts creates
 * them. Column types are what our type parsers (workflow-type-parsers.ts) return on both back
 * ends: `bigint` and `numeric` as number, `date` as 'YYYY-MM-DD', `timestamptz` as Date, `json`/`jsonb`
 * parsed. JSON columns are written as JSON text (`JSON.stringify`), because node-postgres would
 * otherwise send a JS array as a PostgreSQL array literal.
 */
export interface WorkflowSchema {
  runs: RunsTable;
  model_runs: ModelRunsTable;
  leads: LeadsTable;
  lead_events: LeadEventsTable;
  model_applies: ModelAppliesTable;
  model_apply_log: ModelApplyLogTable;
}

export type RunStatus = 'running' | 'succeeded' | 'failed';
export type ModelRunStatus = 'succeeded' | 'failed';
/** 'dismissed' and 'case' arrive with later migrations; the lifecycle only moves open ⇄ cleared. */
export type LeadStatus = 'open' | 'cleared';
export type LeadSeverity = 'high' | 'medium' | 'low';
export type LeadEventKind = 'created' | 'seen_again' | 'cleared' | 'reopened';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column: read and written as 'YYYY-MM-DD'. */
type DateOnly = ColumnType<string, string, string>;
type BigId = Generated<number>;

export interface RunsTable {
  id: BigId;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  as_of: DateOnly;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  error: string | null;
}

export interface ModelRunsTable {
  id: BigId;
  run_id: number;
  model_id: string;
  model_version: number;
  parameters: JSONColumnType<Record<string, unknown>>;
  /** The warehouse batch ids the model saw, per dataset: `{ "dataset": [1, 2] }`. */
  batches: JSONColumnType<Record<string, number[]>>;
  leads: number;
  new_leads: number;
  seen_again: number;
  cleared: number;
  reopened: number;
  duration_ms: number;
  query_ms: number | null;
  status: ModelRunStatus;
  error: string | null;
}

export interface EvidenceRow {
  alias: string;
  dataset: string;
  batchId: number;
  rowId: number;
}

export interface LeadsTable {
  id: BigId;
  fingerprint: string;
  model_id: string;
  model_version: number;
  subject: JSONColumnType<Record<string, unknown>>;
  title: string;
  reason: string;
  severity: LeadSeverity;
  amount: number | null;
  status: LeadStatus;
  first_seen_run: number;
  last_seen_run: number;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  cleared_at: NullableTimestamp;
  cleared_run: number | null;
  evidence: JSONColumnType<EvidenceRow[]>;
  /** Whatever the compiler explains a lead with; written as JSON text. */
  explanation: ColumnType<unknown, string | null, string | null>;
  /** md5 of what the last run wrote into the lead; null before migration 0002. */
  content_hash: string | null;
}

/** Per model, the last run that applied its hits (migration 0002). */
export interface ModelAppliesTable {
  model_id: string;
  last_run: number;
  last_applied: Timestamp;
}

/** Every apply of a model's hits (migration 0004): the runs that saw its open leads. */
export interface ModelApplyLogTable {
  id: BigId;
  model_id: string;
  run_id: number;
  applied_at: Timestamp;
}

export interface LeadEventsTable {
  id: BigId;
  lead_id: number;
  /** Null for events that no run caused (a user's decision, in later issues). */
  run_id: number | null;
  at: Timestamp;
  event: LeadEventKind;
  detail: ColumnType<unknown, string | null | undefined, string | null>;
}
