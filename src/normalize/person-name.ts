import { BLANK, BLANK_RUN_TO_COLLAPSE, HAN, charClass } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Person names (姓名).
 *
 * - Full-width ASCII → half-width ("Ｊｏｈｎ" → "John").
 * - The separator dot of transliterated names (阿卜杜·热合曼) is typed with many look-alikes:
 *   U+00B7, U+0387, U+2022, U+2027, U+2219, U+22C5, U+30FB, U+FF65 → all become U+00B7 (the form
 *   used by the Ministry of Public Security's household registration).
 * - A name containing any Han ideograph loses all blanks ("张　三" → "张三"); a Latin name keeps
 *   single spaces between words. Blanks around the dot are dropped either way.
 */

/** The look-alike separator dots. */
export const NAME_DOTS = charClass([
  [0x00b7, 0x00b7],
  [0x0387, 0x0387],
  [0x2022, 0x2022],
  [0x2027, 0x2027],
  [0x2219, 0x2219],
  [0x22c5, 0x22c5],
  [0x30fb, 0x30fb],
  [0xff65, 0xff65],
]);

const DOTS_G = jsRegExp(NAME_DOTS, 'g');
const HAN_RE = jsRegExp(HAN);
const BLANK_G = jsRegExp(BLANK, 'g');
const BLANK_RUN_G = jsRegExp(`${BLANK}+`, 'g');
const SPACED_DOT_G = / ?· ?/g;
const EDGE_SPACE_G = /^ | $/g;

/**
 * Normalises a person's name; null when empty.
 *
 * @example normalizePersonName(' 张　三 ') // '张三'
 * @example normalizePersonName('阿卜杜 • 热合曼') // '阿卜杜·热合曼'
 * @example normalizePersonName('  John   Smith ') // 'John Smith'
 */
export function normalizePersonName(raw: string | null): string | null {
  if (raw === null) return null;
  const s = foldFullWidth(raw).replace(DOTS_G, '·');
  const out = HAN_RE.test(raw)
    ? s.replace(BLANK_G, '')
    : s.replace(BLANK_RUN_G, ' ').replace(SPACED_DOT_G, '·').replace(EDGE_SPACE_G, '');
  return out === '' ? null : out;
}

const dotted = `regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(NAME_DOTS)}, '·', 'g')`;

/** DDL of `jd_person_name(raw)`. Whether a name contains Han is decided on `raw` (folding keeps it). */
export const PERSON_NAME_MACROS: readonly string[] = [
  defineMacro(
    'jd_person_name',
    ['raw'],
    `nullif(CASE WHEN regexp_matches(raw, ${sqlRegex(HAN)}) THEN regexp_replace(${dotted}, ${sqlRegex(BLANK)}, '', 'g') ELSE trim(regexp_replace(regexp_replace(${dotted}, ${sqlRegex(BLANK_RUN_TO_COLLAPSE)}, ' ', 'g'), ' ?· ?', '·', 'g'), ' ') END, '')`,
  ),
];
