/**
 * Helpers for writing the normalisation macros.
 *
 * Performance rules, measured on DuckDB 1.5 (they shape every macro in this folder):
 * - A macro is expanded textually: each use of a parameter copies the argument expression.
 * - DuckDB evaluates a repeated subexpression once (common-subexpression elimination) only where it
 *   is always evaluated: plain projection arguments, the first WHEN condition of a CASE, the first
 *   operand of AND/OR. Copies inside THEN/ELSE branches, later WHENs, later AND/OR operands
 *   (`x IN (…)` becomes ORs) and lambda bodies are each recomputed.
 * - So the hot path of a macro computes its intermediate values CASE-free (booleans as
 *   `::INTEGER`, combined with `*` and `|`) inside the first WHEN condition and reuses them in THEN.
 * - Lambdas ({@link sqlLet}) bind a value once but their bodies run 2–3× slower than plain
 *   expressions; they are used for rarely taken slow paths (messy input) and where the expanded
 *   text would otherwise grow exponentially (the coordinate iteration).
 * - `translate` builds its character map again for every row: ~4 µs per row with the 95
 *   full-width characters, about proportional to the map's length. It only runs behind a regex
 *   guard, with the shortest map the value needs (full-width.ts).
 * - Reading a string one character at a time (`ascii(substr(s, i, 1))`) costs ~40 ns per
 *   character. Eight ASCII characters read at once as an integer
 *   (`encode(substr(s, i, 8))::BIT::BIGINT`, ~85 ns) and then split with shifts and masks
 *   (~2 ns each) and mapped through constant lists (`[…][byte]`, ~3 ns) is several times cheaper
 *   (uscc.ts). The cast raises an error on an empty or non-ASCII string even under TRY_CAST, so
 *   it only reads values a regex has already checked.
 */

/**
 * DDL for one DuckDB macro. Macros are TEMP so they live in the connection's catalog only: they
 * are installed on every connection (see sql-macros.ts) and never written into the warehouse
 * file, so a warehouse opened by an older or newer Jiandu never sees stale definitions.
 *
 * @example defineMacro('jd_text', ['raw'], 'trim(raw)')
 * // "CREATE OR REPLACE TEMP MACRO jd_text(raw) AS trim(raw)"
 */
export function defineMacro(name: string, params: readonly string[], body: string): string {
  return `CREATE OR REPLACE TEMP MACRO ${name}(${params.join(', ')}) AS ${body}`;
}

/**
 * Binds `value` to a lambda parameter so that `body` can use it many times while it is computed
 * once per row (about 0.06 µs per row for the single-element list, plus slower evaluation of the
 * body; see the rules above).
 *
 * @example sqlLet('lower(raw)', 's', 's || s') // "list_transform([lower(raw)], lambda s: s || s)[1]"
 */
export function sqlLet(value: string, name: string, body: string): string {
  return `list_transform([${value}], lambda ${name}: ${body})[1]`;
}
