/**
 * Typed domain errors. Domain code throws these; the edges (CLI today, HTTP later) map them to
 * exit codes and responses in one place. Messages are in Chinese because users read them.
 */
export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'duplicate_import'
  | 'conflict'
  | 'unreadable_file'
  | 'unsupported_format'
  | 'mapping_error'
  | 'warehouse_query_failed';

export class JianduError extends Error {
  override readonly name: string = 'JianduError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A DuckDB failure, wrapped with the statement and its bound parameters for diagnosis. */
export class WarehouseQueryError extends JianduError {
  override readonly name = 'WarehouseQueryError';
  constructor(
    readonly sql: string,
    readonly parameters: readonly unknown[],
    cause: unknown,
  ) {
    super(
      'warehouse_query_failed',
      `数据仓库查询失败：${cause instanceof Error ? cause.message : String(cause)}`,
      { sql, parameters },
      { cause },
    );
  }
}
