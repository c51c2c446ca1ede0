/**
 * How agency spreadsheets mangle clean values: used by the tests' generators and the speed
 * benchmark to build realistic messy inputs from canonical ones.
 */

/**
 * ASCII → full-width (U+FF01–U+FF5E), space → U+3000.
 *
 * @example toFullWidth('A1 ') // 'Ａ１\u3000'
 */
export function toFullWidth(s: string): string {
  return s.replace(/[!-~ ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

/** Blanks agencies leave around and inside values. */
export const MESSY_BLANKS: readonly string[] = [' ', '  ', '\t', '\u3000', '\u00a0', '\n', '\r\n', '\u200b', '\ufeff'];

/**
 * Inserts `blank` at the given positions (clamped to the string).
 *
 * @example insertAt('abc', [1], ' ') // 'a bc'
 */
export function insertAt(s: string, positions: readonly number[], blank: string): string {
  const chars = [...s];
  const sorted = [...positions].map((p) => Math.max(0, Math.min(chars.length, p))).sort((a, b) => b - a);
  for (const p of sorted) chars.splice(p, 0, blank);
  return chars.join('');
}
