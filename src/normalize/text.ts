import { BLANK, BLANK_RUN_TO_COLLAPSE } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Free text: full-width ASCII → half-width, every run of blanks (tabs, line breaks, NBSP, U+3000…)
 * → one space, trimmed; empty → null. Case and punctuation are kept.
 */

const BLANK_RUN_G = jsRegExp(`${BLANK}+`, 'g');
const EDGE_SPACE_G = /^ | $/g;

/**
 * Normalises free text.
 *
 * @example normalizeText('  贵阳市\u3000云岩区\n\n中华北路 ') // '贵阳市 云岩区 中华北路'
 * @example normalizeText(' \t ') // null
 */
export function normalizeText(raw: string | null): string | null {
  if (raw === null) return null;
  const s = foldFullWidth(raw).replace(BLANK_RUN_G, ' ').replace(EDGE_SPACE_G, '');
  return s === '' ? null : s;
}

/** DDL of `jd_text(raw)`. */
export const TEXT_MACROS: readonly string[] = [
  defineMacro(
    'jd_text',
    ['raw'],
    `nullif(trim(regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(BLANK_RUN_TO_COLLAPSE)}, ' ', 'g'), ' '), '')`,
  ),
];
