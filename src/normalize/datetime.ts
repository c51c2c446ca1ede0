import { isSupportedDate, MAX_YEAR, MIN_YEAR, pad } from './calendar.js';
import { normalizeText } from './text.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro, sqlLet } from './sql-macro.js';

/**
 * Dates and date-times as agencies write them.
 *
 * Accepted (after full-width folding, blank collapsing and trimming, as for text):
 * - `2023-05-01`, `2023/5/1`, `2023.5.1`, `2023年5月1日`, `2023年05月01日` (separators may be
 *   mixed; month and day have 1–2 digits);
 * - `20230501` (8 digits are always YYYYMMDD, never a serial number);
 * - any of those followed by a time `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff` (fraction dropped),
 *   `10时30分`, `10时30分15秒`, `10点30`, separated by a space or `T` (or nothing after 日);
 * - Excel serial numbers in the 1900 date system, written as text: 1–5 integer digits with an
 *   optional fraction ("45047", "45047.5"). Serial 60 is Excel's fictitious 1900-02-29 and is
 *   rejected; serials 1–59 count from 1899-12-31, serials from 61 on from 1899-12-30. The fraction
 *   is the time of day, rounded to the second.
 *
 * The result must be a real calendar date in 1900–2199 with hour ≤ 23, minute ≤ 59, second ≤ 59.
 * A date without a time is midnight.
 */

const DATE_TIME_PATTERN =
  '^(?:(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})|(\\d{4})(\\d{2})(\\d{2}))' +
  '(?:日(?:[T ]?(\\d{1,2})[:时点](\\d{1,2})(?:[:分](\\d{1,2})(?:\\.\\d+)?秒?|分)?)?' +
  '|[T ](\\d{1,2})[:时点](\\d{1,2})(?:[:分](\\d{1,2})(?:\\.\\d+)?秒?|分)?)?$';
const DATE_TIME_RE = jsRegExp(DATE_TIME_PATTERN);
/** An Excel serial number: at most 5 integer digits (so 1..99999, up to 2173-10-14). */
const SERIAL_PATTERN = '\\d{1,5}(?:\\.\\d+)?';
const SERIAL_RE = jsRegExp(`^${SERIAL_PATTERN}$`);

const SECONDS_PER_DAY = 86400;
/** Epoch day of serial day n: serials below 60 count from 1899-12-31, later ones from 1899-12-30. */
const serialEpochOffset = (day: number): number => (day < 60 ? 25568 : 25569);

/** A broken-down local date-time (no time zone: agencies record China local time). */
export interface DateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function fromSerial(s: string): DateTimeParts | null {
  const v = Number(s);
  const n = Math.floor(v);
  const total = n * SECONDS_PER_DAY + Math.round((v - n) * SECONDS_PER_DAY);
  const day = Math.floor(total / SECONDS_PER_DAY);
  if (n < 1 || n === 60 || day === 60) return null;
  const secondOfDay = total - day * SECONDS_PER_DAY;
  const date = new Date((day - serialEpochOffset(day)) * SECONDS_PER_DAY * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor(secondOfDay / 60) % 60,
    second: secondOfDay % 60,
  };
}

/**
 * Parses a raw date or date-time into its parts; null when empty or invalid.
 *
 * @example parseDateTime('2023年5月1日 10时30分') // { year: 2023, month: 5, day: 1, hour: 10, minute: 30, second: 0 }
 */
export function parseDateTime(raw: string | null): DateTimeParts | null {
  const s = normalizeText(raw);
  if (s === null) return null;
  if (SERIAL_RE.test(s)) return fromSerial(s);
  const g = DATE_TIME_RE.exec(s);
  if (g === null) return null;
  const num = (a: string | undefined, b?: string): number => Number(a ?? b ?? 0);
  const parts: DateTimeParts = {
    year: num(g[1], g[4]),
    month: num(g[2], g[5]),
    day: num(g[3], g[6]),
    hour: num(g[7], g[10]),
    minute: num(g[8], g[11]),
    second: num(g[9], g[12]),
  };
  const timeOk = parts.hour <= 23 && parts.minute <= 59 && parts.second <= 59;
  return timeOk && isSupportedDate(parts.year, parts.month, parts.day) ? parts : null;
}

/**
 * 'YYYY-MM-DD' of the parts.
 *
 * @example formatDate({ year: 2023, month: 5, day: 1, hour: 0, minute: 0, second: 0 }) // '2023-05-01'
 */
export function formatDate(p: DateTimeParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * Normalises a date-time to 'YYYY-MM-DD HH:MM:SS'; null when empty or invalid.
 *
 * @example normalizeDatetime('2023/5/1 9:05') // '2023-05-01 09:05:00'
 * @example normalizeDatetime('45047.5') // '2023-05-01 12:00:00'
 */
export function normalizeDatetime(raw: string | null): string | null {
  const p = parseDateTime(raw);
  return p === null ? null : `${formatDate(p)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

// SQL. Canonical ISO text ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS', the usual database export)
// takes a fast path: a regex check plus DuckDB's own cast, with the ranges the cast does not
// enforce (years 1900–2199, hour 24) checked on the text. Everything else is parsed like the TS
// code; its intermediate values are bound to lambda parameters because DuckDB does not share
// repeated subexpressions inside CASE branches (see sql-macro.ts).

const ISO_PATTERN = '\\d{4}-\\d{2}-\\d{2}(?: \\d{2}:\\d{2}:\\d{2})?';
const ISO_FAST = `CASE WHEN substr(raw, 1, 4) BETWEEN '${MIN_YEAR}' AND '${MAX_YEAR}' AND substr(raw, 12, 2) <= '23' AND substr(raw, 15, 2) <= '59' AND substr(raw, 18, 2) <= '59' THEN TRY_CAST(raw AS TIMESTAMP) END`;

const int = (e: string): string => `TRY_CAST(${e} AS INTEGER)`;
const time = (e: string): string => `coalesce(${int(e)}, 0)`;
// The two date alternatives fill disjoint groups, so concatenating them yields the one that matched.
const PARTS = `{'y': ${int('g.y1 || g.y2')}, 'm': ${int('g.m1 || g.m2')}, 'd': ${int('g.d1 || g.d2')}, 'h': ${time('g.h1 || g.h2')}, 'mi': ${time('g.mi1 || g.mi2')}, 'se': ${time('g.s1 || g.s2')}}`;
/** Seconds since serial day 0, rounded to the second; `v` is the serial as DOUBLE. */
const T = `TRY_CAST(floor(v) * ${SECONDS_PER_DAY} + round((v - floor(v)) * ${SECONDS_PER_DAY}) AS BIGINT)`;

/** DDL of `jd_datetime(raw)` → TIMESTAMP (needs CALENDAR_MACROS, TEXT_MACROS). */
export const DATETIME_MACROS: readonly string[] = [
  defineMacro(
    'jd__serial_ts',
    ['v'],
    sqlLet(
      T,
      't',
      `CASE WHEN floor(v) >= 1 AND floor(v) <> 60 AND t // ${SECONDS_PER_DAY} <> 60 THEN make_timestamp((t // ${SECONDS_PER_DAY} - CASE WHEN t // ${SECONDS_PER_DAY} < 60 THEN 25568 ELSE 25569 END) * ${SECONDS_PER_DAY * 1_000_000} + (t % ${SECONDS_PER_DAY}) * 1000000) END`,
    ),
  ),
  defineMacro(
    'jd__parsed_ts',
    ['s'],
    sqlLet(
      `regexp_extract(s, ${sqlRegex(DATE_TIME_PATTERN)}, ['y1', 'm1', 'd1', 'y2', 'm2', 'd2', 'h1', 'mi1', 's1', 'h2', 'mi2', 's2'])`,
      'g',
      sqlLet(
        PARTS,
        'p',
        `CASE WHEN jd__ymd8_ok(p.y * 10000 + p.m * 100 + p.d) = 1 AND p.h <= 23 AND p.mi <= 59 AND p.se <= 59 THEN make_timestamp(p.y, p.m, p.d, p.h, p.mi, CAST(p.se AS DOUBLE)) END`,
      ),
    ),
  ),
  defineMacro(
    'jd_datetime',
    ['raw'],
    `CASE WHEN regexp_full_match(raw, ${sqlRegex(ISO_PATTERN)}) THEN ${ISO_FAST} ELSE ${sqlLet(
      'jd_text(raw)',
      's',
      `CASE WHEN regexp_full_match(s, ${sqlRegex(SERIAL_PATTERN)}) THEN jd__serial_ts(TRY_CAST(s AS DOUBLE)) ELSE jd__parsed_ts(s) END`,
    )} END`,
  ),
];
