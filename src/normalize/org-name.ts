import { BLANK } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Organisation names (单位名称): full-width ASCII → half-width, then both bracket styles → the
 * full-width （） that Chinese registration authorities use ("贵州某某（集团）有限公司"), all blanks
 * removed (Chinese names have no meaningful spaces; "有限 公司" is a typing slip); empty → null.
 */

const BLANK_G = jsRegExp(BLANK, 'g');

/**
 * Normalises an organisation name.
 *
 * @example normalizeOrgName(' 贵州ＡＢＣ (集团) 有限公司 ') // '贵州ABC（集团）有限公司'
 */
export function normalizeOrgName(raw: string | null): string | null {
  if (raw === null) return null;
  const s = foldFullWidth(raw).replace(BLANK_G, '').replaceAll('(', '（').replaceAll(')', '）');
  return s === '' ? null : s;
}

/** DDL of `jd_org_name(raw)`. */
export const ORG_NAME_MACROS: readonly string[] = [
  defineMacro(
    'jd_org_name',
    ['raw'],
    `nullif(replace(replace(regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(BLANK)}, '', 'g'), '(', '（'), ')', '）'), '')`,
  ),
];
