import { BLANK } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro, sqlLet } from './sql-macro.js';

/**
 * Integers (counts, ages, days): full-width digits, blanks, thousands separators in correct
 * groups ('1,234', '１，２３４') and a zero fraction ('12.0', '12.') are accepted; '12.5', '1e3',
 * '0x10' are not. The value must be a safe JS integer (|n| ≤ 2^53 − 1) so that TS numbers and
 * SQL BIGINTs hold the same set of values.
 */

const INTEGER_PATTERN = '^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.0*)?$';
const INTEGER_RE = jsRegExp(INTEGER_PATTERN);
const BLANK_G = jsRegExp(BLANK, 'g');
/** More significant digits than this cannot be a safe integer (2^53 − 1 has 16). */
const MAX_DIGITS = 16;

/**
 * Normalises an integer; null when empty, fractional, malformed or outside the safe range.
 *
 * @example normalizeInteger(' １，２３４ ') // 1234
 * @example normalizeInteger('12.0') // 12
 * @example normalizeInteger('12.5') // null
 */
export function normalizeInteger(raw: string | null): number | null {
  if (raw === null) return null;
  const g = INTEGER_RE.exec(foldFullWidth(raw).replace(BLANK_G, ''));
  if (g === null) return null;
  const [, sign, intPart = ''] = g;
  const digits = intPart.replaceAll(',', '').replace(/^0+/, '');
  if (digits.length > MAX_DIGITS) return null;
  const v = Number(digits);
  if (v > Number.MAX_SAFE_INTEGER) return null;
  return sign === '-' && v !== 0 ? -v : v;
}

/** Up to 15 digits is always a safe integer: plain values skip the general parse. */
const PLAIN_PATTERN = '-?\\d{1,15}';
const GENERAL = sqlLet(
  `regexp_extract(regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(BLANK)}, '', 'g'), ${sqlRegex(INTEGER_PATTERN)}, ['sg', 'i'])`,
  'g',
  `CASE WHEN length(ltrim(replace(g.i, ',', ''), '0')) <= ${MAX_DIGITS} THEN ${sqlLet(
    `TRY_CAST(replace(g.i, ',', '') AS BIGINT)`,
    'v',
    `CASE WHEN v <= ${Number.MAX_SAFE_INTEGER} THEN CASE WHEN g.sg = '-' THEN -v ELSE v END END`,
  )} END`,
);

/** DDL of `jd_integer(raw)` → BIGINT. */
export const INTEGER_MACROS: readonly string[] = [
  defineMacro(
    'jd_integer',
    ['raw'],
    `CASE WHEN regexp_full_match(raw, ${sqlRegex(PLAIN_PATTERN)}) THEN TRY_CAST(raw AS BIGINT) ELSE ${GENERAL} END`,
  ),
];
