import { formatDate, parseDateTime } from './datetime.js';
import { defineMacro } from './sql-macro.js';

/**
 * Normalises a date to 'YYYY-MM-DD'; null when empty or invalid. Accepts every form of
 * {@link parseDateTime} (ISO, 年月日, dots, slashes, YYYYMMDD, Excel serials, full-width digits);
 * a trailing time is validated and dropped. For an Excel serial the date is that of the serial
 * rounded to the second, exactly as `jd_datetime` would give.
 *
 * @example normalizeDate('２０２３年５月１日') // '2023-05-01'
 * @example normalizeDate('45047') // '2023-05-01'
 * @example normalizeDate('2023-02-29') // null
 */
export function normalizeDate(raw: string | null): string | null {
  const p = parseDateTime(raw);
  return p === null ? null : formatDate(p);
}

/** DDL of `jd_date(raw)` → DATE (needs DATETIME_MACROS): one parser for both, so they cannot drift. */
export const DATE_MACROS: readonly string[] = [defineMacro('jd_date', ['raw'], 'CAST(jd_datetime(raw) AS DATE)')];
