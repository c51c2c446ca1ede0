import type { SemanticType } from '../catalog/semantic-type.js';
import { DatasetRepository, datasetTable } from './dataset.repository.js';
import { quoteIdent, type Warehouse } from './warehouse.js';

export interface EvidenceRow {
  readonly dataset: string;
  readonly batchId: number;
  readonly rowId: number;
  /** Source line (sheet row for XLSX) when known. */
  readonly line: number | null;
  /** Normalised values by field, as text, with each field's type and label. */
  readonly fields: readonly { readonly name: string; readonly label: string; readonly type: SemanticType; readonly value: string | null }[];
  readonly found: boolean;
}

/** Fetches the exact source rows behind a lead, one query per dataset. */
export class EvidenceRepository {
  constructor(private readonly wh: Warehouse) {}

  async fetch(refs: readonly { dataset: string; batchId: number; rowId: number }[]): Promise<EvidenceRow[]> {
    const datasets = new DatasetRepository(this.wh);
    const out: EvidenceRow[] = [];
    for (const name of [...new Set(refs.map((r) => r.dataset))]) {
      const ds = await datasets.find(name);
      const wanted = refs.filter((r) => r.dataset === name);
      if (!ds) {
        for (const r of wanted) out.push({ ...r, line: null, fields: [], found: false });
        continue;
      }
      const cols = ds.fields.map((f) => `CAST(${quoteIdent(f.name)} AS VARCHAR) AS ${quoteIdent(f.name)}`).join(', ');
      const rows = await this.wh.all<Record<string, string | null>>(
        `SELECT _row_id::DOUBLE AS _row_id, _batch_id, _line::DOUBLE AS _line${cols ? `, ${cols}` : ''} FROM ${datasetTable(name)} WHERE _row_id IN (SELECT unnest($1::BIGINT[]))`,
        [wanted.map((r) => r.rowId).join(',') === '' ? '[]' : `[${wanted.map((r) => r.rowId).join(',')}]`],
      );
      const byId = new Map(rows.map((r) => [Number(r['_row_id']), r]));
      for (const r of wanted) {
        const row = byId.get(r.rowId);
        out.push({
          ...r,
          line: row?.['_line'] == null ? null : Number(row['_line']),
          fields: ds.fields.map((f) => ({ name: f.name, label: f.label, type: f.type, value: row ? (row[f.name] ?? null) : null })),
          found: row !== undefined,
        });
      }
    }
    return out;
  }
}
