/** The day number DuckDB stores for the DATE 'infinity' (its '-infinity' is the negative). */
const INFINITE_DAYS = 2 ** 31 - 1;

/**
 * The text DuckDB writes for a DATE held as `days` since 1970-01-01 (`CAST(d AS VARCHAR)`):
 * 'YYYY-MM-DD' in the proleptic Gregorian calendar, the year padded to four digits (longer ones
 * as they are), years before 1 as 'YYYY-MM-DD (BC)' counted from 1 BC, and '±infinity'.
 * Property-tested against the cast over DuckDB's whole range (test/rules/lead-texts.property.test.ts).
 *
 * @example dateText(19_844) // '2024-05-01'
 * @example dateText(-719_163) // '0001-12-31 (BC)'
 */
export function dateText(days: number): string {
  if (days === INFINITE_DAYS) return 'infinity';
  if (days === -INFINITE_DAYS) return '-infinity';
  // Civil date from a day count (H. Hinnant's algorithm): exact in doubles over this range.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const md = `-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year >= 1 ? `${String(year).padStart(4, '0')}${md}` : `${String(1 - year).padStart(4, '0')}${md} (BC)`;
}
