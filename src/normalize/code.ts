import { BLANK, NON_ASCII } from './char-class.js';
import { foldFullWidth, foldMaps, upperAscii } from './full-width.js';
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

const { from: FOLD_FROM, to: FOLD_TO } = foldMaps({ upper: true });

/** DDL of `jd_code(raw)`: pure-ASCII values take the fast `upper`, others one `translate`. */
export const CODE_MACROS: readonly string[] = [
  defineMacro(
    'jd_code',
    ['raw'],
    `nullif(regexp_replace(CASE WHEN regexp_matches(raw, ${sqlRegex(NON_ASCII)}) THEN translate(raw, ${sqlString(FOLD_FROM)}, ${sqlString(FOLD_TO)}) ELSE upper(raw) END, ${sqlRegex(BLANK)}, '', 'g'), '')`,
  ),
];
