import { daysInMonth, isSupportedDate } from './calendar.js';
import { BLANK, NON_ASCII } from './char-class.js';
import { foldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex, sqlString } from './portable-regex.js';
import { defineMacro, sqlLet } from './sql-macro.js';

/**
 * Citizen ID numbers (公民身份号码, GB 11643-1999), domain.md §1.
 *
 * Canonical form: 18 characters, upper-case check character, valid ISO 7064 MOD 11-2 check code,
 * a real birth date (1900–2199). Old 15-digit numbers (GB 11643-1989) are upgraded by inserting
 * "19" after the address code and appending the check character (hutool's IdcardUtil.convert15To18).
 * The address code is not checked against GB/T 2260: residence permits (81/82/83…) and the new
 * foreign permanent-residence cards (9…) are valid numbers with non-county codes (domain.md §1).
 */

/** Weights W_i = 2^(18−i) mod 11 (domain.md §1). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by Σ a_i·W_i mod 11. */
const CHECK_CHARS = '10X98765432';

const BLANK_G = jsRegExp(BLANK, 'g');
const ID18_RE = /^\d{17}[\dX]$/;
const ID15_RE = /^\d{15}$/;

/**
 * The GB 11643 check character of the first 17 digits.
 *
 * @example idCardCheckChar('11010519491231002') // 'X'
 */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((w, i) => {
    sum += (first17.charCodeAt(i) - 48) * w;
  });
  return CHECK_CHARS.charAt(sum % 11);
}

/** Folds full-width characters, drops blanks (also U+3000) and upper-cases `x`. */
function clean(raw: string): string {
  return foldFullWidth(raw).replace(BLANK_G, '').replaceAll('x', 'X');
}

function valid18(s: string): string | null {
  const ok =
    isSupportedDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))) &&
    idCardCheckChar(s) === s.charAt(17);
  return ok ? s : null;
}

function from15(s: string): string | null {
  if (!isSupportedDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)))) {
    return null;
  }
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
  return first17 + idCardCheckChar(first17);
}

/**
 * Normalises a citizen ID number to its canonical 18-character form, or null when it is empty or
 * invalid (bad characters, length, birth date or check code).
 *
 * Accepts full-width digits and Ｘ, lower-case x, blanks anywhere (also U+3000), and 15-digit
 * old numbers (upgraded to 18).
 *
 * @example normalizeIdCard(' 11010519491231002x ') // '11010519491231002X'
 * @example normalizeIdCard('150102880730303') // '150102198807303035'
 * @example normalizeIdCard('340524198001010013') // null (check code)
 */
export function normalizeIdCard(raw: string | null): string | null {
  if (raw === null) return null;
  const s = clean(raw);
  if (ID18_RE.test(s)) return valid18(s);
  if (ID15_RE.test(s)) return from15(s);
  return null;
}

/** What an ID number says about its holder. */
export interface IdCardInfo {
  /** 'YYYY-MM-DD' */
  readonly birthDate: string;
  /** Parity of the 17th character: odd is male. */
  readonly sex: 'M' | 'F';
  /** The 6-digit address code (GB/T 2260 county code, or 81/82/83/9x for permits). */
  readonly regionCode: string;
}

/**
 * Birth date, sex and region code of an ID number (raw input is normalised first), or null when
 * the number is invalid.
 *
 * @example parseIdCard('11010519491231002X') // { birthDate: '1949-12-31', sex: 'F', regionCode: '110105' }
 */
export function parseIdCard(id: string | null): IdCardInfo | null {
  const s = normalizeIdCard(id);
  if (s === null) return null;
  return {
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    sex: (s.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F',
    regionCode: s.slice(0, 6),
  };
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Age in whole years on date `on` ('YYYY-MM-DD'): the year difference, minus 1 when `on` falls
 * before that year's birthday (domain.md §1; hutool's IdcardUtil.getAgeByIdCard). A 29 February
 * birthday is reached on 1 March in common years. Null when the ID number or the date is invalid,
 * or when `on` is before the birth date.
 *
 * Note: criminal-law age (周岁) counts from the day *after* the birthday (domain.md §1); this is
 * the civil age, callers applying criminal-law thresholds must shift by one day.
 *
 * @example ageAt('321083197812162119', '2017-04-10') // 38
 */
export function ageAt(id: string | null, on: string): number | null {
  const s = normalizeIdCard(id);
  const m = ISO_DATE_RE.exec(on);
  if (s === null || m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const birth = Number(s.slice(6, 14));
  if (y * 10000 + mo * 100 + d < birth) return null;
  const age = y - Number(s.slice(6, 10));
  return mo * 100 + d < Number(s.slice(10, 14)) ? age - 1 : age;
}

// ---------------------------------------------------------------------------------------------
// SQL twins. Following the rules in sql-macro.ts, `jd_idcard` computes its intermediate values
// (the candidate `c` and its check character `k`) CASE-free in the first WHEN condition, where
// DuckDB evaluates them once per row, and the THEN branch reuses them.

/**
 * GB 11643 check character of the first 17 digits of `c`, computed branch-free: the first 16 digits
 * are read as a hexadecimal number (one nibble per digit), and SWAR steps fold the nibbles n_k
 * (k = 0 for the 16th digit) into S = Σ n_k·2^k. Since W_i = 2^(18−i) mod 11, the weighted sum is
 * 4·S + 2·d17 (mod 11). This costs a cast and ~20 integer operations instead of 17 substrings.
 */
function sqlCheckChar(c: string): string {
  const lanes = [
    ['0x0F0F0F0F0F0F0F0F', 4, 2], // bytes: n0 + 2·n1
    ['0x00FF00FF00FF00FF', 8, 4], // 16-bit lanes: weights 2^0..2^3
    ['0x0000FFFF0000FFFF', 16, 16], // 32-bit lanes: weights 2^0..2^7
  ] as const;
  let e = `TRY_CAST('0x' || substr(${c}, 1, 16) AS UBIGINT)`;
  for (const [mask, shift, mul] of lanes) {
    const m = `${BigInt(mask).toString()}::UBIGINT`;
    e = `((${e}) & ${m}) + (((${e}) >> ${shift}) & ${m}) * ${mul}`;
  }
  e = `((${e}) & ${0xffffffff}::UBIGINT) + ((${e}) >> 32) * 256`;
  return `substr(${sqlString(CHECK_CHARS)}, CAST((4 * CAST(${e} AS BIGINT) + 2 * (ascii(substr(${c}, 17, 1)) - 48)) % 11 AS INTEGER) + 1, 1)`;
}

/** `translate` map for the slow path: full-width digits, ｘ/Ｘ/x → X. Other characters fail validation anyway. */
const DIGIT_FROM = '０１２３４５６７８９ｘＸx';
const DIGIT_TO = '0123456789XXX';

const C = 'jd__idcard_c(raw)';
const K = `jd__idcard_k(${C})`;

/** DDL of the ID-number macros, in dependency order (needs CALENDAR_MACROS). */
export const IDCARD_MACROS: readonly string[] = [
  // The candidate: `raw` itself when it already looks canonical (most rows), else cleaned:
  // full-width folded, blanks dropped, x upper-cased; a 15-digit number becomes its 17-digit
  // upgrade (no check character yet); anything else but 17 digits + [0-9X] → NULL.
  defineMacro(
    'jd__idcard_c',
    ['raw'],
    `CASE WHEN regexp_full_match(raw, '\\d{17}[\\dX]') THEN raw ELSE ${sqlLet(
      `regexp_replace(CASE WHEN regexp_matches(raw, ${sqlRegex(NON_ASCII)}) THEN translate(raw, ${sqlString(DIGIT_FROM)}, ${sqlString(DIGIT_TO)}) ELSE replace(raw, 'x', 'X') END, ${sqlRegex(BLANK)}, '', 'g')`,
      'cl',
      `CASE WHEN regexp_full_match(cl, '\\d{15}') THEN substr(cl, 1, 6) || '19' || substr(cl, 7) WHEN regexp_full_match(cl, '\\d{17}[\\dX]') THEN cl END`,
    )} END`,
  ),
  defineMacro('jd__idcard_k', ['c'], sqlCheckChar('c')),
  // 1 when the candidate has a real birth date and its check character matches (or is being added).
  defineMacro(
    'jd__idcard_ok',
    ['c', 'k'],
    `jd__ymd8_ok(TRY_CAST(substr(c, 7, 8) AS INTEGER)) * ((length(c) = 17)::INTEGER | (k = substr(c, 18, 1))::INTEGER) = 1`,
  ),
  defineMacro('jd_idcard', ['raw'], `CASE WHEN jd__idcard_ok(${C}, ${K}) THEN CASE WHEN length(${C}) = 17 THEN ${C} || ${K} ELSE ${C} END END`),
  // The derived-field macros repeat jd_idcard(id) in plain positions, where DuckDB computes it
  // once per row. (Binding it with a lambda plans faster but runs ~1.5× slower.) Pass a column.
  defineMacro(
    'jd_idcard_birth',
    ['id'],
    `make_date(TRY_CAST(substr(jd_idcard(id), 7, 4) AS INTEGER), TRY_CAST(substr(jd_idcard(id), 11, 2) AS INTEGER), TRY_CAST(substr(jd_idcard(id), 13, 2) AS INTEGER))`,
  ),
  defineMacro('jd_idcard_sex', ['id'], `CASE (ascii(substr(jd_idcard(id), 17, 1)) - 48) % 2 WHEN 1 THEN 'M' WHEN 0 THEN 'F' END`),
  // Whole years on date d; NULL before the birth date. The date parts of d are compared as
  // MMDD / YYYYMMDD integers against the ID's digits.
  defineMacro(
    'jd_idcard_age',
    ['id', 'd'],
    `CASE WHEN year(CAST(d AS DATE)) * 10000 + month(CAST(d AS DATE)) * 100 + day(CAST(d AS DATE)) >= TRY_CAST(substr(jd_idcard(id), 7, 8) AS INTEGER) THEN CAST(year(CAST(d AS DATE)) - TRY_CAST(substr(jd_idcard(id), 7, 4) AS INTEGER) - (month(CAST(d AS DATE)) * 100 + day(CAST(d AS DATE)) < TRY_CAST(substr(jd_idcard(id), 11, 4) AS INTEGER))::INTEGER AS INTEGER) END`,
  ),
];
