/**
 * A small quote-aware parser for the first kilobytes of a delimited file. It is used only to
 * find the delimiter and the header row; the rows themselves are read by DuckDB's CSV reader.
 */
export type Delimiter = ',' | '\t' | ';' | '|';

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';', '|'];

export interface SampleRecord {
  /** 1-based physical line on which the record starts. */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Splits sample text into records. Blank lines are dropped (DuckDB's reader skips them too) but
 * counted, so `line` is the physical line. The last, possibly cut, record is dropped when `truncated`.
 * Stops after `limit` records: the callers want the first few dozen, and parsing the whole
 * 256 KB sample four times (once per candidate delimiter) took 40 ms of an import.
 */
export function parseDelimitedRecords(text: string, delimiter: Delimiter, truncated: boolean, limit = Infinity): SampleRecord[] {
  const records: SampleRecord[] = [];
  let kept = 0;
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') inQuotes = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
        line++;
      }
      cells.push(cell);
      records.push({ line: start, cells });
      if (!isBlank(cells) && ++kept >= limit) return records.filter((r) => !isBlank(r.cells));
      start = line;
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (!truncated && (cell !== '' || cells.length > 0)) {
    cells.push(cell);
    records.push({ line: start, cells });
  }
  return records.filter((r) => !isBlank(r.cells));
}

function isBlank(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0] === '';
}

/** The cells of {@link parseDelimitedRecords}, without line numbers. */
export function parseDelimitedSample(text: string, delimiter: Delimiter, truncated: boolean, limit = Infinity): string[][] {
  return parseDelimitedRecords(text, delimiter, truncated, limit).map((r) => r.cells);
}

/**
 * Picks the delimiter whose records have the most consistent, widest column count.
 *
 * @example
 * detectDelimiter('a\tb\tc\n1\t2\t3\n', 'x.tsv'); // '\t'
 */
export function detectDelimiter(text: string, fileName: string): Delimiter {
  if (fileName.toLowerCase().endsWith('.tsv')) return '\t';
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const widths = parseDelimitedSample(text, d, true, 50).map((r) => r.length);
    const modal = modalValue(widths);
    if (modal <= 1) continue;
    const score = widths.filter((w) => w === modal).length * modal;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function modalValue(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v > best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
