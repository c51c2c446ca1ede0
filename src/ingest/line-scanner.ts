/**
 * What a byte scan of a delimited file says about its physical lines: enough to give each record
 * DuckDB's CSV reader accepts the line it came from, when every line after the header holds
 * exactly one record.
 */
export interface LineProfile {
  /** The last line that holds any byte (the file's last record, whether it ends with a newline or not). */
  readonly lastContentLine: number;
  /**
   * The last line that breaks "one line, one record": an empty line (DuckDB's reader skips it), a
   * line break inside a quoted cell (the record spans lines), or a quote left open at the end of
   * the file. 0 when there is none. (A lone carriage return that a reader took for a line end
   * would make more records than lines: the count check in {@link stagedLineSql} catches it.)
   */
  readonly lastIrregularLine: number;
}

export interface LineScanner {
  push(chunk: Uint8Array): void;
  finish(): LineProfile;
}

/**
 * The scanner as JavaScript source, because it runs in the file-scan worker (file-scan.ts), which
 * is started from source text; {@link createLineScanner} runs the same text here. It scans the
 * bytes chunk by chunk for line feeds and double quotes, jumping between them with `indexOf`, so
 * a million-line file costs about a million steps, not one per byte (60–150 ms for 150 MB, in
 * the worker). Byte-level: valid for UTF-8, GB18030 and Big5, whose multi-byte characters never
 * contain these bytes; not for UTF-16.
 */
export const LINE_SCANNER_SOURCE = `function createLineScanner() {
  let line = 1, lineStart = 0, offset = 0, inQuotes = false, lastByte = -1, lastIrregular = 0, lastContent = 0;
  return {
    push(chunk) {
      const n = chunk.length;
      if (n === 0) return;
      let q = chunk.indexOf(0x22), lf = chunk.indexOf(0x0a);
      for (;;) {
        let p = n;
        if (q >= 0 && q < p) p = q;
        if (lf >= 0 && lf < p) p = lf;
        if (p === n) break;
        if (p === q) {
          inQuotes = !inQuotes;
          q = chunk.indexOf(0x22, p + 1);
        } else {
          const length = offset + p - lineStart;
          const before = p > 0 ? chunk[p - 1] : lastByte;
          const empty = length === 0 || (length === 1 && before === 0x0d);
          if (inQuotes || empty) lastIrregular = line;
          if (!empty) lastContent = line;
          line++;
          lineStart = offset + p + 1;
          lf = chunk.indexOf(0x0a, p + 1);
        }
      }
      lastByte = chunk[n - 1];
      offset += n;
    },
    finish() {
      return { lastContentLine: offset > lineStart ? line : lastContent, lastIrregularLine: inQuotes ? line : lastIrregular };
    },
  };
}`;

/** A scanner running {@link LINE_SCANNER_SOURCE} in this thread. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own constant source, shared with the worker
const makeFactory = new Function(`${LINE_SCANNER_SOURCE}\nreturn createLineScanner;`) as () => () => LineScanner;
export const createLineScanner: () => LineScanner = makeFactory();

/** More rejected lines than this and the lines are left unknown (the expression would grow too large). */
const MAX_REJECTED_LINES = 50_000;

/**
 * The line of each staged record, as SQL over the stage's `rowid`, when the scan shows that every
 * line after the header holds one record and the counts agree: the records DuckDB accepted plus
 * the lines it rejected (or that could not be decoded) are exactly the lines after the header.
 * Accepted record k (1-based) is then line `header + k + r`, r being the number of rejected lines
 * before it; with the rejected lines j₁ < j₂ < … that is the number of i with jᵢ − i < header + k
 * (jᵢ − i never decreases), counted by a binary search written as nested CASEs. Null when the
 * lines cannot be known for sure.
 */
export function stagedLineSql(profile: LineProfile | null, headerLine: number, accepted: number, rejectedLines: readonly number[]): string | null {
  if (!profile || profile.lastIrregularLine > headerLine) return null;
  const rejected = [...new Set(rejectedLines.filter((l) => l > headerLine))].sort((a, b) => a - b);
  if (accepted + rejected.length !== profile.lastContentLine - headerLine || rejected.length > MAX_REJECTED_LINES) return null;
  const base = `(rowid + ${headerLine + 1})`;
  if (rejected.length === 0) return base;
  return `${base} + ${countBelow(rejected.map((j, i) => j - (i + 1)), 0, rejected.length, base)}`;
}

/** SQL counting the values of the non-decreasing `steps` below `v`, given that those before `lo` are and those from `hi` on are not. */
function countBelow(steps: readonly number[], lo: number, hi: number, v: string): string {
  if (hi - lo <= 4) return `(${[String(lo), ...steps.slice(lo, hi).map((s) => `(${s} < ${v})::INTEGER`)].join(' + ')})`;
  const mid = (lo + hi) >> 1;
  return `(CASE WHEN ${steps[mid] ?? 0} < ${v} THEN ${countBelow(steps, mid + 1, hi, v)} ELSE ${countBelow(steps, lo, mid, v)} END)`;
}
