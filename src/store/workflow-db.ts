import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Dialect, type LogConfig } from 'kysely';
import pg from 'pg';
import { JianduError } from '../shared/errors.js';
import { PgliteDialect } from './pglite-dialect.js';
import { QueryErrorDialect } from './query-error-dialect.js';
import { migrateWorkflowDb } from './workflow-migrations.js';
import type { WorkflowSchema } from './workflow-schema.js';
import { WORKFLOW_TYPE_PARSERS } from './workflow-type-parsers.js';

/** An open workflow store: one Kysely instance over PGlite or a PostgreSQL server. */
export interface WorkflowDb {
  readonly db: Kysely<WorkflowSchema>;
  readonly kind: 'pglite' | 'postgres';
  /** Closes PGlite or ends the connection pool (and drops a scratch schema). */
  close(): Promise<void>;
}

export interface WorkflowDbOptions {
  /** The PGlite data directory (`Workspace.workflowDir`); unused when `databaseUrl` is set. */
  workflowDir: string;
  /** A PostgreSQL connection string (the `DATABASE_URL` environment variable at the call site). */
  databaseUrl?: string | undefined;
  /** Kysely's query log hook, for diagnosis and for tests that record the SQL sent. */
  log?: LogConfig | undefined;
}

/**
 * Opens the workflow store and brings its schema up to date: PGlite, file-backed in
 * `workflowDir`, by default; a PostgreSQL server through a node-postgres pool when
 * `databaseUrl` is set. Same dialect, same migrations, same SQL on both.
 *
 * @example
 * const store = await openWorkflowDb({ workflowDir: ws.workflowDir, databaseUrl: process.env['DATABASE_URL'] });
 * try { ... new LeadRepository(store.db) ... } finally { await store.close(); }
 */
export async function openWorkflowDb(options: WorkflowDbOptions): Promise<WorkflowDb> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { log: options.log });
  // PGlite would take an empty directory for "in memory" and silently lose everything on close.
  if (!options.workflowDir) throw new JianduError('invalid_argument', '未指定工作流数据库目录', { workflowDir: options.workflowDir });
  return openPglite(options.workflowDir, { log: options.log });
}

/** A throw-away PGlite store in memory, migrated; for tests and dry runs. */
export async function openMemoryWorkflowDb(options: { log?: LogConfig | undefined } = {}): Promise<WorkflowDb> {
  return openPglite(undefined, options);
}

/**
 * A PostgreSQL store in a fresh schema `t_<random>` of the database at `databaseUrl`, migrated;
 * every pooled connection has `search_path` set to it, and `close()` drops it. Test files running
 * in parallel against one server each get their own.
 */
export async function openScratchPostgresWorkflowDb(databaseUrl: string, options: { log?: LogConfig | undefined } = {}): Promise<WorkflowDb> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return openPostgres(databaseUrl, { log: options.log, scratchSchema: schema });
}

async function openPglite(dataDir: string | undefined, options: { log?: LogConfig | undefined }): Promise<WorkflowDb> {
  const pglite = await PGlite.create(dataDir, { parsers: WORKFLOW_TYPE_PARSERS });
  return finishOpening('pglite', new PgliteDialect(pglite), options.log);
}

async function openPostgres(
  databaseUrl: string,
  options: { log?: LogConfig | undefined; scratchSchema?: string },
): Promise<WorkflowDb> {
  const { scratchSchema } = options;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    application_name: 'jiandu',
    types: { getTypeParser: workflowTypeParser },
    // A scratch schema is the only schema its connections see; set at connection start-up, so
    // every connection the pool ever opens has it, not only the first.
    ...(scratchSchema ? { options: `-c search_path=${scratchSchema}` } : {}),
  });
  // An idle pooled connection that breaks (server restart, network) is emitted here; without a
  // listener Node would exit. The pool has already discarded it, and the next query opens a new
  // one or fails with a WorkflowQueryError, so a warning is all that is due.
  pool.on('error', (error) => process.emitWarning(`工作流数据库空闲连接出错：${error.message}`, { code: 'JIANDU_WORKFLOW_POOL' }));
  return finishOpening('postgres', new PostgresDialect({ pool }), options.log, {
    prepare: async (db) => {
      if (scratchSchema) await sql`CREATE SCHEMA ${sql.id(scratchSchema)}`.execute(db);
    },
    beforeClose: async (db) => {
      if (scratchSchema) await sql`DROP SCHEMA IF EXISTS ${sql.id(scratchSchema)} CASCADE`.execute(db);
    },
  });
}

const defaultTypeParser = pg.types.getTypeParser.bind(pg.types);

/** node-postgres' hook: our parsers for text-format values, the library's for the rest. */
const workflowTypeParser: typeof pg.types.getTypeParser = (oid, format) => {
  const ours = format === 'binary' ? undefined : WORKFLOW_TYPE_PARSERS[oid];
  return ours ?? (defaultTypeParser(oid, format) as (text: string) => unknown);
};

/**
 * Wraps the dialect so failures carry their SQL, runs `prepare` and the migrations, and builds
 * the handle. On any failure the pool or PGlite is released before the error propagates.
 */
async function finishOpening(
  kind: WorkflowDb['kind'],
  dialect: Dialect,
  log: LogConfig | undefined,
  hooks: { prepare?: Hook; beforeClose?: Hook } = {},
): Promise<WorkflowDb> {
  const db = new Kysely<WorkflowSchema>({ dialect: new QueryErrorDialect(dialect), ...(log ? { log } : {}) });
  const close = async (): Promise<void> => {
    try {
      if (hooks.beforeClose) await hooks.beforeClose(db);
    } finally {
      await db.destroy();
    }
  };
  try {
    if (hooks.prepare) await hooks.prepare(db);
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    const schema = rows[0]?.schema;
    if (!schema) throw new Error('current_schema() returned no schema');
    await migrateWorkflowDb(db, schema);
  } catch (error) {
    try {
      await close();
    } catch (closeError) {
      throw new AggregateError([error, closeError], '打开工作流数据库失败，且未能关闭连接');
    }
    throw error;
  }
  return { db, kind, close };
}

type Hook = (db: Kysely<WorkflowSchema>) => Promise<void>;
