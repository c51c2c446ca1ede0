import { BLANK } from './char-class.js';
import { foldFullWidth, upperAscii } from './full-width.js';
import { jsRegExp, sqlRegex } from './portable-regex.js';
import { defineMacro, sqlLet } from './sql-macro.js';

/**
 * Unified Social Credit Codes (统一社会信用代码, GB 32100-2015), domain.md §2.
 *
 * Canonical form: 18 upper-case characters over 0123456789ABCDEFGHJKLMNPQRTUWXY (no I, O, Z, S,
 * V), chars 3–8 digits, check character C18 = (31 − Σ v_i·W_i mod 31) mod 31 with
 * W_i = 3^(i−1) mod 31. Chars 1–2 may be letters (authority/type `Y`…), as the standard allows;
 * python-stdnum's digits-only rule is stricter than the standard (domain.md §2).
 */

/** Character set; a character's value is its index. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** domain.md §2 regex, portable to RE2. */
const USCC_PATTERN = '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}';
const USCC_RE = jsRegExp(`^${USCC_PATTERN}$`);
const BLANK_G = jsRegExp(BLANK, 'g');

/**
 * The GB 32100 check character of the first 17 characters (which must be in the charset).
 *
 * @example usccCheckChar('91110000600037341') // 'L'
 */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((w, i) => {
    sum += USCC_CHARSET.indexOf(first17.charAt(i)) * w;
  });
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Normalises a Unified Social Credit Code to 18 upper-case characters with a valid check
 * character, or null when empty or invalid. Accepts lower case, blanks and full-width characters.
 *
 * @example normalizeUscc('９１３１０１１５５９１６９３８５６ａ') // '91310115591693856A'
 * @example normalizeUscc('91110000600037341N') // null (check character)
 */
export function normalizeUscc(raw: string | null): string | null {
  if (raw === null) return null;
  const s = upperAscii(foldFullWidth(raw).replace(BLANK_G, ''));
  return USCC_RE.test(s) && usccCheckChar(s) === s.charAt(17) ? s : null;
}

/**
 * `value(c) × weight mod 31` for every ASCII code of c, as a 128-entry SQL list indexed by code + 1
 * (DuckDB lists are 1-based); characters outside the charset count 0 (the candidate never has any).
 */
function weightedValues(weight: number): string {
  return `[${Array.from({ length: 128 }, (_, code) => (Math.max(USCC_CHARSET.indexOf(String.fromCharCode(code)), 0) * weight) % 31).join(', ')}]`;
}

/**
 * Whether the 18-character candidate `c` (charset only, or NULL) has a valid check character:
 * Σ v_i·W_i + v_18 ≡ 0 (mod 31). Reading characters one by one (`substr` + `ascii`, ~40 ns each)
 * dominated the old form; here three casts read the code's bytes as integers (characters 1–8,
 * 9–16, 17–18: `encode` → BIT → BIGINT, the first byte highest, each byte plus 1 added word-wide),
 * and each byte indexes a list of pre-weighted values. Integer shifts, masks and list lookups cost
 * ~2 ns; DuckDB computes each word once (the expression holds no CASE, see sql-macro.ts).
 * Only valid for a candidate already matched by USCC_PATTERN: the casts would fail on other text.
 */
function sqlCheckOk(c: string): string {
  const terms: string[] = [];
  for (const [from, length] of [[1, 8], [9, 8], [17, 2]] as const) {
    const plusOne = BigInt(`0x${'01'.repeat(length)}`);
    const word = `(encode(substr(${c}, ${from}, ${length}))::BIT::BIGINT + ${plusOne})`;
    for (let j = 0; j < length; j++) {
      const shift = 8 * (length - 1 - j);
      const byte = j === 0 ? `(${word} >> ${shift})` : shift === 0 ? `(${word} & 255)` : `((${word} >> ${shift}) & 255)`;
      terms.push(`${weightedValues(WEIGHTS[from - 1 + j] ?? 1)}[${byte}]`);
    }
  }
  return `(${terms.join(' + ')}) % 31 = 0`;
}

/**
 * The candidate: `raw` when it already matches (most rows), else cleaned like a code (folded,
 * upper-cased, without blanks: the same steps as {@link normalizeUscc}) if that matches, else NULL.
 * Computed in the first WHEN condition so DuckDB evaluates it once per row (see sql-macro.ts).
 */
const C = `CASE WHEN regexp_full_match(raw, ${sqlRegex(USCC_PATTERN)}) THEN raw ELSE ${sqlLet(
  'jd__code_folded(raw)',
  'c',
  `CASE WHEN regexp_full_match(c, ${sqlRegex(USCC_PATTERN)}) THEN c END`,
)} END`;

/** DDL of `jd_uscc(raw)` (needs CODE_MACROS). */
export const USCC_MACROS: readonly string[] = [
  defineMacro('jd__uscc_c', ['raw'], C),
  defineMacro('jd_uscc', ['raw'], `CASE WHEN ${sqlCheckOk('jd__uscc_c(raw)')} THEN jd__uscc_c(raw) END`),
];
