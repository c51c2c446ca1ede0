import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { WarehouseQueryError } from '../shared/errors.js';
import { installNormalizeMacros } from '../normalize/index.js';
import { WAREHOUSE_SCHEMA_DDL } from './warehouse-schema.js';

export type SqlParams = readonly DuckDBValue[];

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
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: { threads?: number } = {}): Promise<Warehouse> {
    const config: Record<string, string> = {};
    if (options.threads) config['threads'] = String(options.threads);
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    const wh = new Warehouse(instance, connection);
    for (const ddl of WAREHOUSE_SCHEMA_DDL) await wh.run(ddl);
    await installNormalizeMacros(connection);
    return wh;
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    try {
      await this.connection.run(sql, params.length ? [...params] : undefined);
    } catch (cause) {
      throw new WarehouseQueryError(sql, params, cause);
    }
  }

  /** Runs a query and returns its rows as plain JS objects (BIGINT as bigint, DATE as DuckDB values). */
  async all<T extends object>(sql: string, params: SqlParams = []): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params.length ? [...params] : undefined);
      return reader.getRowObjectsJson() as unknown as T[];
    } catch (cause) {
      throw new WarehouseQueryError(sql, params, cause);
    }
  }

  /** Streams a query's rows in chunks (about 2,048 rows each) without materialising the result. */
  async *stream<T extends object>(sql: string, params: SqlParams = []): AsyncGenerator<T[]> {
    let result;
    try {
      result = await this.connection.stream(sql, params.length ? [...params] : undefined);
    } catch (cause) {
      throw new WarehouseQueryError(sql, params, cause);
    }
    try {
      for await (const rows of result.yieldRowObjectJson()) yield rows as unknown as T[];
    } catch (cause) {
      throw new WarehouseQueryError(sql, params, cause);
    }
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

/** Quotes an SQL identifier (double quotes doubled), so any dataset or field name is safe. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Renders a string as an SQL literal. Only for values the code itself chose (never user text). */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
