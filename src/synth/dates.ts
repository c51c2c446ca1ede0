/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone can shift a day. Scenarios
 * call these for every row, so day numbers and their texts are memoised (a county spans a few
 * tens of thousands of distinct days).
 */

const DAY_MS = 86_400_000;
const dayOf = new Map<string, number>();
const textOf = new Map<number, string>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  let d = dayOf.get(date);
  if (d === undefined) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    d = Math.round(Date.UTC(y, m - 1, day) / DAY_MS);
    dayOf.set(date, d);
  }
  return d;
}

/** The `YYYY-MM-DD` text of a day number. */
export function dayText(day: number): string {
  let t = textOf.get(day);
  if (t === undefined) {
    t = new Date(day * DAY_MS).toISOString().slice(0, 10);
    textOf.set(day, t);
  }
  return t;
}

export function addDays(date: string, days: number): string {
  return dayText(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days since 1899-12-30: the Excel (1900 system) serial of a date. */
export function excelSerial(date: string): number {
  return dayNumber(date) + 25_569;
}
