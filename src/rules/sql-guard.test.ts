import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JianduError, WarehouseQueryError } from '../shared/errors.js';
import { checkReadOnlySql, runReadOnlySql, type SqlGuardResult } from './sql-guard.js';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let scratch: string;

const SETUP = [
  'CREATE SCHEMA data',
  `CREATE TABLE data.people (id INTEGER, name VARCHAR, city VARCHAR, amount DOUBLE, tags VARCHAR[])`,
  `INSERT INTO data.people VALUES
     (1, '张三', '杭州', 120.5, ['a']), (2, '李四', '宁波', 80, ['b', 'c']), (3, '王五', '杭州', 300, [])`,
  'CREATE TABLE data.cases (case_id INTEGER, person_id INTEGER, opened DATE)',
  `INSERT INTO data.cases VALUES (10, 1, DATE '2024-01-05'), (11, 1, DATE '2024-03-01'), (12, 3, DATE '2024-02-10')`,
  'CREATE SCHEMA jiandu',
  'CREATE SEQUENCE jiandu.batch_seq',
  `CREATE TABLE jiandu.batches (batch_id INTEGER, dataset VARCHAR)`,
  `INSERT INTO jiandu.batches VALUES (1, 'people')`,
  // Another attached catalog, and a connection-local macro like the normalisation macros.
  `ATTACH ':memory:' AS other`,
  'CREATE TABLE other.main.secret (s VARCHAR)',
  'CREATE OR REPLACE TEMP MACRO jd_text(raw) AS trim(raw)',
];

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  for (const sql of SETUP) await conn.run(sql);
  scratch = mkdtempSync(join(tmpdir(), 'jiandu-sql-guard-'));
});

afterAll(() => {
  conn.closeSync();
  instance.closeSync();
  rmSync(scratch, { recursive: true, force: true });
});

/** Everything a refused statement could have changed: data, provenance, catalog, attachments, settings. */
async function snapshot(): Promise<string> {
  const queries = [
    'SELECT * FROM data.people ORDER BY id',
    'SELECT * FROM data.cases ORDER BY case_id',
    'SELECT * FROM jiandu.batches ORDER BY batch_id',
    'SELECT database_name, schema_name, table_name FROM duckdb_tables() ORDER BY ALL',
    'SELECT database_name FROM duckdb_databases() ORDER BY ALL',
    "SELECT current_setting('threads') AS threads, current_setting('search_path') AS search_path",
    'SELECT extension_name FROM duckdb_extensions() WHERE loaded ORDER BY ALL',
  ];
  const parts: unknown[] = [];
  for (const sql of queries) parts.push((await conn.runAndReadAll(sql)).getRowObjectsJson());
  return JSON.stringify(parts);
}

function refusalOf(result: SqlGuardResult): { code: string; reason: string } {
  if (result.status !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe('checkReadOnlySql accepts read-only SELECTs', () => {
  const accepted: readonly { name: string; sql: string; parameters?: string[]; tables: string[] }[] = [
    { name: 'plain SELECT', sql: 'SELECT id, name FROM data.people WHERE amount > 100', tables: ['data.people'] },
    { name: 'FROM-first', sql: 'FROM data.people SELECT name', tables: ['data.people'] },
    {
      name: 'WITH',
      sql: 'WITH big AS (SELECT * FROM data.people WHERE amount > 100) SELECT count(*) AS n FROM big',
      tables: ['data.people'],
    },
    {
      name: 'join',
      sql: 'SELECT p.name, c.case_id FROM data.people p JOIN data.cases c ON c.person_id = p.id',
      tables: ['data.cases', 'data.people'],
    },
    {
      name: 'aggregates',
      sql: 'SELECT city, count(*) AS n, sum(amount) AS total FROM data.people GROUP BY city HAVING count(*) > 1',
      tables: ['data.people'],
    },
    {
      name: 'window functions',
      sql: 'SELECT name, row_number() OVER (PARTITION BY city ORDER BY amount DESC) AS rk, lag(amount) OVER w AS prev FROM data.people WINDOW w AS (ORDER BY id)',
      tables: ['data.people'],
    },
    {
      name: 'subqueries',
      sql: `SELECT name, (SELECT count(*) FROM data.cases c WHERE c.person_id = p.id) AS cases
            FROM (SELECT * FROM data.people) p
            WHERE EXISTS (SELECT 1 FROM data.cases) AND id IN (SELECT person_id FROM data.cases)`,
      tables: ['data.cases', 'data.people'],
    },
    { name: 'trailing semicolon', sql: 'SELECT name FROM data.people;', tables: ['data.people'] },
    { name: 'trailing semicolon and comment', sql: 'SELECT name FROM data.people; -- 结束', tables: ['data.people'] },
    {
      name: 'named parameters',
      sql: `SELECT p.name FROM data.people p JOIN data.cases c ON c.person_id = p.id
            WHERE c.opened >= DATE '2024-03-31' - INTERVAL (CAST($days AS INTEGER)) DAY AND p.amount >= $min_amount`,
      parameters: ['days', 'min_amount'],
      tables: ['data.cases', 'data.people'],
    },
    { name: 'UNION', sql: 'SELECT name FROM data.people UNION ALL SELECT CAST(case_id AS VARCHAR) FROM data.cases', tables: ['data.cases', 'data.people'] },
    { name: 'VALUES in FROM', sql: 'SELECT * FROM (VALUES (1, 2), (3, 4)) t(a, b)', tables: [] },
    {
      name: 'recursive CTE',
      sql: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r',
      tables: [],
    },
    {
      name: 'CTE named like a provenance table',
      sql: 'WITH batches AS (SELECT id FROM data.people) SELECT * FROM batches',
      tables: ['data.people'],
    },
    {
      name: 'unnest, range, generate_series, lambdas, macros',
      sql: `SELECT jd_text(' x ') AS t, list_transform(tags, lambda s: upper(s)) AS up, u.v, r.range
            FROM data.people, unnest([1, 2]) u(v), range(2) r, generate_series(1, 1) g`,
      tables: ['data.people'],
    },
    { name: 'schema-qualified with the warehouse catalog', sql: 'SELECT * FROM memory.data.people', tables: ['data.people'] },
    { name: 'upper-case schema', sql: 'SELECT * FROM DATA.PEOPLE', tables: ['data.people'] },
  ];

  it.each(accepted)('$name', async ({ sql, parameters = [], tables }) => {
    const before = await snapshot();
    const result = await checkReadOnlySql(conn, sql);
    expect(result).toEqual({ status: 'ok', parameters, tables });
    const params = Object.fromEntries(parameters.map((p) => [p, 1]));
    await expect(runReadOnlySql(conn, sql, params)).resolves.toBeInstanceOf(Array);
    expect(await snapshot()).toBe(before);
  });
});

describe('checkReadOnlySql refuses everything else, naming the culprit', () => {
  const refused: readonly { name: string; sql: () => string; code: string; culprit: string }[] = [
    // Not a SELECT.
    { name: 'DROP', sql: () => 'DROP TABLE data.people', code: 'not_select', culprit: 'DROP' },
    { name: 'DELETE', sql: () => 'DELETE FROM data.people', code: 'not_select', culprit: 'DELETE' },
    { name: 'UPDATE', sql: () => "UPDATE data.people SET name = 'x'", code: 'not_select', culprit: 'UPDATE' },
    { name: 'INSERT', sql: () => "INSERT INTO data.people (id) VALUES (9)", code: 'not_select', culprit: 'INSERT' },
    { name: 'CREATE TABLE AS', sql: () => 'CREATE TABLE data.copy AS SELECT * FROM data.people', code: 'not_select', culprit: 'CREATE' },
    { name: 'ATTACH', sql: () => `ATTACH '${join(scratch, 'x.duckdb')}' AS x`, code: 'not_select', culprit: 'ATTACH' },
    { name: 'DETACH', sql: () => 'DETACH other', code: 'not_select', culprit: 'DETACH' },
    { name: 'COPY … TO', sql: () => `COPY data.people TO '${join(scratch, 'out.csv')}'`, code: 'not_select', culprit: 'COPY' },
    { name: 'COPY … FROM', sql: () => "COPY data.people FROM '/etc/passwd'", code: 'not_select', culprit: 'COPY' },
    { name: 'EXPORT DATABASE', sql: () => `EXPORT DATABASE '${join(scratch, 'export')}'`, code: 'not_select', culprit: 'EXPORT' },
    { name: 'IMPORT DATABASE', sql: () => `IMPORT DATABASE '${join(scratch, 'export')}'`, code: 'not_select', culprit: 'IMPORT' },
    { name: 'INSTALL', sql: () => 'INSTALL httpfs', code: 'not_select', culprit: 'INSTALL' },
    { name: 'LOAD', sql: () => 'LOAD httpfs', code: 'not_select', culprit: 'LOAD' },
    { name: 'PRAGMA', sql: () => 'PRAGMA version', code: 'not_select', culprit: 'PRAGMA' },
    { name: 'PRAGMA rewritten to a SELECT by DuckDB', sql: () => "PRAGMA table_info('data.people')", code: 'not_select', culprit: 'PRAGMA' },
    { name: 'SET', sql: () => 'SET threads = 1', code: 'not_select', culprit: 'SET' },
    { name: 'CALL', sql: () => "CALL read_csv('/etc/passwd')", code: 'not_select', culprit: 'CALL' },
    { name: 'CHECKPOINT', sql: () => 'CHECKPOINT', code: 'not_select', culprit: 'CHECKPOINT' },
    { name: 'VACUUM', sql: () => 'VACUUM', code: 'not_select', culprit: 'VACUUM' },
    { name: 'USE', sql: () => 'USE other', code: 'not_select', culprit: 'USE' },
    { name: 'BEGIN', sql: () => 'BEGIN TRANSACTION', code: 'not_select', culprit: 'BEGIN' },
    { name: 'COMMIT', sql: () => 'COMMIT', code: 'not_select', culprit: 'COMMIT' },
    { name: 'EXPLAIN ANALYZE', sql: () => 'EXPLAIN ANALYZE SELECT * FROM data.people', code: 'not_select', culprit: 'EXPLAIN ANALYZE' },
    { name: 'WITH … DELETE', sql: () => 'WITH x AS (SELECT 1) DELETE FROM data.people', code: 'not_select', culprit: 'WITH' },
    { name: 'DESCRIBE', sql: () => 'DESCRIBE data.people', code: 'not_select', culprit: 'DESCRIBE' },
    // More than one statement.
    { name: 'two statements', sql: () => 'SELECT 1; DROP TABLE data.people', code: 'multiple_statements', culprit: '收到 2 条' },
    { name: 'two SELECTs', sql: () => 'SELECT 1; SELECT 2', code: 'multiple_statements', culprit: '收到 2 条' },
    {
      name: 'a statement hidden after a line comment',
      sql: () => 'SELECT 1 -- 注释里的分号 ;\n; DROP TABLE data.people',
      code: 'multiple_statements',
      culprit: '收到 2 条',
    },
    { name: 'a statement hidden after a block comment', sql: () => '/* SELECT 1; */ DROP TABLE data.people', code: 'not_select', culprit: 'DROP' },
    { name: 'a NUL byte hiding the rest', sql: () => 'SELECT 1\u0000; DROP TABLE data.people', code: 'syntax_error', culprit: 'NUL' },
    // Files, network, dynamic SQL, settings.
    { name: 'read_csv', sql: () => "SELECT * FROM read_csv('/etc/passwd')", code: 'forbidden_function', culprit: 'read_csv' },
    { name: 'read_csv_auto (upper case)', sql: () => "SELECT * FROM READ_CSV_AUTO('/etc/passwd')", code: 'forbidden_function', culprit: 'read_csv_auto' },
    { name: 'string literal as a table', sql: () => "SELECT * FROM '/etc/passwd'", code: 'forbidden_table', culprit: '/etc/passwd' },
    { name: 'quoted file name in schema data', sql: () => 'SELECT * FROM data."/etc/passwd"', code: 'forbidden_table', culprit: '/etc/passwd' },
    { name: 'glob', sql: () => "SELECT * FROM glob('*')", code: 'forbidden_function', culprit: 'glob' },
    { name: 'read_text', sql: () => "SELECT content FROM read_text('/etc/passwd')", code: 'forbidden_function', culprit: 'read_text' },
    { name: 'query (dynamic SQL)', sql: () => "SELECT * FROM query('DROP TABLE data.people')", code: 'forbidden_function', culprit: 'query' },
    { name: 'getenv', sql: () => "SELECT getenv('HOME')", code: 'forbidden_function', culprit: 'getenv' },
    { name: 'duckdb_settings()', sql: () => 'SELECT * FROM duckdb_settings()', code: 'forbidden_function', culprit: 'duckdb_settings' },
    { name: 'current_setting', sql: () => "SELECT current_setting('threads')", code: 'forbidden_function', culprit: 'current_setting' },
    { name: 'nextval', sql: () => "SELECT nextval('jiandu.batch_seq')", code: 'forbidden_function', culprit: 'nextval' },
    { name: 'a forbidden function deep in a subquery', sql: () => "SELECT * FROM data.people WHERE name IN (SELECT content FROM read_text('/etc/hostname'))", code: 'forbidden_function', culprit: 'read_text' },
    { name: 'a table function outside the allow-list', sql: () => "SELECT * FROM json_each('{}')", code: 'forbidden_function', culprit: 'json_each' },
    { name: 'a function DuckDB would auto-install', sql: () => 'SELECT st_point(1, 2)', code: 'forbidden_function', culprit: 'st_point' },
    { name: 'a type DuckDB would auto-install', sql: () => "SELECT '1.2.3.4'::INET", code: 'syntax_error', culprit: 'INET' },
    // Tables outside schema data.
    { name: 'provenance table', sql: () => 'SELECT * FROM jiandu.batches', code: 'forbidden_table', culprit: 'jiandu.batches' },
    { name: 'provenance table in a subquery', sql: () => 'SELECT * FROM data.people WHERE id IN (SELECT batch_id FROM jiandu.batches)', code: 'forbidden_table', culprit: 'jiandu.batches' },
    { name: 'information_schema.tables', sql: () => 'SELECT * FROM information_schema.tables', code: 'forbidden_table', culprit: 'information_schema.tables' },
    { name: 'pg_catalog', sql: () => 'SELECT * FROM pg_catalog.pg_class', code: 'forbidden_table', culprit: 'pg_catalog.pg_class' },
    { name: 'system catalog view', sql: () => 'SELECT * FROM duckdb_tables', code: 'forbidden_table', culprit: 'duckdb_tables' },
    { name: 'another attached database', sql: () => 'SELECT * FROM other.main.secret', code: 'forbidden_table', culprit: 'other' },
    { name: 'temp catalog', sql: () => 'SELECT * FROM temp.main.x', code: 'forbidden_table', culprit: 'temp' },
    { name: 'unqualified table', sql: () => 'SELECT * FROM people', code: 'forbidden_table', culprit: 'data.people' },
    { name: 'missing table in data', sql: () => 'SELECT * FROM data.nope', code: 'forbidden_table', culprit: 'data.nope' },
    {
      name: 'a CTE name used outside its scope',
      sql: () => 'SELECT * FROM (WITH t AS (SELECT 1) SELECT * FROM t) s, t',
      code: 'forbidden_table',
      culprit: 't',
    },
    // Parameters and text.
    { name: 'positional ?', sql: () => 'SELECT * FROM data.people WHERE id = ?', code: 'syntax_error', culprit: '命名参数' },
    { name: 'positional $1', sql: () => 'SELECT * FROM data.people WHERE id = $1', code: 'syntax_error', culprit: '命名参数' },
    { name: 'mixed named and positional', sql: () => 'SELECT $a, ?', code: 'syntax_error', culprit: '命名参数' },
    { name: 'empty text', sql: () => '', code: 'empty', culprit: '为空' },
    { name: 'only whitespace', sql: () => '  \n\t ', code: 'empty', culprit: '为空' },
    { name: 'only a semicolon', sql: () => ';', code: 'empty', culprit: '为空' },
    { name: 'only a comment', sql: () => '-- 只有注释', code: 'empty', culprit: '为空' },
    { name: 'syntax error', sql: () => 'SELEC name FROM data.people', code: 'syntax_error', culprit: 'SELEC' },
    { name: 'unknown column', sql: () => 'SELECT nope FROM data.people', code: 'syntax_error', culprit: 'nope' },
  ];

  it.each(refused)('$name', async ({ sql, code, culprit }) => {
    const before = await snapshot();
    const text = sql();
    const refusal = refusalOf(await checkReadOnlySql(conn, text));
    expect(refusal.code).toBe(code);
    expect(refusal.reason).toContain(culprit);
    expect(refusal.reason).toMatch(/[\u4e00-\u9fff]/);

    const error: unknown = await runReadOnlySql(conn, text, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JianduError);
    expect(error).toMatchObject({ code: 'invalid_argument', message: refusal.reason, details: { code } });

    expect(await snapshot()).toBe(before);
    expect(existsSync(join(scratch, 'out.csv'))).toBe(false);
    expect(existsSync(join(scratch, 'export'))).toBe(false);
    expect(existsSync(join(scratch, 'x.duckdb'))).toBe(false);
  });
});

describe('statements DuckDB expands while extracting them', () => {
  it('refuses IMPORT DATABASE without letting DuckDB read the export files', async () => {
    const dir = join(scratch, 'import-me');
    mkdirSync(dir);
    writeFileSync(join(dir, 'schema.sql'), 'CREATE TABLE data.injected (i INTEGER);\nCREATE TABLE data.injected2 (i INTEGER);\n');
    writeFileSync(join(dir, 'load.sql'), '');
    const before = await snapshot();
    for (const sql of [`IMPORT DATABASE '${dir}'`, `PRAGMA import_database('${dir}')`]) {
      const texts: string[] = [];
      const refusal = refusalOf(await checkReadOnlySql(recordingConnection(conn, texts), sql));
      expect(refusal).toMatchObject({ code: 'not_select', reason: expect.stringMatching(/IMPORT|PRAGMA/) as unknown });
      // The text went to DuckDB only as a bound value of json_serialize_sql, never to extractStatements.
      expect(texts).not.toContain(sql);
    }
    const hidden = refusalOf(await checkReadOnlySql(conn, `SELECT 1; IMPORT DATABASE '${dir}'`));
    expect(hidden.code).toBe('multiple_statements');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a PIVOT that DuckDB would expand into a CREATE TYPE plus the query', async () => {
    const refusal = refusalOf(await checkReadOnlySql(conn, 'SELECT * FROM (PIVOT data.people ON city USING count(*))'));
    expect(refusal.code).toBe('multiple_statements');
    expect(refusal.reason).toContain('PIVOT');
  });
});

describe('runReadOnlySql', () => {
  it('binds named parameters and returns plain objects', async () => {
    const rows = await runReadOnlySql(
      conn,
      'SELECT name, amount FROM data.people WHERE amount >= $min_amount AND city = $city ORDER BY id',
      { min_amount: 100, city: '杭州' },
    );
    expect(rows).toEqual([
      { name: '张三', amount: 120.5 },
      { name: '王五', amount: 300 },
    ]);
  });

  it('binds booleans, nulls, big integers and fractions', async () => {
    const rows = await runReadOnlySql(
      conn,
      'SELECT $flag AS flag, $nothing IS NULL AS is_null, $big::DOUBLE AS big, $huge AS huge, $half AS half',
      { flag: true, nothing: null, big: 2 ** 40, huge: 1e20, half: 0.5 },
    );
    expect(rows).toEqual([{ flag: true, is_null: true, big: 2 ** 40, huge: 1e20, half: 0.5 }]);
  });

  it('refuses a missing parameter, naming it', async () => {
    await expect(
      runReadOnlySql(conn, 'SELECT * FROM data.people WHERE amount >= $min_amount AND city = $city', { min_amount: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('$city') as unknown });
  });

  it('refuses an extra parameter, naming it', async () => {
    await expect(
      runReadOnlySql(conn, 'SELECT * FROM data.people WHERE amount >= $min_amount', { min_amount: 1, unused: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('$unused') as unknown });
  });

  it('wraps a run-time failure and leaves no transaction open', async () => {
    const error: unknown = await runReadOnlySql(conn, 'SELECT CAST($v AS INTEGER) AS n', { v: 'abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseQueryError);
    // A fresh BEGIN only succeeds when the guard's transaction was rolled back.
    await conn.run('BEGIN TRANSACTION');
    await conn.run('ROLLBACK');
  });

  it("does not run inside the caller's transaction and leaves it intact", async () => {
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run("INSERT INTO data.people (id, name) VALUES (99, '临时')");
      await expect(runReadOnlySql(conn, 'SELECT 1 AS one', {})).rejects.toMatchObject({ code: 'invalid_argument' });
      const reader = await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM data.people WHERE id = 99');
      expect(reader.getRowObjectsJson()).toEqual([{ n: 1 }]);
    } finally {
      await conn.run('ROLLBACK');
    }
  });
});

/** A connection that records every SQL text handed to it (first string argument of any method). */
function recordingConnection(target: DuckDBConnection, texts: string[]): DuckDBConnection {
  return new Proxy(target, {
    get(object, property) {
      const member: unknown = Reflect.get(object, property, object);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]): unknown => {
        if (typeof args[0] === 'string') texts.push(args[0]);
        return Reflect.apply(member, object, args);
      };
    },
  });
}

describe('parameters are bound, never spliced', () => {
  const sql = `SELECT $v AS v, $n AS n, $d AS d, $b AS b,
                      (SELECT count(*)::INTEGER FROM data.people WHERE name = $v OR city = $v) AS hits`;
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/),
    fc.constantFrom("'; DROP TABLE data.people; --", "x' OR '1'='1", '$n', 'data.people', '张三'),
  );

  it('random identifiers and values never appear in the SQL text DuckDB receives', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        // The brackets make the value recognisable: splicing would put them into the text.
        text.map((s) => `⟦${s}⟧`),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
        fc.boolean(),
        async (v, n, d, b) => {
          const texts: string[] = [];
          const rows = await runReadOnlySql(recordingConnection(conn, texts), sql, { v, n, d, b });
          expect(texts).toContain(sql);
          for (const t of texts) expect(t.includes(v)).toBe(false);
          expect(rows).toHaveLength(1);
          const [row] = rows;
          expect(row?.['v']).toBe(v);
          expect(row?.['n']).toBe(n);
          expect(Number(row?.['d'])).toBe(d);
          expect(row?.['b']).toBe(b);
          expect(row?.['hits']).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
    expect(await snapshot()).toBe(before);
  });
});
