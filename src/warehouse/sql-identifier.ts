/** Quotes an SQL identifier (double quotes doubled), so any dataset or field name is safe. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Renders a string as an SQL literal. Only for values the code itself chose (never user text). */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
