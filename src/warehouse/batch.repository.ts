import type { Warehouse } from './warehouse.js';
import { JianduError } from '../shared/errors.js';
import { datasetTable } from './dataset.repository.js';

export interface BatchRecord {
  readonly batchId: number;
  readonly dataset: string;
  readonly kind: string | null;
  readonly agency: string | null;
  readonly fileName: string;
  readonly sha256: string;
  readonly fileBytes: number;
  readonly format: string;
  readonly encoding: string | null;
  readonly sheet: string | null;
  /** When the batch was imported, UTC: 'YYYY-MM-DDTHH:MM:SSZ'. */
  readonly importedAt: string;
  readonly durationMs: number;
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsQuarantined: number;
  readonly firstRowId: number;
  readonly quarantineFile: string | null;
}

export interface NewBatch extends Omit<BatchRecord, 'importedAt'> {
  readonly report: unknown;
}

const COLUMNS = `batch_id AS "batchId", dataset, kind, agency, file_name AS "fileName", file_sha256 AS sha256,
  file_bytes::DOUBLE AS "fileBytes", format, encoding, sheet, strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS "importedAt",
  duration_ms AS "durationMs", rows_read::DOUBLE AS "rowsRead", rows_imported::DOUBLE AS "rowsImported",
  rows_quarantined::DOUBLE AS "rowsQuarantined", first_row_id::DOUBLE AS "firstRowId", quarantine_file AS "quarantineFile"`;

/** Import batches: the provenance of every row in the warehouse. Only this file writes `jiandu.batches`. */
export class BatchRepository {
  constructor(private readonly wh: Warehouse) {}

  async nextId(): Promise<number> {
    const r = await this.wh.one<{ id: number }>("SELECT nextval('jiandu.batch_seq')::INTEGER AS id");
    if (!r) throw new Error('sequence returned no row');
    return r.id;
  }

  async insert(b: NewBatch): Promise<void> {
    await this.wh.run(
      `INSERT INTO jiandu.batches VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, timezone('UTC', now()), $11, $12, $13, $14, $15, $16, $17)`,
      [
        b.batchId, b.dataset, b.kind, b.agency, b.fileName, b.sha256, b.fileBytes, b.format, b.encoding, b.sheet,
        b.durationMs, b.rowsRead, b.rowsImported, b.rowsQuarantined, b.firstRowId, b.quarantineFile, JSON.stringify(b.report),
      ],
    );
  }

  async list(dataset?: string): Promise<BatchRecord[]> {
    return dataset
      ? this.wh.all<BatchRecord>(`SELECT ${COLUMNS} FROM jiandu.batches WHERE dataset = $1 ORDER BY batch_id`, [dataset])
      : this.wh.all<BatchRecord>(`SELECT ${COLUMNS} FROM jiandu.batches ORDER BY batch_id`);
  }

  async find(batchId: number): Promise<BatchRecord | undefined> {
    return this.wh.one<BatchRecord>(`SELECT ${COLUMNS} FROM jiandu.batches WHERE batch_id = $1`, [batchId]);
  }

  /** Whether the dataset holds a batch of a file of exactly this many bytes (the cheap pre-check for a duplicate). */
  async anyOfSize(dataset: string, fileBytes: number): Promise<boolean> {
    const r = await this.wh.one<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM jiandu.batches WHERE dataset = $1 AND file_bytes = $2', [dataset, fileBytes]);
    return (r?.n ?? 0) > 0;
  }

  /** The earlier batch of the same file (same SHA-256) into the same dataset, if any. */
  async findSameFile(dataset: string, sha256: string): Promise<BatchRecord | undefined> {
    return this.wh.one<BatchRecord>(`SELECT ${COLUMNS} FROM jiandu.batches WHERE dataset = $1 AND file_sha256 = $2 ORDER BY batch_id LIMIT 1`, [dataset, sha256]);
  }

  async report(batchId: number): Promise<unknown> {
    const r = await this.wh.one<{ report: string }>('SELECT report::VARCHAR AS report FROM jiandu.batches WHERE batch_id = $1', [batchId]);
    return r ? (JSON.parse(r.report) as unknown) : undefined;
  }

  /** Removes a batch and exactly its rows, in one transaction. Returns the number of rows removed. */
  async remove(batchId: number): Promise<{ batch: BatchRecord; rowsRemoved: number }> {
    const batch = await this.find(batchId);
    if (!batch) throw new JianduError('not_found', `批次 ${batchId} 不存在`, { batchId });
    return this.wh.transaction(async () => {
      const counted = await this.wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${datasetTable(batch.dataset)} WHERE _batch_id = $1`, [batchId]);
      await this.wh.run(`DELETE FROM ${datasetTable(batch.dataset)} WHERE _batch_id = $1`, [batchId]);
      await this.wh.run('DELETE FROM jiandu.batches WHERE batch_id = $1', [batchId]);
      return { batch, rowsRemoved: counted?.n ?? 0 };
    });
  }
}
