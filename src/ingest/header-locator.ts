/**
 * Finds the header row of an agency export. Exports often start with a title row
 * ("XX县住房和城乡建设局 施工许可台账"), a note row ("统计时间：…") or blank rows, and only then
 * the header. The header is the first row that is nearly as wide as the widest row, consists
 * of text rather than numbers and dates, and — when the catalogue knows some of its cells —
 * matches the most known header aliases.
 */
export interface HeaderLocation {
  /** 0-based index of the header row within the sample. */
  readonly index: number;
  /** Column headers, trimmed; empty ones named 列N; duplicates suffixed _2, _3. */
  readonly headers: readonly string[];
}

const NUMERIC_LIKE = /^[\s\d０-９.,，:：/\-年月日时分秒元万%％()（）+]+$/;

function filled(cell: string | null | undefined): cell is string {
  return cell != null && cell.trim() !== '';
}

/**
 * @param rows the first rows of the sheet or file (30 is plenty)
 * @param isKnownHeader true when the catalogue knows this header text
 * @example
 * locateHeader([['某某局 人员名单', '', ''], ['序号', '姓名', '身份证号'], ['1', '王芳', '520203…']], () => false).index; // 1
 */
export function locateHeader(rows: readonly (readonly (string | null)[])[], isKnownHeader: (text: string) => boolean): HeaderLocation {
  const counts = rows.map((r) => r.filter(filled).length);
  const widest = Math.max(0, ...counts);
  const minFilled = Math.max(widest >= 2 ? 2 : 1, Math.ceil(widest * 0.6));
  let chosen = -1;
  let bestKnown = 0;
  const candidates: number[] = [];
  rows.forEach((row, i) => {
    const cells = row.filter(filled);
    if (cells.length < minFilled) return;
    const texty = cells.filter((c) => !NUMERIC_LIKE.test(c)).length / cells.length;
    if (texty < 0.8) return;
    candidates.push(i);
    const known = cells.filter((c) => isKnownHeader(c)).length;
    if (known > bestKnown) {
      bestKnown = known;
      chosen = i;
    }
  });
  if (chosen < 0 || bestKnown < 2) chosen = candidates[0] ?? 0;
  return { index: chosen, headers: nameColumns(rows[chosen] ?? [], Math.max(...rows.map((r) => lastFilled(r) + 1), 0)) };
}

function lastFilled(row: readonly (string | null)[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (filled(row[i])) return i;
  return -1;
}

/** Names `width` columns from a header row: trimmed text, 列N for blanks, _2/_3 for repeats. */
export function nameColumns(header: readonly (string | null)[], width: number): string[] {
  const seen = new Map<string, number>();
  const names: string[] = [];
  for (let i = 0; i < Math.max(width, header.length); i++) {
    const raw = header[i];
    const base = filled(raw) ? raw.replace(/\s+/g, ' ').trim() : `列${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    names.push(n === 1 ? base : `${base}_${n}`);
  }
  return names;
}
