import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { JianduError } from '../shared/errors.js';
import type { WorkflowSchema } from './workflow-schema.js';
import { runsAndLeads } from './migrations/0001-runs-and-leads.js';
import { unchangedLeads } from './migrations/0002-unchanged-leads.js';
import { leadWriteSpeed } from './migrations/0003-lead-write-speed.js';
import { applyLog } from './migrations/0004-apply-log.js';

/**
 * Every workflow-store migration, in order. Names sort lexically in the order they must run
 * (Kysely's Migrator sorts by name); add a file under migrations/ and a line here.
 */
export const WORKFLOW_MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-runs-and-leads': runsAndLeads,
  '0002-unchanged-leads': unchangedLeads,
  '0003-lead-write-speed': leadWriteSpeed,
  '0004-apply-log': applyLog,
});

/** An in-code provider: migrations are bundled with the code, never read from disk at run time. */
class InCodeMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({ ...WORKFLOW_MIGRATIONS });
  }
}

/**
 * Runs the pending migrations, each in the same transaction as its bookkeeping row. Safe to call
 * on every open: already applied migrations are skipped. The bookkeeping tables live in `schema`
 * (the connection's current schema), so databases in separate schemas never see each other's.
 *
 * @example
 * await migrateWorkflowDb(db, 'public'); // → ['0001-runs-and-leads', '0002-unchanged-leads', '0003-lead-write-speed', '0004-apply-log'] the first time, [] after
 */
export async function migrateWorkflowDb(db: Kysely<WorkflowSchema>, schema: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(), migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    if (error instanceof JianduError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new JianduError('warehouse_query_failed', `工作流数据库迁移失败${failed ? `：${failed}` : ''}`, { migration: failed }, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
