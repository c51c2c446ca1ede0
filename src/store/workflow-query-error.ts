import { JianduError } from '../shared/errors.js';

/** Longest array parameter kept whole in {@link WorkflowQueryError.details}; longer ones are summarised. */
const MAX_ARRAY_IN_DETAILS = 10;

/**
 * A workflow-store (PGlite or PostgreSQL) failure, wrapped with the statement and its bound
 * parameters for diagnosis, as Drizzle's `DrizzleQueryError` does. `parameters` holds the values
 * as they were bound; `details.parameters` shortens the bulk arrays of a lead batch (10,000
 * elements each) so that logging an error never prints megabytes.
 *
 * @example
 * try { await sql`SELECT 1/0`.execute(db); }
 * catch (e) { if (e instanceof WorkflowQueryError) console.error(e.sql, e.parameters, e.cause); }
 */
export class WorkflowQueryError extends JianduError {
  override readonly name = 'WorkflowQueryError';
  constructor(
    readonly sql: string,
    readonly parameters: readonly unknown[],
    cause: unknown,
  ) {
    // TODO(errors): a dedicated 'workflow_query_failed' code; 'warehouse_query_failed' until it exists.
    super(
      'warehouse_query_failed',
      `工作流数据库查询失败：${cause instanceof Error ? cause.message : String(cause)}`,
      { sql, parameters: parameters.map(summarizeParameter) },
      { cause },
    );
  }
}

function summarizeParameter(value: unknown): unknown {
  if (!Array.isArray(value) || value.length <= MAX_ARRAY_IN_DETAILS) return value;
  const items = value as unknown[];
  return [...items.slice(0, MAX_ARRAY_IN_DETAILS), `…（共 ${items.length} 项）`];
}
