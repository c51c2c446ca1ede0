import { STAGE_TABLE, stageColumn, type SkipReason } from './staged-source.js';

/**
 * SQL that classifies each staged row: data, or one of the non-data rows agency exports carry
 * (blank rows, 合计/总计/小计 rows, a trailing note such as "填表人：张三"), or a row with bytes that
 * could not be decoded. Built as an expression over the stage columns so that the classification
 * runs inside DuckDB, once per import (the rows it marks are left out of the insert).
 */
export interface RowClassifier {
  /** `CASE … END` yielding NULL for a data row, else a {@link SkipReason}. */
  readonly expression: string;
  /** Statement to run first: computes the last row with two or more filled cells. */
  readonly prepare: string;
}

// The whole first filled cell must be the label ("合计", "总 计：", "小计（万元）"), so a company
// called 合计科技有限公司 stays data.
const TOTAL_PATTERN = '^[\\s\u3000]*(合[\\s\u3000]*计|总[\\s\u3000]*计|小[\\s\u3000]*计)[\\s\u3000:：]*([(（].*[)）])?[\\s\u3000]*$';

export function buildRowClassifier(width: number): RowClassifier {
  const cols = Array.from({ length: width }, (_, i) => stageColumn(i));
  // Readers store empty cells as NULL, so plain NULL tests find empty cells without trimming
  // every cell of every row; a cell holding only spaces counts as filled (rare, and harmless).
  const filledCount = cols.map((c) => `(${c} IS NOT NULL)::INTEGER`).join(' + ') || '0';
  const firstFilled = `coalesce(${cols.slice(0, 3).join(', ')}, '')`;
  const branches = [
    `WHEN coalesce(${cols.join(', ')}) IS NULL THEN 'blank'`,
    // contains() is a cheap guard before the regular expression; totals are labelled in the first columns.
    `WHEN contains(${firstFilled}, '计') AND regexp_matches(${firstFilled}, '${TOTAL_PATTERN}') THEN 'total'`,
    `WHEN _ord > getvariable('jd_last_full_row') AND (${filledCount}) = 1 AND ${width} >= 3 THEN 'note'`,
  ].filter(Boolean);
  return {
    expression: `(CASE ${branches.join(' ')} ELSE NULL END)`,
    prepare: `SET VARIABLE jd_last_full_row = (SELECT coalesce(max(_ord), 0) FROM ${STAGE_TABLE} WHERE (${filledCount}) >= 2)`,
  };
}

export const ROW_CLASSES: readonly SkipReason[] = ['blank', 'total', 'note'];
