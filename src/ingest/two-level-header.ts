import type { MergeRange } from './readers/xlsx-reader.js';

/**
 * Two-level headers, as agencies draw them in Excel: a group cell merged across the columns it
 * heads, over a row of sub-headers (负责人 over 姓名 | 身份证号), and the other columns' cells
 * merged down through both rows (序号, 许可证号). Read as one row, the lower row loses the columns
 * merged from above (列1, 列2) and the group (姓名_2 instead of 负责人姓名); the upper row takes
 * the sub-headers for data.
 *
 * Only merges say that a header has two levels, and XLSX stores them after the rows: this is
 * decided once the sheet has been read, from the rows around the located header.
 */

export interface TwoLevelHeader {
  /** Sheet rows of the group row and the sub-header row. */
  readonly upper: number;
  readonly lower: number;
  /** One name per column: group + sub-header under a group, the merged cell's text where merged down. */
  readonly cells: readonly (string | null)[];
}

function filled(cell: string | null | undefined): cell is string {
  return cell != null && cell.trim() !== '';
}

/**
 * The two-level header around the located header row, or undefined when the merges do not show
 * one. The header has two levels when a row holds a merge across some but not all of the
 * `width` columns (a group) and the row below has text under it: the located row is then either
 * the group row or the sub-header row.
 *
 * @param cellsAt the cells of a sheet row (undefined when the row is not known, e.g. beyond the sample)
 * @example
 * // 序号 (A2:A3) | 负责人 (B2:C2) over 姓名 | 身份证号
 * twoLevelHeader(3, 3, [{ top: 2, left: 1, bottom: 3, right: 1 }, { top: 2, left: 2, bottom: 2, right: 3 }], rowsByLine)
 * // → { upper: 2, lower: 3, cells: ['序号', '负责人姓名', '负责人身份证号'] }
 */
export function twoLevelHeader(
  located: number,
  width: number,
  merges: readonly MergeRange[],
  cellsAt: (line: number) => readonly (string | null)[] | undefined,
): TwoLevelHeader | undefined {
  const isGroupRow = (line: number): boolean => {
    const cells = cellsAt(line);
    const below = cellsAt(line + 1);
    if (!cells || !below || cells.slice(0, width).filter(filled).length < 2) return false;
    return merges.some(
      (m) =>
        m.top === line &&
        m.bottom === line &&
        m.right > m.left &&
        m.left <= width &&
        m.right - m.left + 1 < width &&
        filled(cells[m.left - 1]) &&
        below.slice(m.left - 1, m.right).some(filled),
    );
  };
  const upper = isGroupRow(located) ? located : isGroupRow(located - 1) ? located - 1 : undefined;
  if (upper === undefined) return undefined;
  const lower = upper + 1;
  const top = cellsAt(upper) ?? [];
  const sub = cellsAt(lower) ?? [];
  const text = (line: number, col: number): string | null => {
    const v = (line === upper ? top : sub)[col - 1];
    return filled(v) ? v.trim() : null;
  };
  const cells: (string | null)[] = [];
  for (let col = 1; col <= width; col++) {
    const group = merges.find((m) => m.top === upper && m.bottom === upper && m.left <= col && col <= m.right && m.right > m.left);
    const down = merges.find((m) => m.top <= upper && m.bottom >= lower && m.left <= col && col <= m.right);
    const own = text(lower, col);
    if (down) cells.push((down.top === upper ? text(upper, down.left) : null) ?? own ?? text(upper, col));
    else if (group) cells.push(`${text(upper, group.left) ?? ''}${own ?? ''}` || null);
    else cells.push(own ?? text(upper, col));
  }
  return { upper, lower, cells };
}
