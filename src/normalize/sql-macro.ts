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
 * once per row. DuckDB expands macros textually and does not share common subexpressions inside
 * CASE branches, so a checksum that reads a cleaned string 17 times would otherwise clean it 17
 * times. The single-element list costs about 0.06 µs per row.
 *
 * @example sqlLet('lower(raw)', 's', 's || s') // "list_transform([lower(raw)], lambda s: s || s)[1]"
 */
export function sqlLet(value: string, name: string, body: string): string {
  return `list_transform([${value}], lambda ${name}: ${body})[1]`;
}
