import { defineMacro } from './sql-macro.js';

/**
 * Calendar checks shared by ID numbers and dates. Years are limited to 1900–2199: the range of the
 * date normaliser (task brief; Excel's 1900 date system starts at 1900-01-01), and a birth year
 * before 1900 on a living person's ID number is a typo, as hutool's `isBirthday` also assumes.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/**
 * Days in a month of the proleptic Gregorian calendar.
 *
 * @example daysInMonth(1900, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return 30 + ((month + Math.floor(month / 8)) % 2);
}

/**
 * True when (year, month, day) is a real calendar date with 1900 ≤ year ≤ 2199.
 *
 * @example isSupportedDate(2024, 2, 29) // true
 * @example isSupportedDate(2023, 2, 29) // false
 */
export function isSupportedDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Zero-pads to `width` digits.
 *
 * @example pad(5) // '05'
 */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * SQL twin of {@link isSupportedDate}: pure integer arithmetic, no exceptions on bad input.
 * `jd__ymd8_ok(v)` takes YYYYMMDD as one integer and returns 1/0 (NULL for NULL); it uses no CASE
 * or AND, so DuckDB can share its subexpressions (see sql-macro.ts).
 */
export const CALENDAR_MACROS: readonly string[] = [
  defineMacro(
    'jd__ymd8_ok',
    ['v'],
    `((v // 10000) BETWEEN ${MIN_YEAR} AND ${MAX_YEAR})::INTEGER * ((v // 100 % 100) BETWEEN 1 AND 12)::INTEGER * ((v % 100) BETWEEN 1 AND 30 + ((v // 100 % 100 + v // 100 % 100 // 8) % 2) - (v // 100 % 100 = 2)::INTEGER * (2 - ((v // 10000 % 4 = 0)::INTEGER - (v // 10000 % 100 = 0)::INTEGER + (v // 10000 % 400 = 0)::INTEGER)))::INTEGER`,
  ),
];
