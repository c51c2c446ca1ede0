import { JianduError } from '../shared/errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks that `value` is a real calendar date written 'YYYY-MM-DD' (the form a `date` column is
 * read back in), and returns it unchanged; throws `invalid_argument` otherwise.
 *
 * @example
 * assertIsoDate('2024-02-29', 'asOf'); // '2024-02-29'
 * assertIsoDate('2023-02-29', 'asOf'); // throws
 */
export function assertIsoDate(value: string, name: string): string {
  const m = ISO_DATE.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value;
  }
  throw new JianduError('invalid_argument', `${name} 不是有效日期（应为 YYYY-MM-DD）：${value}`, { [name]: value });
}
