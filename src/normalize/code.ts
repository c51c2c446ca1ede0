import { BLANK, FULL_WIDTH, NON_ASCII } from './char-class.js';
import { foldFullWidth, foldMaps, sqlFoldCases, upperAscii } from './full-width.js';
import { jsRegExp, sqlRegex, sqlString } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Codes (case numbers' parts, licence numbers, plate numbers, internal IDs): full-width → half-width,
 * all blanks removed, ASCII letters upper-cased; empty → null. Only ASCII is upper-cased because JS
 * and DuckDB disagree on Unicode case mapping (see upperAscii).
 */

const BLANK_G = jsRegExp(BLANK, 'g');

/**
 * Normalises a code.
 *
 * @example normalizeCode(' ａｂ-12 3 ') // 'AB-123'
 */
export function normalizeCode(raw: string | null): string | null {
  if (raw === null) return null;
  const s = upperAscii(foldFullWidth(raw)).replace(BLANK_G, '');
  return s === '' ? null : s;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/**
 * DDL of `jd_code(raw)`. Pure-ASCII values take the fast `upper`; values with full-width
 * characters one `translate` that also upper-cases (its map without the full-width letters unless
 * the value has one, see sqlFoldCases); other non-ASCII values (a case number in Chinese with
 * ASCII brackets) a 26-letter `translate` only when they hold a lower-case letter. `translate`
 * builds its map on every row (~5 µs with the whole map), hence the split. `jd__code_folded` is
 * the same without turning '' into NULL, for callers that use it inside a lambda or a CASE
 * branch, where `nullif` would compute the folded text twice (see sql-macro.ts).
 */
export const CODE_MACROS: readonly string[] = [
  defineMacro(
    'jd__code_folded',
    ['raw'],
    `regexp_replace(CASE WHEN NOT regexp_matches(raw, ${sqlRegex(NON_ASCII)}) THEN upper(raw) WHEN regexp_matches(raw, ${sqlRegex(FULL_WIDTH)}) THEN (${sqlFoldCases(
      'raw',
      foldMaps({ upper: true }),
      foldMaps({ upper: true, fullWidthLetters: false }),
      true,
    )}) WHEN regexp_matches(raw, '[a-z]') THEN translate(raw, ${sqlString(LOWER)}, ${sqlString(LOWER.toUpperCase())}) ELSE raw END, ${sqlRegex(BLANK)}, '', 'g')`,
  ),
  defineMacro('jd_code', ['raw'], `nullif(jd__code_folded(raw), '')`),
];
