/**
 * Import benchmark (issue 2): a generated 1,000,000-row registry export as UTF-8 CSV and as GBK
 * CSV, and a 200,000-row XLSX, imported through the normal path; the baseline is DuckDB's bare
 * `read_csv` of the same UTF-8 file into a table, measured in the same run.
 *
 *   npm run bench:import            (BENCH_ROWS and BENCH_XLSX_ROWS override the sizes)
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ImportService } from '../../src/ingest/import.service.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { openWorkspace } from '../../src/workspace/workspace.js';
import { writeBenchCsv, writeBenchXlsx } from '../support/export-generator.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const XLSX_ROWS = Number(process.env['BENCH_XLSX_ROWS'] ?? 200_000);
const out = path.resolve('bench/out/import');
mkdirSync(out, { recursive: true });

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function ensure(file: string, make: () => Promise<void>): Promise<string> {
  if (!existsSync(file)) {
    process.stdout.write(`generating ${path.basename(file)} …\n`);
    await make();
  }
  return file;
}

const utf8 = await ensure(path.join(out, `registry-${ROWS}.utf8.csv`), () => writeBenchCsv(path.join(out, `registry-${ROWS}.utf8.csv`), ROWS, 'utf-8'));
const gbk = await ensure(path.join(out, `registry-${ROWS}.gbk.csv`), () => writeBenchCsv(path.join(out, `registry-${ROWS}.gbk.csv`), ROWS, 'gbk'));
const xlsx = await ensure(path.join(out, `registry-${XLSX_ROWS}.xlsx`), () => writeBenchXlsx(path.join(out, `registry-${XLSX_ROWS}.xlsx`), XLSX_ROWS));

/** DuckDB reading the same file into a table by itself: in memory, and into a database file as an import must. */
async function baseline(target: ':memory:' | 'file'): Promise<number> {
  const file = path.join(out, 'baseline.duckdb');
  rmSync(file, { force: true });
  const db = await DuckDBInstance.create(target === 'file' ? file : ':memory:');
  const c = await db.connect();
  const { ms } = await timed(() => c.run(`CREATE TABLE t AS SELECT * FROM read_csv($1, skip = 1, header = true)`, [utf8]));
  c.closeSync();
  db.closeSync();
  rmSync(file, { force: true });
  return ms;
}

async function ours(file: string, dataset: string): Promise<{ ms: number; rows: number }> {
  const wsDir = path.join(out, `ws-${dataset}`);
  rmSync(wsDir, { recursive: true, force: true });
  const ws = openWorkspace({ workspace: wsDir });
  const wh = await Warehouse.open(ws.warehousePath);
  try {
    const { ms, value } = await timed(() => new ImportService(wh, ws).import({ file, dataset }));
    return { ms, rows: value.rowsImported };
  } finally {
    wh.close();
    rmSync(wsDir, { recursive: true, force: true });
  }
}

const best = async (target: ':memory:' | 'file'): Promise<number> => Math.min(await baseline(target), await baseline(target));
const base = await best(':memory:');
const baseFile = await best('file');
const u = await ours(utf8, 'bench_utf8');
const g = await ours(gbk, 'bench_gbk');
const x = await ours(xlsx, 'bench_xlsx');
const rate = (rows: number, ms: number): string => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
const lines = [
  `bare DuckDB read_csv (UTF-8, ${ROWS} rows) into memory: ${base.toFixed(0)} ms, ${rate(ROWS, base)}; into a database file: ${baseFile.toFixed(0)} ms`,
  `jiandu import UTF-8 CSV: ${u.ms.toFixed(0)} ms, ${rate(u.rows, u.ms)}, ratio to bare read_csv ${(u.ms / base).toFixed(2)}x (goal ≤ 2x); to read_csv into a file ${(u.ms / baseFile).toFixed(2)}x`,
  `jiandu import GBK CSV:   ${g.ms.toFixed(0)} ms, ${rate(g.rows, g.ms)}, ratio to bare read_csv ${(g.ms / base).toFixed(2)}x (goal ≤ 3x); to read_csv into a file ${(g.ms / baseFile).toFixed(2)}x`,
  `jiandu import XLSX (${XLSX_ROWS} rows): ${x.ms.toFixed(0)} ms, ${rate(x.rows, x.ms)} (goal ≥ 50,000 rows/s)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
