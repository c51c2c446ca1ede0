/**
 * The workflow store: runs, leads and their lifecycle, on PGlite (embedded, default) or a
 * PostgreSQL server (`DATABASE_URL`), through Kysely with one dialect and one set of migrations.
 */
export {
  openWorkflowDb,
  openMemoryWorkflowDb,
  openScratchPostgresWorkflowDb,
  type WorkflowDb,
  type WorkflowDbOptions,
} from './workflow-db.js';
export { migrateWorkflowDb, WORKFLOW_MIGRATIONS } from './workflow-migrations.js';
export { WorkflowQueryError } from './workflow-query-error.js';
export { LeadRepository, type ApplyModelRunArgs } from './lead.repository.js';
export { RunRepository } from './run.repository.js';
export type {
  ApplyResult,
  EvidenceRef,
  KnownContent,
  Lead,
  LeadCount,
  LeadEvent,
  LeadEventKind,
  LeadFilter,
  LeadHit,
  LeadSeverity,
  LeadStatus,
  LeadWithEvents,
  RunHit,
  UnchangedHit,
} from './lead.js';
export type { ModelRun, ModelRunStatus, NewModelRun, Run, RunStatus, RunWithModels } from './run.js';
export type { WorkflowSchema } from './workflow-schema.js';
