/**
 * Character classes shared by the normalisers, as portable regex fragments (see portable-regex.ts).
 * They are spelled out as explicit code-point ranges rather than `\s` or `\p{Han}` because those
 * depend on each engine's Unicode tables (RE2's `\s` is ASCII-only, JS's is not), and the TS and
 * SQL normalisers must agree on every input.
 */

/** Inclusive code-point ranges. */
export type CodePointRange = readonly [from: number, to: number];

function classBody(ranges: readonly CodePointRange[]): string {
  return ranges
    .map(([from, to]) => {
      const a = String.fromCodePoint(from);
      const b = String.fromCodePoint(to);
      // Escape the characters that are special inside a class in either engine.
      const esc = (c: string): string => (/[\\\]^[-]/.test(c) ? `\\${c}` : c);
      return from === to ? esc(a) : `${esc(a)}-${esc(b)}`;
    })
    .join('');
}

/**
 * `[...]` over the ranges, as a portable regex fragment.
 *
 * @example charClass([[0x30, 0x39], [0x2d, 0x2d]]) // '[0-9\\-]'
 */
export function charClass(ranges: readonly CodePointRange[]): string {
  return `[${classBody(ranges)}]`;
}

/**
 * `[^...]` over the ranges, as a portable regex fragment.
 *
 * @example negatedCharClass([[0x30, 0x39]]) // '[^0-9]'
 */
export function negatedCharClass(ranges: readonly CodePointRange[]): string {
  return `[^${classBody(ranges)}]`;
}

/**
 * Blank characters other than the plain space: ASCII whitespace, NO-BREAK SPACE (Excel exports are
 * full of it), the Unicode space separators, zero-width space, the ideographic space U+3000 typed
 * by Chinese IMEs, and the BOM that leaks into the first cell of UTF-8 CSV files.
 */
const NON_SPACE_BLANK_RANGES: readonly CodePointRange[] = [
  [0x09, 0x0d],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200b],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** Blank characters: the plain space and {@link NON_SPACE_BLANK_RANGES}. */
export const BLANK_RANGES: readonly CodePointRange[] = [[0x20, 0x20], ...NON_SPACE_BLANK_RANGES];

/** One blank character. */
export const BLANK = charClass(BLANK_RANGES);

/**
 * What collapsing blank runs to one space must rewrite: a run of two or more blanks, or a single
 * blank other than the plain space. Replacing exactly these with ' ' equals replacing every run
 * (leftmost-first matching takes a whole run), but leaves the common single spaces alone, which
 * RE2 does several times faster.
 */
export const BLANK_RUN_TO_COLLAPSE = `${BLANK}{2,}|${charClass(NON_SPACE_BLANK_RANGES)}`;

/**
 * Han ideographs: 〇, CJK Extension A, the URO block, compatibility ideographs, and the
 * supplementary ideographic plane (Extension B onwards, used in rare surnames).
 */
export const HAN_RANGES: readonly CodePointRange[] = [
  [0x3007, 0x3007],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2fa1f],
];

/** One Han ideograph. */
export const HAN = charClass(HAN_RANGES);

/** One character that full-width folding changes: U+FF01–U+FF5E and the ideographic space. */
export const FULL_WIDTH = charClass([
  [0xff01, 0xff5e],
  [0x3000, 0x3000],
]);

/** A full-width Latin letter (Ａ–Ｚ, ａ–ｚ): rarer in agency text than full-width digits and punctuation. */
export const FULL_WIDTH_LETTER = charClass([
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
]);

/** Any character outside ASCII (used to choose cheap ASCII-only code paths in SQL). */
export const NON_ASCII = negatedCharClass([[0x00, 0x7f]]);
