import { quoteIdent } from './sql-identifier.js';

/** The two warehouse calls recovery needs (kept structural so this module does not import the warehouse). */
interface SqlRunner {
  all<T extends object>(sql: string, params?: readonly (string | number)[]): Promise<T[]>;
  run(sql: string, params?: readonly (string | number)[]): Promise<void>;
}

/** Rows removed from one dataset table because no committed batch owns them. */
export interface RecoveredTable {
  readonly dataset: string;
  readonly rowsRemoved: number;
}

/**
 * Repairs what an interrupted write can leave behind in DuckDB 1.5: when a process dies while
 * DuckDB writes a commit to its WAL, the replay on the next open discards the torn transaction but
 * can keep the rows of its bulk INSERT, which DuckDB had already written to the database file
 * (optimistic writes; see duckdb/duckdb#25931). The import's other statements — its batch record,
 * the dataset's row counter — are rolled back, so such rows are recognisable: their `_batch_id`
 * names no batch of their dataset. They are deleted in one transaction, and the warehouse is then
 * exactly as it was before the interrupted import.
 *
 * Run only after an unclean shutdown (a WAL left beside the database file), so a normal open
 * does not scan every table.
 */
export async function removeUncommittedRows(db: SqlRunner): Promise<RecoveredTable[]> {
  const tables = await db.all<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'data' ORDER BY table_name",
  );
  const recovered: RecoveredTable[] = [];
  await db.run('BEGIN TRANSACTION');
  try {
    for (const { name } of tables) {
      // DuckDB answers a DELETE with the number of rows it removed.
      const [row] = await db.all<{ Count: string | number }>(
        `DELETE FROM data.${quoteIdent(name)} WHERE _batch_id NOT IN (SELECT batch_id FROM jiandu.batches WHERE dataset = $1)`,
        [name],
      );
      const removed = Number(row?.Count ?? 0);
      if (removed > 0) recovered.push({ dataset: name, rowsRemoved: removed });
    }
    await db.run('COMMIT');
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return recovered;
}
