import { HAN_RANGES, negatedCharClass } from './char-class.js';
import { normalizeOrgName } from './org-name.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * A fuzzy matching key for organisation names, for joining tables from different agencies:
 * the normalised name with everything but ASCII letters/digits and Han ideographs removed
 * (punctuation, brackets, dots, symbols), ASCII upper-cased, and 有限责任公司 unified to 有限公司
 * (agencies write both for the same company). 股份有限公司 stays distinct: a joint-stock company is a
 * different legal form.
 */

const NON_KEY = negatedCharClass([[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], ...HAN_RANGES]);
const NON_KEY_G = jsRegExp(NON_KEY, 'g');

/**
 * The matching key of an organisation name; null when nothing is left.
 *
 * @example orgNameKey('贵州（ABC）科技有限责任公司') // '贵州ABC科技有限公司'
 * @example orgNameKey('贵州茅台酒股份有限公司') // '贵州茅台酒股份有限公司'
 */
export function orgNameKey(name: string | null): string | null {
  const n = normalizeOrgName(name);
  if (n === null) return null;
  const key = n.replace(NON_KEY_G, '').toUpperCase().replaceAll('有限责任公司', '有限公司');
  return key === '' ? null : key;
}

/** DDL of `jd_org_key(raw)` (needs ORG_NAME_MACROS). Only ASCII and Han survive, so `upper` is safe. */
export const ORG_NAME_KEY_MACROS: readonly string[] = [
  defineMacro(
    'jd_org_key',
    ['raw'],
    `nullif(replace(upper(regexp_replace(jd_org_name(raw), ${sqlRegex(NON_KEY)}, '', 'g')), '有限责任公司', '有限公司'), '')`,
  ),
];
