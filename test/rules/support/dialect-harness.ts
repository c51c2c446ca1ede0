// Runs compiled supervision models on every SQL engine Jiandu targets — DuckDB (the warehouse),
// PGlite and a PostgreSQL server (the workflow database) — over one fixture warehouse, and
// normalises the results so that they compare exactly across engines.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { ImportService } from '../../../src/ingest/import.service.js';
import { PINYIN_TABLE, pinyinEntries } from '../../../src/normalize/person-pinyin.js';
import { bindInputs } from '../../../src/rules/input-binder.js';
import type { OutputColumns } from '../../../src/rules/compiler/compiled-query.js';
import { LeadHitMapper, type DecodedHit, type LeadHit } from '../../../src/rules/lead-hit-mapper.js';
import { compileModel, type Dialect } from '../../../src/rules/model-compiler.js';
import { resolveParameters } from '../../../src/rules/parameter-values.js';
import type { ModelSpec } from '../../../src/rules/spec/model-spec.js';
import { DatasetRepository, type DatasetRecord } from '../../../src/warehouse/dataset.repository.js';
import { ensurePinyinTable } from '../../../src/warehouse/pinyin-table.js';
import { quoteIdent, type Warehouse } from '../../../src/warehouse/warehouse.js';
import { tempWorkspace } from '../../support/temp-workspace.js';
import { FIXTURE_DATASETS, toCsv } from './fixture-data.js';

export type EngineName = 'duckdb' | 'pglite' | 'postgres';
export type SqlValue = string | number | boolean | null;

/** A database holding the fixture's `data.*` tables, with the dialect the compiler targets on it. */
export interface Engine {
  readonly name: EngineName;
  readonly dialect: Dialect;
  /** The warehouse catalogue the models bind to; every engine holds the same tables. */
  readonly datasets: readonly DatasetRecord[];
  query(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]>;
  /** DuckDB only: the result as chunks, the way the runner reads it. */
  readonly chunks?: (sql: string, params: readonly SqlValue[]) => Promise<{ readonly columnNames: readonly string[]; readonly chunks: AsyncIterable<DuckDBDataChunk> }>;
  close(): Promise<void>;
}

/** The fixture warehouse: agency CSV text imported through the normal import path. */
export interface Fixture {
  readonly wh: Warehouse;
  readonly datasets: readonly DatasetRecord[];
  /** `dataset#rowId` (as in {@link Lead.evidence}) → `dataset:key`, the row's key value from the fixture data. */
  readonly keyOf: (ref: string) => string;
  readonly dispose: () => void;
}

/** One lead, normalised so that results of different engines compare with `toEqual`. */
export interface Lead {
  readonly fingerprint: string;
  /** The subject values as text. */
  readonly subject: readonly (string | null)[];
  /** Template values as text. */
  readonly templates: readonly (string | null)[];
  readonly amount: number | null;
  /** Every evidence row of every evidence alias, as `dataset#rowId`, sorted. */
  readonly evidence: readonly string[];
  /** Whether each recorded leaf condition held. */
  readonly flags: readonly (boolean | null)[];
  /** The values of each recorded leaf condition, as text. */
  readonly explainValues: readonly (readonly (string | null)[])[];
  /** The lead as the runner hands it to the lead store: title, reason, evidence with batches, explanation. */
  readonly hit: LeadHit;
}

export interface RunOptions {
  readonly asOf: string;
  /** Parameter overrides as the CLI passes them (`--param model.name=value`). */
  readonly params?: Readonly<Record<string, string>> | undefined;
}

/** A query that failed on an engine, with the SQL and the parameters it was sent with. */
export class EngineQueryError extends Error {
  override readonly name = 'EngineQueryError';
  constructor(engine: EngineName, sql: string, params: readonly SqlValue[], cause: unknown) {
    super(`${engine}: ${cause instanceof Error ? cause.message : String(cause)}\n${sql}\n-- parameters: ${JSON.stringify(params)}`, { cause });
  }
}

/** Imports every fixture dataset into a fresh workspace and checks each row arrived valid. */
export async function buildFixture(): Promise<Fixture> {
  return importFixture(async (t, keys) => {
    for (const d of FIXTURE_DATASETS) {
      const file = path.join(t.dir, `${d.name}.csv`);
      writeFileSync(file, toCsv(d.rows));
      const report = await new ImportService(t.wh, t.ws).import({ file, dataset: d.name, kind: d.kind });
      if (report.rowsImported !== d.rows.length) throw new Error(`fixture ${d.name}: imported ${report.rowsImported} of ${d.rows.length} rows`);
      const invalid = Object.entries(report.invalid).filter(([, n]) => n > 0);
      if (invalid.length > 0) throw new Error(`fixture ${d.name}: invalid values in ${JSON.stringify(invalid)}`);
      const rows = await t.wh.all<{ id: string; key: string }>(
        `SELECT CAST(_row_id AS VARCHAR) AS id, CAST(${quoteIdent(d.key)} AS VARCHAR) AS key FROM data.${quoteIdent(d.name)}`,
      );
      for (const r of rows) keys.set(`${d.name}#${r.id}`, `${d.name}:${r.key}`);
    }
  });
}

/** A fixture of agency files as they are (a library model's own fixtures), imported through the normal path. */
export async function buildFixtureFromFiles(files: readonly { readonly file: string; readonly dataset: string; readonly kind?: string | undefined }[]): Promise<Fixture> {
  return importFixture(async (t) => {
    for (const f of files) await new ImportService(t.wh, t.ws).import({ file: f.file, dataset: f.dataset, kind: f.kind });
  });
}

async function importFixture(load: (t: Awaited<ReturnType<typeof tempWorkspace>>, keys: Map<string, string>) => Promise<void>): Promise<Fixture> {
  const t = await tempWorkspace();
  try {
    const keys = new Map<string, string>();
    await load(t, keys);
    const datasets = await new DatasetRepository(t.wh).list();
    await ensurePinyinTable(t.wh);
    return {
      wh: t.wh,
      datasets,
      keyOf: (ref) => keys.get(ref) ?? `?${ref}`,
      dispose: t.dispose,
    };
  } catch (error) {
    t.dispose();
    throw error;
  }
}

/** The fixture warehouse itself. Closing it is the fixture's job. */
export function duckdbEngine(fx: Fixture): Promise<Engine> {
  return Promise.resolve({
    name: 'duckdb',
    dialect: 'duckdb',
    datasets: fx.datasets,
    query: async (sql, params) => {
      try {
        return await fx.wh.all<Record<string, unknown>>(sql, params);
      } catch (cause) {
        throw new EngineQueryError('duckdb', sql, params, cause);
      }
    },
    chunks: async (sql, params) => {
      try {
        return await fx.wh.queryChunks(sql, params);
      } catch (cause) {
        throw new EngineQueryError('duckdb', sql, params, cause);
      }
    },
    close: () => Promise.resolve(),
  });
}

/** An in-memory PGlite holding a copy of the fixture's `data.*` tables. */
export async function pgliteEngine(fx: Fixture): Promise<Engine> {
  const db = await PGlite.create();
  const query = async (sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> => {
    try {
      return (await db.query<Record<string, unknown>>(sql, [...params])).rows;
    } catch (cause) {
      throw new EngineQueryError('pglite', sql, params, cause);
    }
  };
  try {
    await copyDataTables(fx, query);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { name: 'pglite', dialect: 'postgres', datasets: fx.datasets, query, close: () => db.close() };
}

/**
 * A scratch database `jiandu_rules_<random>` on the server at `url`, holding a copy of the
 * fixture's tables; `close()` drops it. A database, not a schema, because compiled models name
 * schema `data` explicitly; test files running in parallel each get their own.
 */
export async function postgresEngine(fx: Fixture, url: string): Promise<Engine> {
  const scratch = `jiandu_rules_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, application_name: 'jiandu-rules-test' });
  await admin.connect();
  // template0 takes no connections, so parallel CREATE DATABASEs never find their template busy.
  await admin.query(`CREATE DATABASE ${quoteIdent(scratch)} TEMPLATE template0 ENCODING 'UTF8'`);
  const target = new URL(url);
  target.pathname = `/${scratch}`;
  const client = new pg.Client({ connectionString: target.toString(), application_name: 'jiandu-rules-test' });
  const drop = async (): Promise<void> => {
    try {
      await client.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`);
      await admin.end();
    }
  };
  const query = async (sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> => {
    try {
      return (await client.query<Record<string, unknown>>(sql, [...params])).rows;
    } catch (cause) {
      throw new EngineQueryError('postgres', sql, params, cause);
    }
  };
  try {
    await client.connect();
    await copyDataTables(fx, query);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name: 'postgres', dialect: 'postgres', datasets: fx.datasets, query, close: drop };
}

/** DuckDB column types of the warehouse and their PostgreSQL counterparts. */
export function postgresColumnType(duckdbType: string): string {
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(duckdbType);
  if (decimal) return `numeric(${decimal[1]},${decimal[2]})`;
  switch (duckdbType) {
    case 'VARCHAR':
      return 'text';
    case 'DATE':
      return 'date';
    case 'TIMESTAMP':
      return 'timestamp';
    case 'DOUBLE':
      return 'double precision';
    case 'BIGINT':
      return 'bigint';
    case 'INTEGER':
      return 'integer';
    case 'BOOLEAN':
      return 'boolean';
    default:
      throw new Error(`no PostgreSQL type for DuckDB column type ${duckdbType}`);
  }
}

/**
 * Copies every `data.*` table of the fixture warehouse into schema `data` of a PostgreSQL-dialect
 * database: same table and column names, matching types, same values. Values travel as text
 * (DOUBLE as JavaScript's shortest round-trip form, so they arrive bit for bit) and PostgreSQL
 * parses them into the column types.
 */
async function copyDataTables(fx: Fixture, query: (sql: string, params: readonly SqlValue[]) => Promise<unknown>): Promise<void> {
  // The syllable table person-name pinyin keys join (the DuckDB runner makes it a temp table).
  await query(`CREATE TABLE ${PINYIN_TABLE} (ch text PRIMARY KEY, py text NOT NULL, surname text)`, []);
  await query(`INSERT INTO ${PINYIN_TABLE} SELECT * FROM json_to_recordset($1::json) AS t(ch text, py text, surname text)`, [JSON.stringify(pinyinEntries())]);
  await query('CREATE SCHEMA data', []);
  const tables = await fx.wh.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'data' ORDER BY 1`);
  for (const { name } of tables) {
    const columns = await fx.wh.all<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'data' AND table_name = $1 ORDER BY ordinal_position`,
      [name],
    );
    const table = `data.${quoteIdent(name)}`;
    await query(`CREATE TABLE ${table} (${columns.map((c) => `${quoteIdent(c.name)} ${postgresColumnType(c.type)}`).join(', ')})`, []);
    const rows = await fx.wh.all<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY _row_id`);
    if (rows.length === 0) continue;
    const params: (string | null)[] = [];
    const tuples = rows.map((row) => `(${columns.map((c) => `$${params.push(asText(row[c.name]))}`).join(', ')})`);
    await query(`INSERT INTO ${table} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  throw new Error(`cannot copy value ${JSON.stringify(v)}`);
}

/**
 * Compiles a model for the engine's dialect (inputs bound to the fixture's datasets, parameters
 * resolved from their defaults and `params`), runs it, decodes its rows with the runner's
 * {@link LeadHitMapper} — DuckDB's result chunks column-wise, as the runner reads them; the
 * PostgreSQL engines' row objects, each value's type checked first — and returns its leads
 * normalised and sorted by subject.
 *
 * @example
 * const leads = await runModel(engine, spec, { asOf: '2024-06-30', params: { days: '365' } });
 */
export async function runModel(engine: Engine, spec: ModelSpec, options: RunOptions): Promise<Lead[]> {
  const { bindings, fieldTypes } = bindInputs(spec, engine.datasets);
  const parameters = resolveParameters(spec, options.params ?? {});
  const compiled = compileModel(spec, { dialect: engine.dialect, bindings, fieldTypes, parameters, asOf: options.asOf });
  const mapper = new LeadHitMapper(spec, compiled.plan, compiled.columns, parameters, options.asOf);
  let decoded: DecodedHit[];
  if (engine.chunks) {
    const { columnNames, chunks } = await engine.chunks(compiled.sql, compiled.parameters);
    const decode = mapper.decodeChunks(columnNames);
    decoded = [];
    for await (const chunk of chunks) decode(chunk, decoded);
  } else {
    const rows = await engine.query(compiled.sql, compiled.parameters);
    decoded = rows.map((row) => mapper.decodeRow(checkRow(row, compiled.columns)));
  }
  const leads = decoded.map(
    (d): Lead => ({
      fingerprint: d.fingerprint,
      subject: d.subject,
      templates: d.templates,
      amount: d.amount,
      evidence: d.evidence.map((e) => `${e.dataset}#${e.rowId}`).sort(),
      flags: d.flags,
      explainValues: d.explainValues,
      hit: d.hit,
    }),
  );
  return leads.sort((a, b) => compareText(JSON.stringify(a.subject), JSON.stringify(b.subject)) || compareText(a.fingerprint, b.fingerprint));
}

/** A row whose every value has the type the compiler promises: text, booleans, a number, JSON evidence. */
function checkRow(row: Record<string, unknown>, columns: OutputColumns): Record<string, unknown> {
  const texts = row[columns.texts];
  if (!Array.isArray(texts) || texts.some((t) => t !== null && typeof t !== 'string')) throw new Error(`column ${columns.texts} should be a JSON array of texts, got ${JSON.stringify(texts)}`);
  for (const x of columns.explain) {
    if (x.flag === true) continue;
    const v = row[x.flag];
    if (v !== null && typeof v !== 'boolean') throw new Error(`explanation flag ${x.flag} should be boolean, got ${JSON.stringify(v)}`);
  }
  if (columns.amount !== null) {
    const v = row[columns.amount];
    if (v !== null && typeof v !== 'number' && (typeof v !== 'string' || Number.isNaN(Number(v)))) throw new Error(`amount should be a number, got ${JSON.stringify(v)}`);
  }
  for (const e of columns.evidence) {
    const v = row[e.column];
    if (!Array.isArray(v) || v.some((item) => !Array.isArray(item) || item.length !== (e.datasets.length > 1 ? 3 : 2))) {
      throw new Error(`evidence ${e.column} should be a JSON array of [${e.datasets.length > 1 ? 'd, ' : ''}b, r] arrays, got ${JSON.stringify(v)}`);
    }
  }
  return row;
}

/** The fingerprint a lead should have: md5 of the model id and the subject texts, joined by U+001F. */
export function expectedFingerprint(modelId: string, subject: readonly (string | null)[]): string {
  return createHash('md5')
    .update([modelId, ...subject.map((s) => s ?? '')].join('\u001f'))
    .digest('hex');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
