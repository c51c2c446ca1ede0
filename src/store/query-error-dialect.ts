import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { WorkflowQueryError } from './workflow-query-error.js';

/**
 * Wraps any Kysely dialect so that every failing statement (queries, BEGIN/COMMIT/ROLLBACK,
 * savepoints, migrations) is rethrown as a {@link WorkflowQueryError} carrying its SQL, its
 * parameters and the driver's error as `cause`. Both workflow-store back ends (PGlite and
 * node-postgres) go through this one decorator, so the wrapping is identical for both.
 *
 * @example
 * const db = new Kysely<WorkflowSchema>({ dialect: new QueryErrorDialect(new PostgresDialect({ pool })) });
 */
export class QueryErrorDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}

  createDriver(): Driver {
    return new QueryErrorDriver(this.inner.createDriver());
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  // Kysely's own signature uses `any` for the database type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

class QueryErrorDriver implements Driver {
  /** Wrapper → the inner driver's connection, which the inner driver expects back. */
  readonly #inner = new WeakMap<DatabaseConnection, DatabaseConnection>();
  /** Inner connection → its (reused) wrapper. */
  readonly #wrappers = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(private readonly driver: Driver) {
    // Forward the optional savepoint hooks only when the inner driver has them.
    const savepoint = driver.savepoint?.bind(driver);
    const rollbackTo = driver.rollbackToSavepoint?.bind(driver);
    const release = driver.releaseSavepoint?.bind(driver);
    if (savepoint) this.savepoint = (c, name, compile) => savepoint(this.#unwrap(c), name, compile);
    if (rollbackTo) this.rollbackToSavepoint = (c, name, compile) => rollbackTo(this.#unwrap(c), name, compile);
    if (release) this.releaseSavepoint = (c, name, compile) => release(this.#unwrap(c), name, compile);
  }

  savepoint?: Driver['savepoint'];
  rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  releaseSavepoint?: Driver['releaseSavepoint'];

  init(): Promise<void> {
    return this.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.driver.acquireConnection();
    let wrapper = this.#wrappers.get(inner);
    if (!wrapper) {
      wrapper = new QueryErrorConnection(inner);
      this.#wrappers.set(inner, wrapper);
      this.#inner.set(wrapper, inner);
    }
    return wrapper;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.driver.beginTransaction(this.#unwrap(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.commitTransaction(this.#unwrap(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.rollbackTransaction(this.#unwrap(connection));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    const inner = this.#inner.get(connection);
    if (!inner) throw new Error('connection was not acquired through this driver');
    return inner;
  }
}

class QueryErrorConnection implements DatabaseConnection {
  constructor(private readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (cause) {
      throw wrap(query, cause);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (cause) {
      throw wrap(query, cause);
    }
  }
}

function wrap(query: CompiledQuery, cause: unknown): WorkflowQueryError {
  // Kysely may rethrow our own error on nested paths; never wrap twice.
  return cause instanceof WorkflowQueryError ? cause : new WorkflowQueryError(query.sql, query.parameters, cause);
}
