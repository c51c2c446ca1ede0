import { FULL_WIDTH, FULL_WIDTH_LETTER } from './char-class.js';
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
const FULL_WIDTH_LETTER_RE = jsRegExp(FULL_WIDTH_LETTER);

/**
 * SQL expression folding full-width characters in `expr`, like {@link foldFullWidth}.
 *
 * DuckDB's `translate` builds its character map again on every row, so its cost grows with the
 * map: about 4 µs per row with all 95 full-width characters, 2 µs with the 43 that are not
 * letters, against 0.08 µs for a `regexp_matches` guard. So it runs only on cells that hold a
 * full-width character, and leaves the letters out of the map unless the cell has one.
 * `expr` appears several times, so pass a column or a lambda parameter, not an expensive expression.
 *
 * @example `SELECT ${sqlFoldFullWidth('c1')} FROM t`
 */
export function sqlFoldFullWidth(expr: string): string {
  return sqlFoldCases(expr, foldMaps({ upper: false }), foldMaps({ upper: false, fullWidthLetters: false }));
}

/**
 * `CASE` applying the smaller map to cells without full-width letters, the full one to the others;
 * `expr` is known to hold a full-width character when `guarded`, else it is checked first.
 */
export function sqlFoldCases(expr: string, all: FoldMap, noLetters: FoldMap, guarded = false): string {
  const byLetters = `CASE WHEN regexp_matches(${expr}, ${sqlRegex(FULL_WIDTH_LETTER)}) THEN ${sqlTranslate(expr, all)} ELSE ${sqlTranslate(expr, noLetters)} END`;
  return guarded ? byLetters : `CASE WHEN regexp_matches(${expr}, ${sqlRegex(FULL_WIDTH)}) THEN (${byLetters}) ELSE ${expr} END`;
}

/** A `translate` map: `from[i]` becomes `to[i]`. */
export interface FoldMap {
  readonly from: string;
  readonly to: string;
}

/** `translate(expr, from, to)` with the map's strings quoted. */
export function sqlTranslate(expr: string, map: FoldMap): string {
  return `translate(${expr}, ${sqlString(map.from)}, ${sqlString(map.to)})`;
}

/**
 * The `translate` maps that fold full-width characters, optionally also upper-casing ASCII and
 * full-width letters in the same pass (used by codes), optionally without the full-width letters
 * (for cells that have none: a shorter map is a faster `translate`).
 *
 * @example const { from, to } = foldMaps({ upper: true }); // 'ａ' in `from` maps to 'A' in `to`
 */
export function foldMaps(options: { upper: boolean; fullWidthLetters?: boolean }): FoldMap {
  const letters = options.fullWidthLetters ?? true;
  let from = '';
  let to = '';
  for (const ch of FROM_ALL) {
    if (!letters && FULL_WIDTH_LETTER_RE.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    from += ch;
    if (ch === '\u3000') to += ' ';
    else if (options.upper && cp >= 0xff41 && cp <= 0xff5a) to += String.fromCharCode(cp - 0xfee0 - 0x20);
    else to += String.fromCharCode(cp - 0xfee0);
  }
  if (options.upper) {
    from += range(0x61, 0x7a);
    to += range(0x41, 0x5a);
  }
  return { from, to };
}
