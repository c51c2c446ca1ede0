/**
 * The guard of the "escape hatch": an expert may write a supervision model as ONE read-only SQL
 * query with named parameters. This module decides whether such a text is acceptable and runs it.
 *
 * Every decision is taken on DuckDB's own parse of the text, never on regexes over it:
 *  1. `json_serialize_sql(text)` parses the text (nothing is bound or executed) and returns the AST
 *     of every statement, or an error when the text is not valid SQL or holds a non-SELECT
 *     statement ("Only SELECT statements can be serialized to json!").
 *     https://duckdb.org/docs/stable/data/json/sql_to_and_from_json
 *  2. `conn.extractStatements(text)` counts the statements the connection itself would run.
 *  3. The AST is walked: functions against a deny-list, table functions against an allow-list,
 *     every table against schema `data`, parameters must be named.
 *  4. Names the AST uses are looked up in DuckDB's catalog (tables, functions, types) BEFORE the
 *     statement is bound, because binding an unknown name can already touch the outside world:
 *     a missing table falls back to a replacement scan that reads a file of that name, even
 *     schema-qualified: `data."x.csv"` reads `data.x.csv` (https://duckdb.org/docs/stable/clients/c/replacement_scans), and a missing function or
 *     type triggers extension auto-install over the network
 *     (https://duckdb.org/docs/stable/extensions/overview#autoloading-extensions).
 *  5. Only then is the statement prepared (bound, not run); its statement type must be SELECT.
 *
 * Non-SELECT statements are never prepared, not even to read their statement type: binding
 * `CALL read_csv('/x')` or `COPY t FROM '/x'` already opens the file. They are named from their
 * leading keyword once the parser has said they are not SELECTs.
 */
import { StatementType } from '@duckdb/node-api';
import type {
  DuckDBConnection,
  DuckDBExtractedStatements,
  DuckDBPreparedStatement,
  DuckDBValue,
  Json,
} from '@duckdb/node-api';
import { JianduError, WarehouseQueryError } from '../shared/errors.js';

export type SqlGuardRefusalCode =
  | 'empty'
  | 'multiple_statements'
  | 'not_select'
  | 'forbidden_function'
  | 'forbidden_table'
  | 'syntax_error';

export type SqlGuardResult =
  | {
      status: 'ok';
      /** Named parameters used, in DuckDB's order (first appearance), e.g. `['days', 'min_amount']`. */
      parameters: readonly string[];
      /** Tables referenced (CTEs excluded), schema-qualified in the catalog's spelling, sorted, e.g. `['data.cases', 'data.people']`. */
      tables: readonly string[];
    }
  | {
      status: 'refused';
      /** Chinese, names the offending statement, function or table. */
      reason: string;
      code: SqlGuardRefusalCode;
    };

type Refusal = Extract<SqlGuardResult, { status: 'refused' }>;
type Accepted = Extract<SqlGuardResult, { status: 'ok' }>;

/** A value an expert model may receive as a named parameter. */
export type SqlParamValue = string | number | boolean | null;

/** The only schema expert SQL may read: the agency data. Provenance lives in `jiandu`. */
const DATA_SCHEMA = 'data';

/** Table functions that only generate rows from their arguments and touch nothing outside. */
const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['unnest', 'range', 'generate_series']);

/**
 * Functions refused wherever they appear (scalar, aggregate, window or table position), with the
 * reason shown to the expert. Names are compared in lower case: DuckDB function names are
 * case-insensitive. Everything not listed here is allowed if DuckDB's catalog already knows it.
 */
const DENIED_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['glob', '会列出文件系统中的文件'],
  ['sniff_csv', '会读取文件'],
  ['csv_scan', '会读取文件'],
  ['query', '会执行动态拼接的 SQL'],
  ['query_table', '会执行动态拼接的 SQL'],
  ['json_execute_serialized_sql', '会执行动态拼接的 SQL'],
  ['json_serialize_plan', '会编译任意 SQL 文本（可能读取文件）'],
  ['getenv', '会读取环境变量'],
  ['current_setting', '会暴露系统设置'],
  ['getvariable', '会读取会话变量'],
  ['which_secret', '会暴露密钥信息'],
  ['load_aws_credentials', '会读取云端凭据'],
  ['nextval', '会改变序列状态'],
  ['currval', '会读取序列状态'],
  ['setseed', '会改变会话的随机数状态'],
  ['write_log', '会写入日志'],
  ['truncate_duckdb_logs', '会清空日志'],
  ['checkpoint', '会写检查点'],
  ['force_checkpoint', '会写检查点'],
  ['sleep_ms', '会让查询挂起'],
  ['pg_sleep', '会让查询挂起'],
  ['sql_auto_complete', '不是数据查询函数'],
]);

/** Families of functions refused by name prefix (or `_scan` suffix): files, network, system catalog. */
const DENIED_FUNCTION_PREFIXES: readonly (readonly [string, string])[] = [
  ['read_', '会读取文件或网络资源'],
  ['parquet_', '会读取文件'],
  ['st_read', '会读取文件'],
  ['http', '会访问网络'],
  ['iceberg', '会读取外部数据湖'],
  ['delta', '会读取外部数据湖'],
  ['ducklake', '会读取外部数据湖'],
  ['postgres_', '会访问外部数据库'],
  ['mysql_', '会访问外部数据库'],
  ['sqlite_', '会访问外部数据库'],
  ['duckdb_', '会暴露系统目录、设置或密钥'],
  ['pragma_', '会暴露系统目录或设置'],
  ['pg_get_', '会暴露系统目录中的定义'],
  ['enable_', '会修改会话设置'],
  ['disable_', '会修改会话设置'],
];

/** Why a function is refused, or `undefined` when it is not on the deny-list. */
function deniedFunctionReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  const exact = DENIED_FUNCTIONS.get(lower);
  if (exact !== undefined) return exact;
  for (const [prefix, reason] of DENIED_FUNCTION_PREFIXES) if (lower.startsWith(prefix)) return reason;
  if (lower.endsWith('_scan')) return '会扫描文件或外部数据源';
  return undefined;
}

/** Chinese labels of non-SELECT statements, by their leading keyword(s). */
const STATEMENT_LABELS: ReadonlyMap<string, string> = new Map([
  ['DROP', 'DROP 语句（删除数据库对象）'],
  ['DELETE', 'DELETE 语句（删除数据）'],
  ['UPDATE', 'UPDATE 语句（修改数据）'],
  ['UPDATE EXTENSIONS', 'UPDATE EXTENSIONS 语句（更新扩展）'],
  ['INSERT', 'INSERT 语句（插入数据）'],
  ['MERGE', 'MERGE 语句（合并写入数据）'],
  ['TRUNCATE', 'TRUNCATE 语句（清空表）'],
  ['CREATE', 'CREATE 语句（创建数据库对象）'],
  ['ALTER', 'ALTER 语句（修改数据库对象）'],
  ['COMMENT', 'COMMENT 语句（修改注释）'],
  ['ATTACH', 'ATTACH 语句（挂载外部数据库）'],
  ['DETACH', 'DETACH 语句（卸载数据库）'],
  ['COPY', 'COPY 语句（读写文件）'],
  ['EXPORT', 'EXPORT 语句（把数据库导出到文件）'],
  ['IMPORT', 'IMPORT 语句（从文件导入数据库）'],
  ['INSTALL', 'INSTALL 语句（安装扩展）'],
  ['FORCE', 'FORCE 语句（强制安装扩展或写检查点）'],
  ['LOAD', 'LOAD 语句（加载扩展）'],
  ['PRAGMA', 'PRAGMA 语句（系统指令）'],
  ['SET', 'SET 语句（修改设置）'],
  ['RESET', 'RESET 语句（重置设置）'],
  ['CALL', 'CALL 语句（调用表函数）'],
  ['CHECKPOINT', 'CHECKPOINT 语句（写检查点）'],
  ['VACUUM', 'VACUUM 语句（整理存储）'],
  ['ANALYZE', 'ANALYZE 语句（收集统计信息）'],
  ['USE', 'USE 语句（切换默认数据库）'],
  ['BEGIN', 'BEGIN 语句（事务控制）'],
  ['START', 'START TRANSACTION 语句（事务控制）'],
  ['COMMIT', 'COMMIT 语句（事务控制）'],
  ['END', 'END 语句（事务控制）'],
  ['ROLLBACK', 'ROLLBACK 语句（事务控制）'],
  ['ABORT', 'ABORT 语句（事务控制）'],
  ['EXPLAIN', 'EXPLAIN 语句（查看执行计划）'],
  ['EXPLAIN ANALYZE', 'EXPLAIN ANALYZE 语句（会真正执行其中的语句）'],
  ['PREPARE', 'PREPARE 语句（预编译语句）'],
  ['EXECUTE', 'EXECUTE 语句（执行预编译语句）'],
  ['DEALLOCATE', 'DEALLOCATE 语句（释放预编译语句）'],
  ['PIVOT', 'PIVOT 语句（请改写为 SELECT … FROM … PIVOT (…)）'],
  ['UNPIVOT', 'UNPIVOT 语句（请改写为 SELECT … FROM … UNPIVOT (…)）'],
  ['WITH', 'WITH … 后接的非查询语句（如 INSERT、UPDATE、DELETE）'],
]);

/**
 * The first two words of the text, upper-cased, skipping whitespace, `--` and (nested) `/* *\/`
 * comments and opening parentheses. Only used to NAME a statement DuckDB's parser has already
 * classified as non-SELECT; it never decides anything.
 */
function leadingKeywords(sql: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < sql.length && words.length < 2) {
    const ch = sql[i] ?? '';
    if (/\s|\(/.test(ch)) {
      i += 1;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      let depth = 0;
      while (i < sql.length) {
        if (sql.startsWith('/*', i)) {
          depth += 1;
          i += 2;
        } else if (sql.startsWith('*/', i)) {
          depth -= 1;
          i += 2;
          if (depth === 0) break;
        } else {
          i += 1;
        }
      }
    } else {
      const word = /^[A-Za-z_]+/.exec(sql.slice(i))?.[0];
      if (!word) break;
      words.push(word.toUpperCase());
      i += word.length;
    }
  }
  return words;
}

function nonSelectLabel(sql: string): string {
  const [first = '', second = ''] = leadingKeywords(sql);
  return (
    STATEMENT_LABELS.get(`${first} ${second}`) ??
    STATEMENT_LABELS.get(first) ??
    (first ? `${first} 语句` : '非查询语句')
  );
}

function refused(code: SqlGuardRefusalCode, reason: string): Refusal {
  return { status: 'refused', code, reason };
}

const POSITIONAL_REASON = '不支持位置参数（? 或 $1），请使用命名参数，例如 $days、$min_amount';

// ---------------------------------------------------------------------------------------------
// AST walk
// ---------------------------------------------------------------------------------------------

type AstNode = { readonly [key: string]: unknown };

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(node: AstNode, key: string): string {
  const value = node[key];
  return typeof value === 'string' ? value : '';
}

/** Table reference kinds that may stand in a FROM slot (json_serialize_sql "type" values). */
const ALLOWED_TABLE_REFS: ReadonlySet<string> = new Set([
  'BASE_TABLE',
  'JOIN',
  'SUBQUERY',
  'TABLE_FUNCTION',
  'EXPRESSION_LIST',
  'EMPTY',
  'PIVOT',
]);

/** A table of schema `data` as the query wrote it; existence is checked against the catalog later. */
interface DataTableUse {
  readonly table: string;
  readonly written: string;
}

/**
 * Walks the json_serialize_sql AST. Shapes relied on (DuckDB 1.5):
 *  - query nodes: `{"type": "SELECT_NODE" | "SET_OPERATION_NODE" | "RECURSIVE_CTE_NODE", "cte_map": {"map": [{"key": name, "value": {"query": {"node": …}}}]}, …}`
 *  - table refs (no "class"): `{"type": "BASE_TABLE", "catalog_name", "schema_name", "table_name"}`,
 *    `{"type": "TABLE_FUNCTION", "function": {"class": "FUNCTION", "function_name", …}}`,
 *    `JOIN {left, right}`, `PIVOT {source}`, `SUBQUERY {subquery}`, `EXPRESSION_LIST` (VALUES),
 *    `EMPTY` (no FROM), `SHOW_REF` (DESCRIBE/SHOW/SUMMARIZE);
 *    a string literal in FROM (`FROM 'x.csv'`) is a BASE_TABLE whose table_name is the string;
 *  - expressions: `{"class": "FUNCTION" | "WINDOW", "function_name", "schema", …}`,
 *    `{"class": "PARAMETER", "identifier": "days"}` (positional `?`/`$1` have identifier "1");
 *  - types: `{"id": "UNBOUND", "type_info": {"name": "INET"}}` for every type the parser did not resolve.
 */
class AstAuditor {
  refusal: Refusal | undefined;
  readonly dataTables: DataTableUse[] = [];
  /** Lower-cased name → name as written, for the catalog look-up and the message. */
  readonly functions = new Map<string, string>();
  readonly types = new Map<string, string>();

  constructor(private readonly currentDatabase: string) {}

  private refuse(code: SqlGuardRefusalCode, reason: string): void {
    this.refusal ??= refused(code, reason);
  }

  /** `scope` holds the lower-cased CTE names visible here. */
  walk(value: unknown, scope: ReadonlySet<string>, inTableSlot = false): void {
    if (this.refusal) return;
    if (Array.isArray(value)) {
      for (const item of value) this.walk(item, scope, inTableSlot);
      return;
    }
    if (!isNode(value)) return;
    const type = str(value, 'type');

    if (type.endsWith('_NODE') && isNode(value['cte_map'])) {
      this.walkQueryNode(value, scope);
      return;
    }
    if (inTableSlot && !('class' in value) && !ALLOWED_TABLE_REFS.has(type)) {
      if (type === 'SHOW_REF') {
        this.refuse('not_select', '只允许 SELECT 查询，不支持 DESCRIBE、SHOW、SUMMARIZE');
      } else {
        this.refuse('forbidden_table', `不支持的 FROM 子句形式：${type || '未知'}`);
      }
      return;
    }
    if (type === 'BASE_TABLE') this.checkBaseTable(value, scope);
    if (type === 'TABLE_FUNCTION') this.checkTableFunction(value);

    const cls = str(value, 'class');
    if ((cls === 'FUNCTION' || cls === 'WINDOW') && typeof value['function_name'] === 'string') {
      this.checkFunction(value['function_name']);
    }
    if (cls === 'PARAMETER' && /^\d+$/.test(str(value, 'identifier'))) {
      this.refuse('syntax_error', POSITIONAL_REASON);
    }
    if (value['id'] === 'UNBOUND' && isNode(value['type_info'])) {
      const name = str(value['type_info'], 'name');
      if (name) this.types.set(name.toLowerCase(), name);
    }

    for (const [key, child] of Object.entries(value)) {
      const slot = key === 'from_table' ||
        (type === 'JOIN' && (key === 'left' || key === 'right')) ||
        (type === 'PIVOT' && key === 'source');
      this.walk(child, scope, slot);
    }
  }

  /**
   * CTE scoping, conservatively: CTE i sees the outer scope and CTEs 0..i-1, and itself only when
   * it is recursive. A name DuckDB would resolve as a CTE but we do not is refused (harmless); the
   * reverse (we think CTE, DuckDB reads a catalog table) cannot happen with this narrower scope.
   */
  private walkQueryNode(node: AstNode, scope: ReadonlySet<string>): void {
    const inner = new Set(scope);
    const cteMap = node['cte_map'];
    const entries = isNode(cteMap) && Array.isArray(cteMap['map']) ? (cteMap['map'] as unknown[]) : [];
    for (const entry of entries) {
      if (!isNode(entry)) continue;
      const name = str(entry, 'key').toLowerCase();
      const definition = entry['value'];
      const query = isNode(definition) && isNode(definition['query']) ? definition['query']['node'] : undefined;
      const own = new Set(inner);
      if (isNode(query) && query['type'] === 'RECURSIVE_CTE_NODE') own.add(name);
      this.walk(definition, own);
      inner.add(name);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'cte_map') this.walk(child, inner, key === 'from_table');
    }
  }

  private checkBaseTable(ref: AstNode, scope: ReadonlySet<string>): void {
    const catalog = str(ref, 'catalog_name');
    const schema = str(ref, 'schema_name');
    const table = str(ref, 'table_name');
    const written = [catalog, schema, table].filter(Boolean).join('.');
    if (!catalog && !schema && scope.has(table.toLowerCase())) return;
    if (catalog && catalog.toLowerCase() !== this.currentDatabase.toLowerCase()) {
      this.refuse('forbidden_table', `不允许查询其他数据库 ${catalog} 中的表 ${written}，只能查询数据仓库 data 中的表`);
      return;
    }
    if (!schema) {
      if (/[/\\.:*?]/.test(table)) {
        this.refuse('forbidden_table', `不允许把字符串 '${table}' 当作表来读取文件（替换扫描），只能查询数据仓库 data 中的表`);
      } else {
        this.refuse('forbidden_table', `表 ${table} 没有写明 schema，只能查询数据仓库 data 中的表，请写成 data.${table}`);
      }
      return;
    }
    const lowerSchema = schema.toLowerCase();
    if (lowerSchema !== DATA_SCHEMA) {
      const why =
        lowerSchema === 'jiandu' ? '溯源信息（schema jiandu）不对监督模型开放'
        : lowerSchema === 'information_schema' || lowerSchema === 'pg_catalog' ? '系统目录不对监督模型开放'
        : '只能查询数据仓库 data 中的表';
      this.refuse('forbidden_table', `不允许查询表 ${written}：${why}`);
      return;
    }
    this.dataTables.push({ table, written });
  }

  private checkTableFunction(ref: AstNode): void {
    const fn = ref['function'];
    const name = isNode(fn) ? str(fn, 'function_name') : '';
    if (ALLOWED_TABLE_FUNCTIONS.has(name.toLowerCase())) return;
    const why = deniedFunctionReason(name);
    this.refuse(
      'forbidden_function',
      why
        ? `不允许使用函数 ${name}：${why}`
        : `不允许使用表函数 ${name || '（未知）'}：FROM 中只允许 data 中的表和 unnest、range、generate_series`,
    );
  }

  private checkFunction(name: string): void {
    const why = deniedFunctionReason(name);
    if (why) {
      this.refuse('forbidden_function', `不允许使用函数 ${name}：${why}`);
      return;
    }
    this.functions.set(name.toLowerCase(), name);
  }
}

// ---------------------------------------------------------------------------------------------
// DuckDB round trips
// ---------------------------------------------------------------------------------------------

/** The guard's own catalog/parser queries. A failure here is unexpected, so it throws. */
async function rows(conn: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<Record<string, Json>[]> {
  try {
    const reader = await conn.runAndReadAll(sql, params.length ? params : undefined);
    return reader.getRowObjectsJson();
  } catch (cause) {
    throw new WarehouseQueryError(sql, params, cause);
  }
}

/** A VARCHAR column of a catalog row (catalog names are never NULL). */
function textOf(row: Record<string, Json> | undefined, key: string): string {
  const value = row?.[key];
  return typeof value === 'string' ? value : '';
}

/** Names from `candidates` (lower case) that the catalog query `sql` (one column `name`) knows. */
async function knownNames(conn: DuckDBConnection, sql: string, candidates: ReadonlyMap<string, string>): Promise<Set<string>> {
  if (candidates.size === 0) return new Set();
  const found = await rows(conn, sql, [JSON.stringify([...candidates.keys()])]);
  return new Set(found.map((r) => textOf(r, 'name')));
}

const PARSE_SQL = 'SELECT json_serialize_sql($1::VARCHAR) AS ast';
const FUNCTIONS_SQL =
  'SELECT DISTINCT lower(function_name) AS name FROM duckdb_functions() WHERE list_contains($1::JSON::VARCHAR[], lower(function_name))';
const TYPES_SQL =
  'SELECT DISTINCT lower(type_name) AS name FROM duckdb_types() WHERE list_contains($1::JSON::VARCHAR[], lower(type_name))';
const DATA_TABLES_SQL = `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${DATA_SCHEMA}'
  UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = '${DATA_SCHEMA}' AND NOT internal`;

type ParseOutcome = { kind: 'statements'; statements: unknown[] } | { kind: 'error'; type: string; message: string };

async function parse(conn: DuckDBConnection, sql: string): Promise<ParseOutcome> {
  const [row] = await rows(conn, PARSE_SQL, [sql]);
  const text = row?.['ast'];
  if (typeof text !== 'string') throw new JianduError('warehouse_query_failed', 'json_serialize_sql 没有返回结果');
  const parsed: unknown = JSON.parse(text);
  if (!isNode(parsed)) throw new JianduError('warehouse_query_failed', 'json_serialize_sql 返回了无法识别的结果');
  if (parsed['error'] === true) {
    return { kind: 'error', type: str(parsed, 'error_type'), message: str(parsed, 'error_message') };
  }
  return { kind: 'statements', statements: Array.isArray(parsed['statements']) ? (parsed['statements'] as unknown[]) : [] };
}

/**
 * DuckDB's statement extraction applies PRAGMA rewrites, and the rewrite of `IMPORT DATABASE 'dir'`
 * (= `PRAGMA import_database('dir')`) reads `dir/schema.sql` and `dir/load.sql` from disk during
 * extraction (observed on DuckDB 1.5.6). Text that may contain one is never handed to
 * `extractStatements`; this test only decides to skip that call, never to accept anything.
 */
const READS_FILES_WHEN_EXTRACTED = /\bimport(_database)?\b/i;

/** Keywords that start a SELECT (a parenthesis is skipped by {@link leadingKeywords}). */
const SELECT_KEYWORDS: ReadonlySet<string> = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE']);

/**
 * The parser has said the text holds at least one non-SELECT statement: tell the expert whether
 * it is one statement of the wrong kind or several statements. Nothing is prepared (see the
 * module comment).
 */
async function refuseNonSelect(conn: DuckDBConnection, sql: string): Promise<Refusal> {
  let count: number | undefined;
  if (!READS_FILES_WHEN_EXTRACTED.test(sql)) count = (await extract(conn, sql)).extracted?.count;
  const [first = ''] = leadingKeywords(sql);
  if (count !== undefined && count > 1) {
    // DuckDB's parser expands a PIVOT without an IN list into CREATE TYPE … AS ENUM plus the query.
    const hint = /\b(un)?pivot\b/i.test(sql) ? '（不带 IN 列表的 PIVOT 会被 DuckDB 展开为多条语句，请写明 IN 列表）' : '';
    return refused('multiple_statements', `只允许一条 SELECT 语句，收到 ${count} 条${hint}`);
  }
  if (count === undefined && SELECT_KEYWORDS.has(first)) {
    // Starts as a SELECT yet is not one: something follows it.
    return refused('multiple_statements', '只允许一条 SELECT 语句，收到多条');
  }
  return refused('not_select', `只允许只读的 SELECT 查询，不允许 ${nonSelectLabel(sql)}`);
}

type Inspection = { result: Refusal } | { result: Accepted; prepared: DuckDBPreparedStatement };

function refusal(result: Refusal): Inspection {
  return { result };
}

/** Extracted-statement count, or the extraction error message (malformed input, not a bug). */
async function extract(
  conn: DuckDBConnection,
  sql: string,
): Promise<{ extracted: DuckDBExtractedStatements; error?: undefined } | { extracted?: undefined; error: string }> {
  try {
    return { extracted: await conn.extractStatements(sql) };
  } catch (cause) {
    return { error: cause instanceof Error ? cause.message : String(cause) };
  }
}

async function inspect(conn: DuckDBConnection, sql: string): Promise<Inspection> {
  // The C API reads the text as a C string: everything after a NUL would be silently dropped.
  if (sql.includes('\u0000')) return refusal(refused('syntax_error', 'SQL 文本中含有 NUL 字符'));

  const parsed = await parse(conn, sql);
  if (parsed.kind === 'error') {
    if (/only select statements/i.test(parsed.message)) return refusal(await refuseNonSelect(conn, sql));
    if (/mixing named and positional/i.test(parsed.message)) return refusal(refused('syntax_error', POSITIONAL_REASON));
    return refusal(refused('syntax_error', `SQL 语法错误：${parsed.message}`));
  }
  if (parsed.statements.length === 0) return refusal(refused('empty', 'SQL 为空：请写一条 SELECT 查询'));
  if (parsed.statements.length > 1) {
    return refusal(refused('multiple_statements', `只允许一条 SELECT 语句，收到 ${parsed.statements.length} 条`));
  }

  const [db] = await rows(conn, 'SELECT current_database() AS db');
  const auditor = new AstAuditor(textOf(db, 'db'));
  auditor.walk(parsed.statements[0], new Set());
  if (auditor.refusal) return refusal(auditor.refusal);

  const tables = new Map<string, string>();
  if (auditor.dataTables.length > 0) {
    const existing = new Map((await rows(conn, DATA_TABLES_SQL)).map((r) => [textOf(r, 'name').toLowerCase(), textOf(r, 'name')]));
    for (const use of auditor.dataTables) {
      const canonical = existing.get(use.table.toLowerCase());
      if (canonical === undefined) {
        return refusal(refused('forbidden_table', `表 ${use.written} 不存在：只能查询数据仓库 data 中已导入的表`));
      }
      tables.set(canonical, `${DATA_SCHEMA}.${canonical}`);
    }
  }
  const knownFunctions = await knownNames(conn, FUNCTIONS_SQL, auditor.functions);
  for (const [lower, name] of auditor.functions) {
    if (!knownFunctions.has(lower)) {
      return refusal(refused('forbidden_function', `未知函数 ${name}：只能使用数据库已加载的函数（不会为查询自动安装扩展）`));
    }
  }
  const knownTypes = await knownNames(conn, TYPES_SQL, auditor.types);
  for (const [lower, name] of auditor.types) {
    if (!knownTypes.has(lower)) {
      return refusal(refused('syntax_error', `未知类型 ${name}：只能使用数据库已加载的类型（不会为查询自动安装扩展）`));
    }
  }

  // Same text, now through the connection's own statement extraction: this is what will run.
  const outcome = await extract(conn, sql);
  if (!outcome.extracted) return refusal(refused('syntax_error', `SQL 无法解析：${outcome.error}`));
  const { extracted } = outcome;
  if (extracted.count !== 1) {
    // Defensive: json_serialize_sql saw one SELECT, the connection's extraction several.
    return refusal(refused('multiple_statements', `只允许一条 SELECT 语句，DuckDB 把这段文本解析为 ${extracted.count} 条`));
  }
  let prepared: DuckDBPreparedStatement;
  try {
    prepared = await extracted.prepare(0);
  } catch (cause) {
    // A binder error (unknown column, type mismatch…) is the expert's mistake, not ours.
    return refusal(refused('syntax_error', `SQL 无法编译：${cause instanceof Error ? cause.message : String(cause)}`));
  }
  if (prepared.statementType !== StatementType.SELECT) {
    prepared.destroySync();
    const kind = StatementType[prepared.statementType] ?? String(prepared.statementType);
    return refusal(refused('not_select', `只允许只读的 SELECT 查询，此语句的类型是 ${kind}`));
  }
  const parameters: string[] = [];
  for (let i = 1; i <= prepared.parameterCount; i += 1) parameters.push(prepared.parameterName(i));
  if (parameters.some((name) => /^\d+$/.test(name))) {
    prepared.destroySync();
    return refusal(refused('syntax_error', POSITIONAL_REASON));
  }
  return { result: { status: 'ok', parameters, tables: [...tables.values()].sort() }, prepared };
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Decides whether `sql` is exactly one read-only SELECT over the agency data (schema `data`).
 * Refusals are values with a Chinese reason naming the culprit; only unexpected failures of
 * DuckDB itself throw. The text is parsed and bound, never executed.
 *
 * @example
 * const r = await checkReadOnlySql(conn, 'SELECT name FROM data.people WHERE amount > $min_amount');
 * // { status: 'ok', parameters: ['min_amount'], tables: ['data.people'] }
 * const bad = await checkReadOnlySql(conn, 'SELECT * FROM read_csv(\'/etc/passwd\')');
 * // { status: 'refused', code: 'forbidden_function', reason: '不允许使用函数 read_csv：会读取文件或网络资源' }
 */
export async function checkReadOnlySql(conn: DuckDBConnection, sql: string): Promise<SqlGuardResult> {
  const inspection = await inspect(conn, sql);
  if ('prepared' in inspection) inspection.prepared.destroySync();
  return inspection.result;
}

/**
 * True when `conn` is inside an explicit transaction: in auto-commit mode every query gets its
 * own transaction id, inside BEGIN … they share one. Needed because a failed nested BEGIN would
 * abort the caller's transaction ("Current transaction is aborted").
 */
async function inExplicitTransaction(conn: DuckDBConnection): Promise<boolean> {
  const sql = 'SELECT current_transaction_id()::VARCHAR AS id';
  const [first] = await rows(conn, sql);
  const [second] = await rows(conn, sql);
  return first?.['id'] === second?.['id'];
}

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/**
 * Values travel through the prepared statement's bind API, never through the SQL text. Numbers
 * are typed here rather than by the library's inference, which binds every integer-valued number
 * as BIGINT and so overflows on 1e20; DuckDB casts the bound value to the parameter's type.
 */
function bindParameter(prepared: DuckDBPreparedStatement, index: number, value: SqlParamValue): void {
  if (value === null) prepared.bindNull(index);
  else if (typeof value === 'string') prepared.bindVarchar(index, value);
  else if (typeof value === 'boolean') prepared.bindBoolean(index, value);
  else if (!Number.isSafeInteger(value)) prepared.bindDouble(index, value);
  else if (value >= INT32_MIN && value <= INT32_MAX) prepared.bindInteger(index, value);
  else prepared.bindBigInt(index, BigInt(value));
}

/**
 * Checks `sql` with {@link checkReadOnlySql}, binds `params` by name and returns the rows as plain
 * JSON-compatible objects. Runs inside a READ ONLY transaction that is always rolled back, so even a
 * query that slipped past the guard could not leave a trace.
 *
 * @throws {JianduError} `invalid_argument` when the guard refuses the text (details.code holds the
 *   refusal code), when a parameter is missing or unexpected, or when the connection is already
 *   inside a transaction.
 * @throws {WarehouseQueryError} when DuckDB fails while running the query.
 *
 * @example
 * const rows = await runReadOnlySql(conn,
 *   'SELECT name FROM data.people WHERE amount >= $min_amount ORDER BY name', { min_amount: 100 });
 * // [{ name: '张三' }, …]
 */
export async function runReadOnlySql(
  conn: DuckDBConnection,
  sql: string,
  params: Readonly<Record<string, SqlParamValue>>,
): Promise<Record<string, Json>[]> {
  if (await inExplicitTransaction(conn)) {
    throw new JianduError('invalid_argument', '不能在已开启的事务中运行专家 SQL：它需要自己的只读事务');
  }
  await rows(conn, 'BEGIN TRANSACTION READ ONLY');
  let result: Record<string, Json>[];
  try {
    result = await runChecked(conn, sql, params);
  } catch (error) {
    await rows(conn, 'ROLLBACK').catch((rollbackError: unknown) => {
      throw new AggregateError([error, rollbackError], '只读事务回滚失败');
    });
    throw error;
  }
  await rows(conn, 'ROLLBACK');
  return result;
}

async function runChecked(
  conn: DuckDBConnection,
  sql: string,
  params: Readonly<Record<string, SqlParamValue>>,
): Promise<Record<string, Json>[]> {
  const inspection = await inspect(conn, sql);
  if (!('prepared' in inspection)) {
    throw new JianduError('invalid_argument', inspection.result.reason, { code: inspection.result.code, sql });
  }
  const { prepared, result } = inspection;
  try {
    const missing = result.parameters.filter((name) => !Object.hasOwn(params, name));
    if (missing.length > 0) {
      throw new JianduError('invalid_argument', `缺少参数：${missing.map((n) => `$${n}`).join('、')}`, { missing, sql });
    }
    const extra = Object.keys(params).filter((name) => !result.parameters.includes(name));
    if (extra.length > 0) {
      throw new JianduError('invalid_argument', `SQL 中没有使用这些参数：${extra.map((n) => `$${n}`).join('、')}`, { extra, sql });
    }
    result.parameters.forEach((name, i) => bindParameter(prepared, i + 1, params[name] ?? null));
    try {
      const reader = await prepared.runAndReadAll();
      return reader.getRowObjectsJson();
    } catch (cause) {
      throw new WarehouseQueryError(sql, result.parameters.map((name) => params[name] ?? null), cause);
    }
  } finally {
    prepared.destroySync();
  }
}
