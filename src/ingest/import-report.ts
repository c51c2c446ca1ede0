import type { SemanticType } from '../catalog/semantic-type.js';
import type { SkippedRow } from './staged-source.js';

/** The result of one import, printed by `jiandu import --json` and stored with the batch. */
export interface ImportReport {
  readonly dataset: string;
  readonly batchId: number;
  readonly kind: string | null;
  readonly file: string;
  readonly sha256: string;
  readonly format: 'csv' | 'xlsx' | 'json';
  readonly encoding: string | null;
  readonly sheet: string | null;
  /** Every record read from the file: rowsImported + rowsQuarantined + skippedRows.length. */
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsQuarantined: number;
  /** CSV with line, reason and raw text of each quarantined row; null when none. */
  readonly quarantineFile: string | null;
  readonly skippedRows: readonly SkippedRow[];
  /** Source header → field. */
  readonly mapping: Readonly<Record<string, string>>;
  /** Field → number of values that failed validation (raw text kept, normalised value null). */
  readonly invalid: Readonly<Record<string, number>>;
  readonly columns: readonly { header: string; field: string; type: SemanticType; basis: string }[];
  readonly warnings: readonly string[];
  readonly durationMs: number;
}
