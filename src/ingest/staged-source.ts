/**
 * What a reader leaves behind: the file's data rows in the temporary table `jd_stage`
 * (`_ord` 1-based order, `_line` source line when known, `c0`…`cN` cell text) and the rows it
 * could not parse in `jd_stage_rejects` (`line`, `reason`, `raw`). Everything after staging —
 * row classification, mapping, normalisation, quarantine — is format-independent SQL.
 */
export const STAGE_TABLE = 'jd_stage';
export const STAGE_REJECTS_TABLE = 'jd_stage_rejects';

export type SkipReason = 'title' | 'header' | 'blank' | 'total' | 'note';

/** A row recognised as not being data (title, header, blank, 合计, trailing note). */
export interface SkippedRow {
  /** Source line (sheet row for XLSX) when known. */
  readonly line: number | null;
  readonly reason: SkipReason;
  readonly text: string;
}

export interface StagedSource {
  readonly format: 'csv' | 'xlsx' | 'json';
  readonly encoding: string | null;
  readonly sheet: string | null;
  /** Column headers, one per stage column c0…cN. */
  readonly headers: readonly string[];
  /** Rows above and including the header. */
  readonly preamble: readonly SkippedRow[];
  readonly warnings: readonly string[];
}

export function stageColumn(i: number): string {
  return `c${i}`;
}

export const SKIP_REASON_LABELS: Readonly<Record<SkipReason, string>> = {
  title: '标题或说明行',
  header: '表头行',
  blank: '空行',
  total: '合计行',
  note: '表尾说明行',
};
