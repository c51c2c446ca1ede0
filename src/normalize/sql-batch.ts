import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { installNormalizeMacros } from './sql-macros.js';

/**
 * Evaluates normalisation SQL over many raw values in one query: used by the tests that check
 * the TS normalisers and the DuckDB macros agree value for value, and handy for ad-hoc checks.
 */

/** An in-memory DuckDB connection with the macros installed. */
export interface MacroConnection {
  readonly conn: DuckDBConnection;
  close(): void;
}

/**
 * Opens an in-memory DuckDB with the normalisation macros installed.
 *
 * @example
 * const db = await openMacroConnection();
 * const out = await evaluateBatch(db.conn, (x) => `jd_idcard(${x})`, ['11010519491231002x']);
 * db.close();
 */
export async function openMacroConnection(): Promise<MacroConnection> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  await installNormalizeMacros(conn);
  return {
    conn,
    close(): void {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * `expr('x')` for every value, in input order, as DuckDB's JSON-friendly values: VARCHAR and
 * DATE/TIMESTAMP ('YYYY-MM-DD[ HH:MM:SS]') and DECIMAL/BIGINT as strings, DOUBLE as numbers,
 * BOOLEAN as booleans, NULL as null.
 *
 * @example await evaluateBatch(conn, (x) => `jd_date(${x})`, ['2023/5/1', null]) // ['2023-05-01', null]
 */
export async function evaluateBatch(
  conn: DuckDBConnection,
  expr: (x: string) => string,
  values: readonly (string | null)[],
): Promise<unknown[]> {
  const sql = `SELECT ${expr('x')} AS v FROM (SELECT unnest($1) AS x, generate_subscripts($1, 1) AS i) ORDER BY i`;
  const reader = await conn.runAndReadAll(sql, [listValue([...values])], [LIST(VARCHAR)]);
  return reader.getRowObjectsJson().map((row) => row['v'] ?? null);
}

/** One input on which the TS normaliser and the SQL macro disagree. */
export interface Mismatch {
  readonly input: string | null;
  readonly ts: unknown;
  readonly sql: unknown;
}

/**
 * Runs `ts` and the macro `expr` over `values` and lists the disagreements; `fromSql` maps a
 * DuckDB JSON value to the TS normaliser's representation (e.g. DECIMAL text → number) and
 * `equal` compares (default: Object.is, after mapping).
 *
 * @example expect(await compareWithSql(conn, values, normalizeUscc, (x) => `jd_uscc(${x})`)).toEqual([])
 */
export async function compareWithSql(
  conn: DuckDBConnection,
  values: readonly (string | null)[],
  ts: (raw: string | null) => unknown,
  expr: (x: string) => string,
  fromSql: (v: unknown) => unknown = (v) => v,
  equal: (a: unknown, b: unknown) => boolean = Object.is,
): Promise<Mismatch[]> {
  const sql = await evaluateBatch(conn, expr, values);
  const out: Mismatch[] = [];
  values.forEach((input, i) => {
    const t = ts(input);
    const s = fromSql(sql[i] ?? null);
    if (!equal(t, s)) out.push({ input, ts: t, sql: s });
  });
  return out;
}

/**
 * A DuckDB JSON value back as SQL text input (for feeding one macro's output to another):
 * strings as they are, numbers and booleans printed, NULL as null.
 *
 * @example asSqlText(12.5) // '12.5'
 */
export function asSqlText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}
