import { FULL_WIDTH } from './char-class.js';
import { jsRegExp, sqlRegex, sqlString } from './portable-regex.js';

/**
 * Full-width → half-width folding (全角转半角).
 *
 * Chinese IMEs type ASCII in its full-width form: U+FF01–U+FF5E is U+0021–U+007E shifted by
 * 0xFEE0, and U+3000 is the ideographic space. Agency spreadsheets mix both freely
 * ("１１０１０５…", "（有限公司）", "ＡＢＣ").
 */

const FULL_WIDTH_RE = jsRegExp(FULL_WIDTH, 'g');

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) to ASCII and U+3000 to a space; all else is unchanged.
 *
 * @example foldFullWidth('１２３ＡＢ　（x）') // '123AB (x)'
 */
export function foldFullWidth(s: string): string {
  return s.replace(FULL_WIDTH_RE, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Upper-cases ASCII letters only. `toUpperCase` and DuckDB's `upper` disagree outside ASCII
 * ('ß' → 'SS' vs 'ẞ'), so normalisers that must agree with SQL never use either on non-ASCII text.
 *
 * @example upperAscii('abcß') // 'ABCß'
 */
export function upperAscii(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

function range(from: number, to: number): string {
  let out = '';
  for (let cp = from; cp <= to; cp++) out += String.fromCodePoint(cp);
  return out;
}

/** The full-width characters, in code-point order, then U+3000. */
const FROM_ALL = range(0xff01, 0xff5e) + '\u3000';
/** Their half-width images. */
const TO_ALL = range(0x21, 0x7e) + ' ';

/**
 * SQL expression folding full-width characters in `expr`, like {@link foldFullWidth}.
 *
 * DuckDB's `translate` costs about 1 µs per row with a 95-character map, so it only runs behind a
 * `regexp_matches` guard (about 0.07 µs per row): most cells contain no full-width character.
 * `expr` appears twice, so pass a column or a lambda parameter, not an expensive expression.
 *
 * @example `SELECT ${sqlFoldFullWidth('c1')} FROM t`
 */
export function sqlFoldFullWidth(expr: string): string {
  return `CASE WHEN regexp_matches(${expr}, ${sqlRegex(FULL_WIDTH)}) THEN translate(${expr}, ${sqlString(FROM_ALL)}, ${sqlString(TO_ALL)}) ELSE ${expr} END`;
}

/**
 * The `translate` maps that fold full-width characters, optionally also upper-casing ASCII and
 * full-width letters in the same pass (used by codes).
 *
 * @example const { from, to } = foldMaps({ upper: true }); // 'ａ' in `from` maps to 'A' in `to`
 */
export function foldMaps(options: { upper: boolean }): { from: string; to: string } {
  if (!options.upper) return { from: FROM_ALL, to: TO_ALL };
  const upperFull = range(0xff41, 0xff5a); // ａ–ｚ
  const from = FROM_ALL + range(0x61, 0x7a);
  let to = '';
  for (const ch of FROM_ALL) {
    const cp = ch.codePointAt(0) ?? 0;
    if (upperFull.includes(ch)) to += String.fromCharCode(cp - 0xfee0 - 0x20);
    else to += ch === '\u3000' ? ' ' : String.fromCharCode(cp - 0xfee0);
  }
  to += range(0x41, 0x5a);
  return { from, to };
}
