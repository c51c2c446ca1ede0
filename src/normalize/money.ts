import { BLANK } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Amounts of money in yuan.
 *
 * Accepted, after full-width folding and dropping blanks: an optional sign, an optional currency
 * mark (¥ ￥ 人民币 RMB), digits with or without correct thousands grouping ('12,000.00',
 * '１２，０００'), an optional fraction, and an optional unit 元 / 万 / 万元 / 亿 / 亿元. Parentheses
 * for negatives, '约', '整' and ranges are rejected.
 *
 * A bare number is in `unit`: 'yuan', or 'wan' when the column header said 万元 (×10 000). An
 * explicit unit in the value wins over the column's unit.
 *
 * The result is rounded half away from zero to the fen (0.01), computed exactly on the decimal
 * digits (BigInt here, HUGEINT in SQL), never in floating point, so '1.005' is 1.01 in both.
 * |value| must fit DECIMAL(18,2), i.e. be below 10^16 yuan.
 */

/** The unit of bare numbers in a column. */
export type MoneyUnit = 'yuan' | 'wan';

const MONEY_PATTERN = '^([+-]?)(?:[¥￥]|人民币|RMB)?([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d*))?(元|万元|万|亿元|亿)?$';
const MONEY_RE = jsRegExp(MONEY_PATTERN);
const BLANK_G = jsRegExp(BLANK, 'g');
/** Integer digits beyond this cannot fit DECIMAL(18,2) whatever the unit; also bounds HUGEINT. */
const MAX_INT_DIGITS = 20;
const CENTS_LIMIT = 10n ** 18n;
const FRACTION_PAD = '0'.repeat(11);

/** Decimal exponent of each explicit unit suffix. */
const SUFFIX_EXPONENT: Readonly<Record<string, number>> = { 元: 0, 万: 4, 万元: 4, 亿: 8, 亿元: 8 };

/** Decimal exponent of an explicit unit suffix, else of the column's unit. */
function unitExponent(suffix: string | undefined, unit: MoneyUnit): number {
  return (suffix === undefined ? undefined : SUFFIX_EXPONENT[suffix]) ?? (unit === 'wan' ? 4 : 0);
}

/**
 * Normalises an amount of money to yuan (a number with at most 2 decimals); null when empty or
 * invalid.
 *
 * @example normalizeMoney('￥1,234.5') // 1234.5
 * @example normalizeMoney('1.5万元') // 15000
 * @example normalizeMoney('12', 'wan') // 120000
 * @example normalizeMoney('800元', 'wan') // 800
 */
export function normalizeMoney(raw: string | null, unit: MoneyUnit = 'yuan'): number | null {
  if (raw === null) return null;
  const g = MONEY_RE.exec(foldFullWidth(raw).replace(BLANK_G, ''));
  if (g === null) return null;
  const [, sign1 = '', sign2 = '', intPart = '', fraction = '', suffix] = g;
  if (sign1 !== '' && sign2 !== '') return null;
  const digits = intPart.replaceAll(',', '').replace(/^0+/, '');
  if (digits.length > MAX_INT_DIGITS) return null;
  // Shift the decimal point by the unit's exponent + 2 (to fen), then round on the next digit.
  const k = unitExponent(suffix, unit);
  const padded = (fraction + FRACTION_PAD).slice(0, k + 3);
  const cents = BigInt(digits + padded.slice(0, k + 2)) + (padded.charAt(k + 2) >= '5' ? 1n : 0n);
  if (cents >= CENTS_LIMIT) return null;
  if (cents === 0n) return 0;
  const text = cents.toString().padStart(3, '0');
  // Parse the exact decimal text, so the double is the one DuckDB's DECIMAL → DOUBLE gives.
  const value = Number(`${text.slice(0, -2)}.${text.slice(-2)}`);
  return sign1 === '-' || sign2 === '-' ? -value : value;
}

// SQL: everything is computed CASE-free in the first WHEN condition and reused by the THEN branch
// (DuckDB shares repeated subexpressions only where they are always evaluated; see sql-macro.ts).
const G = `regexp_extract(regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(BLANK)}, '', 'g'), ${sqlRegex(MONEY_PATTERN)}, ['s1', 's2', 'i', 'f', 'u'])`;
const g = (name: string): string => `struct_extract(${G}, '${name}')`;
const EXPONENT = `CASE ${g('u')} ${Object.entries(SUFFIX_EXPONENT)
  .map(([suffix, k]) => `WHEN '${suffix}' THEN ${k}`)
  .join(' ')} ELSE CASE WHEN unit = 'wan' THEN 4 ELSE 0 END END`;
const DIGITS = `ltrim(replace(${g('i')}, ',', ''), '0')`;
const FRACTION = `(${g('f')} || '${FRACTION_PAD}')`;
/** The amount in fen, rounded half away from zero on the next digit. */
const CENTS = `(TRY_CAST(${DIGITS} || substr(${FRACTION}, 1, ${EXPONENT} + 2) AS HUGEINT) + (substr(${FRACTION}, ${EXPONENT} + 3, 1) >= '5')::INTEGER)`;

/**
 * DDL of `jd_money(raw, unit := 'yuan')` → DECIMAL(18,2). `unit` is 'yuan' or 'wan' (a constant
 * from the column mapping, e.g. `jd_money(col, 'wan')` for a 万元 column); NULL means 'yuan'.
 */
export const MONEY_MACROS: readonly string[] = [
  defineMacro(
    'jd_money',
    ['raw', "unit := 'yuan'"],
    `CASE WHEN (${g('i')} <> '')::INTEGER * ((${g('s1')} = '')::INTEGER | (${g('s2')} = '')::INTEGER) * (length(${DIGITS}) <= ${MAX_INT_DIGITS})::INTEGER * (${CENTS} < ${CENTS_LIMIT.toString()})::INTEGER = 1 ` +
      `THEN CAST(CAST(CASE WHEN ${g('s1')} = '-' OR ${g('s2')} = '-' THEN -${CENTS} ELSE ${CENTS} END AS DECIMAL(38,0)) * 0.01 AS DECIMAL(18,2)) END`,
  ),
];
