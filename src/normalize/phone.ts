import { BLANK_RANGES, charClass } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro, sqlLet } from './sql-macro.js';

/**
 * Chinese phone numbers.
 *
 * Canonical forms:
 * - mobile: 11 digits `1[3-9]…` → '13812345678';
 * - landline with area code → 'AREA-LOCAL', e.g. '0851-86812345', '010-12345678';
 * - landline without area code → its 7–8 digits as written.
 *
 * Parsing, after full-width folding and dropping separators (blanks, hyphens and dashes,
 * parentheses, so '（0851）8681-2345' works):
 * 1. A country prefix +86 / +0086 / 0086 / 86 is stripped when at least 9 digits follow (a bare
 *    '86' prefix cannot be confused with a domestic number: mobiles start with 1, numbers with an
 *    area code start with 0, and local numbers have at most 8 digits). After a country prefix
 *    the trunk '0' of the area code is usually omitted ('+86 851 8681 2345'), so it is restored.
 * 2. Area codes are prefix-free: 010 and 02X have 3 digits, all others (0XXX) 4, so separators
 *    are not needed to split them. The local number has 7–8 digits and does not start with 0.
 * 3. A mobile written with a stray trunk zero ('013812345678') is a mobile.
 * Anything else (extensions, several numbers in one cell, other countries) → null.
 */

/** Separators dropped before parsing (blanks, - ‐ ‑ ‒ – — ―, parentheses after folding). */
const SEPARATOR = charClass([...BLANK_RANGES, [0x2d, 0x2d], [0x2010, 0x2015], [0x28, 0x29]]);
const SEPARATOR_G = jsRegExp(SEPARATOR, 'g');

/** Country prefix and the rest; or a plain digit string. */
const PREFIX_PATTERN = '^(?:(?:\\+86|\\+0086|0086|86)(\\d{9,})|(\\d+))$';
const PREFIX_RE = jsRegExp(PREFIX_PATTERN);
const MOBILE_PATTERN = '1[3-9]\\d{9}';
const MOBILE_RE = jsRegExp(`^${MOBILE_PATTERN}$`);
/** mobile | trunk-zero mobile | area + local | local only. */
const CLASSIFY_PATTERN = '^(?:(1[3-9]\\d{9})|0(1[3-9]\\d{9})|(0[12]\\d|0[3-9]\\d\\d)([1-9]\\d{6,7})|([1-9]\\d{6,7}))$';
const CLASSIFY_RE = jsRegExp(CLASSIFY_PATTERN);

/**
 * Normalises a phone number; null when empty or not a Chinese mobile/landline number.
 *
 * @example normalizePhone('+86 138-1234-5678') // '13812345678'
 * @example normalizePhone('（0851）8681 2345') // '0851-86812345'
 * @example normalizePhone('86812345') // '86812345'
 */
export function normalizePhone(raw: string | null): string | null {
  if (raw === null) return null;
  if (MOBILE_RE.test(raw)) return raw;
  const c = foldFullWidth(raw).replace(SEPARATOR_G, '');
  const p = PREFIX_RE.exec(c);
  const rest = p?.[1] ?? '';
  const plain = p?.[2] ?? '';
  let digits: string;
  if (plain !== '') digits = plain;
  else if (MOBILE_RE.test(rest) || rest.startsWith('0')) digits = rest;
  else digits = `0${rest}`;
  const k = CLASSIFY_RE.exec(digits);
  if (k === null) return null;
  const [, mobile, trunkMobile, area, local, bare] = k;
  if (mobile !== undefined) return mobile;
  if (trunkMobile !== undefined) return trunkMobile;
  if (area !== undefined && local !== undefined) return `${area}-${local}`;
  return bare ?? null;
}

/** DDL of `jd_phone(raw)`: clean mobiles take the fast path; others are parsed as above. */
export const PHONE_MACROS: readonly string[] = [
  defineMacro(
    'jd__phone_classify',
    ['d'],
    sqlLet(
      `regexp_extract(d, ${sqlRegex(CLASSIFY_PATTERN)}, ['mob', 'mob0', 'area', 'loc', 'bare'])`,
      'k',
      `CASE WHEN k.mob <> '' THEN k.mob WHEN k.mob0 <> '' THEN k.mob0 WHEN k.area <> '' THEN k.area || '-' || k.loc WHEN k.bare <> '' THEN k.bare END`,
    ),
  ),
  defineMacro(
    'jd_phone',
    ['raw'],
    `CASE WHEN regexp_full_match(raw, ${sqlRegex(MOBILE_PATTERN)}) THEN raw ELSE ${sqlLet(
      `regexp_extract(regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(SEPARATOR)}, '', 'g'), ${sqlRegex(PREFIX_PATTERN)}, ['rest', 'plain'])`,
      'p',
      `jd__phone_classify(CASE WHEN p.plain <> '' THEN p.plain WHEN regexp_full_match(p.rest, ${sqlRegex(MOBILE_PATTERN)}) OR starts_with(p.rest, '0') THEN p.rest ELSE '0' || p.rest END)`,
    )} END`,
  ),
];
