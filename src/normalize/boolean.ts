import { BLANK, NON_ASCII } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex, sqlString } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Yes/no flags as agencies fill them in (是否…): Chinese words, check marks, Y/N, TRUE/FALSE, 1/0.
 * Case-insensitive, full-width folded, blanks ignored; anything else → null.
 */

/** Spellings of true, upper-cased. */
export const TRUE_WORDS: readonly string[] = ['是', '有', '已', 'Y', 'YES', 'TRUE', '1', '√', '✓', '✔'];
/** Spellings of false, upper-cased. */
export const FALSE_WORDS: readonly string[] = ['否', '无', '未', 'N', 'NO', 'FALSE', '0', '×', '✗', '✘'];

const BLANK_G = jsRegExp(BLANK, 'g');
const NON_ASCII_RE = jsRegExp(NON_ASCII);

/**
 * Normalises a yes/no value.
 *
 * @example normalizeBoolean(' yes ') // true
 * @example normalizeBoolean('否') // false
 * @example normalizeBoolean('不详') // null
 */
export function normalizeBoolean(raw: string | null): boolean | null {
  if (raw === null) return null;
  const s = foldFullWidth(raw).replace(BLANK_G, '');
  // DuckDB's `upper` and JS's `toUpperCase` agree on pure-ASCII text only.
  const key = NON_ASCII_RE.test(s) ? s : s.toUpperCase();
  if (TRUE_WORDS.includes(key)) return true;
  if (FALSE_WORDS.includes(key)) return false;
  return null;
}

const S = `regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(BLANK)}, '', 'g')`;
const K = `CASE WHEN regexp_matches(${S}, ${sqlRegex(NON_ASCII)}) THEN ${S} ELSE upper(${S}) END`;
// A lookup by list position, not `IN (…)` or `CASE k WHEN …`: both expand into one comparison per
// word, each with its own copy of the key expression (slow to plan, and recomputed at run time).
const WORD_LIST = `[${[...TRUE_WORDS, ...FALSE_WORDS].map(sqlString).join(', ')}]`;
const VALUE_LIST = `[${[...TRUE_WORDS.map(() => 'true'), ...FALSE_WORDS.map(() => 'false')].join(', ')}]`;

/** DDL of `jd_boolean(raw)` → BOOLEAN. */
export const BOOLEAN_MACROS: readonly string[] = [defineMacro('jd_boolean', ['raw'], `${VALUE_LIST}[list_position(${WORD_LIST}, ${K})]`)];
