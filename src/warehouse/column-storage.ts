import type { SemanticType } from '../catalog/semantic-type.js';

/**
 * Identifier types whose normalised columns are stored without compression: nearly one distinct
 * value per row (ID numbers, credit codes, phones), which DuckDB would otherwise FSST-encode at
 * every checkpoint. Measured on the 1,000,000-row registry of `bench/import` (three such columns
 * among nine), alternating runs on this 2-core machine: the import 6.1–7.2 s → 4.7–5.9 s (CPU
 * 11.2–12.8 s → 8.5–10.9 s), a hash join on the ID column 106–114 ms → 52–67 ms, and the
 * warehouse file 41 MB → 77 MB. Disk is the cheap side of that trade for an office's server.
 */
const UNCOMPRESSED: ReadonlySet<SemanticType> = new Set<SemanticType>(['idcard', 'uscc', 'phone']);

/**
 * The storage clause of a dataset's normalised column of this type, to follow its column type in
 * `ADD COLUMN` (empty: DuckDB chooses).
 *
 * @example `ALTER TABLE t ADD COLUMN id_number VARCHAR${columnStorage('idcard')}` // … USING COMPRESSION uncompressed
 */
export function columnStorage(type: SemanticType): string {
  return UNCOMPRESSED.has(type) ? ' USING COMPRESSION uncompressed' : '';
}
