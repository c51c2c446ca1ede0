import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBDataChunk, type DuckDBValue } from '@duckdb/node-api';
import { WarehouseQueryError } from '../shared/errors.js';
import { installNormalizeMacros } from '../normalize/index.js';
import { WAREHOUSE_SCHEMA_DDL } from './warehouse-schema.js';
import { removeUncommittedRows, type RecoveredTable } from './crash-recovery.js';

export type SqlParams = readonly DuckDBValue[];

/**
 * The storage format of a new warehouse file: the newest this DuckDB writes, whose string
 * compression made writing a million rows of agency text about a quarter faster than the
 * default (v1.0-compatible) format. Such a file opens only in DuckDB 1.5 or later — the version
 * Jiandu ships; files created before keep their format and open as they are.
 */
export const WAREHOUSE_STORAGE_VERSION = 'latest';

/**
 * The DuckDB warehouse of one workspace: agency data tables (schema `data`) and their
 * provenance (schema `jiandu`). One connection; the normalisation macros are installed on it.
 * Every failure is rethrown as a {@link WarehouseQueryError} carrying the SQL and parameters.
 *
 * @example
 * const wh = await Warehouse.open(ws.warehousePath);
 * const rows = await wh.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM jiandu.batches');
 * wh.close();
 */
export class Warehouse {
  /** What opening repaired after an unclean shutdown (see {@link removeUncommittedRows}); empty normally. */
  private recoveredTables: readonly RecoveredTable[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: { threads?: number } = {}): Promise<Warehouse> {
    const config: Record<string, string> = { storage_compatibility_version: WAREHOUSE_STORAGE_VERSION };
    if (options.threads) config['threads'] = String(options.threads);
    // DuckDB's filter pull-up lifts an input's filters over the projection that computes its
    // fuzzy join key whenever a filtered column is also read further up (a lead shows the status
    // it filtered on), and the push-down that follows leaves regex filters there: the key is then
    // computed for rows the filter drops (enterprise_notice_service: 1.62M rows instead of 1.47M,
    // ~0.1 s). Over the whole library at scale 300 only hotel_minors lost (0.68× → 0.76× of its
    // hand-written query), the others within noise.
    config['disabled_optimizers'] = 'filter_pullup';
    const uncleanShutdown = existsSync(`${path}.wal`);
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    const wh = new Warehouse(instance, connection);
    for (const ddl of WAREHOUSE_SCHEMA_DDL) await wh.run(ddl);
    await installNormalizeMacros(connection);
    if (uncleanShutdown) wh.recoveredTables = await removeUncommittedRows(wh);
    return wh;
  }

  /** Rows of interrupted imports that this open removed, per dataset. */
  get recovered(): readonly RecoveredTable[] {
    return this.recoveredTables;
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    try {
      await this.connection.run(sql, params.length ? [...params] : undefined);
    } catch (cause) {
      throw new WarehouseQueryError(sql, params, cause);
    }
  }

  /**
   * Runs a query and returns its rows as JSON-like JS objects (node-api's `getRowObjectsJson`: BIGINT
   * and DECIMAL as text, DATE as node-api's text — which for dates before 1 AD or ±infinity is not
   * DuckDB's own cast; the runner's path, `queryChunks`, writes those as DuckDB does).
   */
  async all<T extends object>(sql: string, params: SqlParams = []): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params.length ? [...params] : undefined);
      return reader.getRowObjectsJson() as unknown as T[];
    } catch (cause) {
      throw new WarehouseQueryError(sql, params, cause);
    }
  }

  /**
   * Runs a query and hands its result out as DuckDB chunks (about 2,048 rows each), for callers
   * that read the columns themselves — far cheaper than a JS object per row and value.
   *
   * By default not streamed: DuckDB runs the query to the end and keeps the result (compact,
   * columnar) until it is read. Streaming a UNION ALL can hang DuckDB 1.5 once its result buffer
   * fills while another arm of the union is still to run (duckdb/duckdb#22215; seen here with a
   * compiled model at 9M leads). `stream: true` has DuckDB produce chunks as they are read — the
   * query runs while the caller works, and the result is never held whole — for a query without
   * `UNION ALL`; one with it stays buffered. The next chunk is fetched while the caller works on the current one; when the caller
   * stops early, that fetch is awaited before the generator returns, so the connection is idle again.
   */
  async queryChunks(
    sql: string,
    params: SqlParams = [],
    options: { readonly stream?: boolean } = {},
  ): Promise<{ readonly columnNames: readonly string[]; readonly chunks: AsyncGenerator<DuckDBDataChunk> }> {
    let result;
    try {
      const values = params.length ? [...params] : undefined;
      const stream = options.stream === true && !sql.includes('UNION ALL');
      result = stream ? await this.connection.stream(sql, values) : await this.connection.run(sql, values);
    } catch (cause) {
      throw new WarehouseQueryError(sql, params, cause);
    }
    const source = result;
    async function* chunks(): AsyncGenerator<DuckDBDataChunk> {
      let next: Promise<DuckDBDataChunk | null> = source.fetchChunk();
      try {
        for (;;) {
          let chunk: DuckDBDataChunk | null;
          try {
            chunk = await next;
          } catch (cause) {
            throw new WarehouseQueryError(sql, params, cause);
          }
          if (!chunk || chunk.rowCount === 0) return;
          next = source.fetchChunk();
          yield chunk;
        }
      } finally {
        await next.catch(() => null);
      }
    }
    return { columnNames: source.columnNames(), chunks: chunks() };
  }

  async one<T extends object>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /** Runs `fn` inside one transaction: everything it wrote is committed together or not at all. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      await this.run('ROLLBACK').catch((rollbackError: unknown) => {
        throw new AggregateError([error, rollbackError], '事务回滚失败');
      });
      throw error;
    }
  }

  /** An appender for bulk loading; temporary tables live in catalog `temp`, schema `main`. */
  async appender(table: string, schema: string, catalog?: string): Promise<DuckDBAppender> {
    try {
      return await this.connection.createAppender(table, schema, catalog);
    } catch (cause) {
      throw new WarehouseQueryError(`APPEND INTO ${schema}.${table}`, [], cause);
    }
  }

  /** Fraction (0..1) of the running query DuckDB reports as done, or -1 when unknown. */
  progress(): number {
    const p = this.connection.progress;
    return p.total_rows_to_process > 0n ? Number(p.rows_processed) / Number(p.total_rows_to_process) : -1;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export { quoteIdent, sqlLiteral } from './sql-identifier.js';
