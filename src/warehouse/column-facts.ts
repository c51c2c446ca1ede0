import { datasetTable } from './dataset.repository.js';
import { quoteIdent, type Warehouse } from './warehouse.js';

/**
 * Facts about a dataset column that the compiler may rely on, measured once per version of the
 * dataset's rows and kept in `jiandu.column_facts`.
 *
 * A dataset's rows change only by whole batches — an import adds one (and advances the dataset's
 * next row id), `batches remove` deletes one, recovery deletes the rows of a batch that never
 * committed — so its batch ids and next row id name a version of its rows: a fact stored under
 * another version is measured again.
 */
export class ColumnFacts {
  constructor(private readonly wh: Warehouse) {}

  /**
   * Whether the column holds no value twice and at most one NULL — the test the compiler needs
   * to treat each row's value as a lead's own subject. One count over the column the first time
   * (10M codes: 1.2–1.9 s), a lookup after; with `measure: false`, undefined when not yet known.
   */
  async isUnique(dataset: string, column: string, options: { readonly measure?: boolean } = {}): Promise<boolean | undefined> {
    const version = await this.version(dataset);
    if (version === null) return false;
    const known = await this.wh.one<{ is_unique: boolean }>(
      'SELECT is_unique FROM jiandu.column_facts WHERE dataset = $1 AND column_name = $2 AND version = $3',
      [dataset, column, version],
    );
    if (known) return known.is_unique;
    if (options.measure === false) return undefined;
    const exists = await this.wh.one<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'data' AND table_name = $1 AND column_name = $2",
      [dataset, column],
    );
    if (!exists?.n) return false;
    const c = quoteIdent(column);
    const measured = await this.wh.one<{ u: boolean }>(
      `SELECT coalesce(count(${c}) = count(DISTINCT ${c}) AND count(*) - count(${c}) <= 1, true) AS u FROM ${datasetTable(dataset)}`,
    );
    const unique = measured?.u === true;
    // Kept for later runs; a warehouse that cannot take the write (a read-only file) measures again next time.
    await this.wh.run("INSERT OR REPLACE INTO jiandu.column_facts VALUES ($1, $2, $3, $4, timezone('UTC', now()))", [dataset, column, version, unique]).catch(() => undefined);
    return unique;
  }

  /** The version of a dataset's rows: its next row id and its batch ids; null when there is no such dataset. */
  private async version(dataset: string): Promise<string | null> {
    const row = await this.wh.one<{ v: string | null }>(
      `SELECT md5(d.next_row_id || ':' || coalesce((SELECT string_agg(b.batch_id::VARCHAR, ',' ORDER BY b.batch_id) FROM jiandu.batches b WHERE b.dataset = d.name), '')) AS v
       FROM jiandu.datasets d WHERE d.name = $1`,
      [dataset],
    );
    return row?.v ?? null;
  }
}
