/**
 * One regular-expression source, two engines.
 *
 * Every normaliser exists twice: as a TypeScript function and as a DuckDB SQL macro, and the two
 * must agree value for value. DuckDB uses RE2, TypeScript uses V8's engine. We write each pattern
 * once, in the subset both understand the same way (`\d`, `[...]`, `(?:...)`, `{m,n}`, `|`,
 * `^`/`$`, literal characters, no look-around, no back-references), and derive both forms from it:
 *
 * - JS: compiled with the `u` flag, so a literal astral character (e.g. a CJK Extension B
 *   ideograph) is one code point, as in RE2, which works on UTF-8 code points.
 * - RE2: every character outside printable ASCII is rewritten as `\x{HHHH}`, so the SQL text
 *   stays readable and never carries raw control characters.
 *
 * Both engines pick the leftmost-first alternative for submatches (RE2 documents Perl-compatible
 * submatch semantics), so capture groups agree too.
 */

/**
 * Compiles a portable pattern for JavaScript (`u` flag plus any extra flags, e.g. `g`).
 *
 * @example jsRegExp('^\\d{4}$').test('2023') // true
 */
export function jsRegExp(source: string, flags = ''): RegExp {
  return new RegExp(source, `u${flags}`);
}

/**
 * Rewrites a portable pattern into RE2 syntax: non-printable / non-ASCII characters become `\x{...}`.
 *
 * @example re2Pattern('[年月]') // '[\\x{5E74}\\x{6708}]'
 */
export function re2Pattern(source: string): string {
  let out = '';
  for (const ch of source) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp < 0x20 || cp > 0x7e ? `\\x{${cp.toString(16).toUpperCase()}}` : ch;
  }
  return out;
}

/**
 * A portable pattern as a quoted SQL string literal in RE2 syntax, ready for `regexp_matches(x, …)`.
 *
 * @example sqlRegex("年'") // "'\\x{5E74}'''"
 */
export function sqlRegex(source: string): string {
  return sqlString(re2Pattern(source));
}

/**
 * Quotes text as a SQL string literal. DuckDB string literals are standard-conforming: a backslash
 * is an ordinary character, only the quote needs doubling.
 *
 * @example sqlString("it's") // "'it''s'"
 */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
