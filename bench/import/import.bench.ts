/**
 * Import benchmark (issue 2): a generated 1,000,000-row registry export as UTF-8 CSV and as GBK
 * CSV, and a 200,000-row XLSX, imported through the normal path; the baseline is DuckDB's bare
 * `read_csv` of the same UTF-8 file into a table, measured in the same run.
 *
 *   npm run bench:import            (BENCH_ROWS and BENCH_XLSX_ROWS override the sizes)
 *
 * The machine is shared and two-core, so wall times are noisy: BENCH_ROUNDS=n (default 1) repeats
 * every measurement n times in turn and keeps each one's fastest run, and each line also prints
 * the process CPU time (all DuckDB threads), which other load disturbs less than wall time.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ImportService } from '../../src/ingest/import.service.js';
import { Warehouse, WAREHOUSE_STORAGE_VERSION } from '../../src/warehouse/warehouse.js';
import { openWorkspace } from '../../src/workspace/workspace.js';
import { writeBenchCsv, writeBenchXlsx } from '../support/export-generator.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const XLSX_ROWS = Number(process.env['BENCH_XLSX_ROWS'] ?? 200_000);
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 1));
const out = path.resolve('bench/out/import');
mkdirSync(out, { recursive: true });

interface Timing {
  readonly ms: number;
  /** Process CPU milliseconds (user + system, all threads). */
  readonly cpu: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<Timing & { value: T }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, value };
}

/** The fastest of several runs (wall and CPU each at their minimum). */
function fastest<T extends Timing>(runs: readonly T[]): T {
  const first = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...first, cpu: Math.min(...runs.map((r) => r.cpu)) };
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
async function baseline(target: ':memory:' | 'file'): Promise<Timing> {
  const file = path.join(out, 'baseline.duckdb');
  rmSync(file, { force: true });
  // The warehouse's own storage format, so the comparison is the same engine writing the same file kind.
  const db = await DuckDBInstance.create(target === 'file' ? file : ':memory:', target === 'file' ? { storage_compatibility_version: WAREHOUSE_STORAGE_VERSION } : {});
  const c = await db.connect();
  const { ms, cpu } = await timed(() => c.run(`CREATE TABLE t AS SELECT * FROM read_csv($1, skip = 1, header = true)`, [utf8]));
  c.closeSync();
  db.closeSync();
  rmSync(file, { force: true });
  return { ms, cpu };
}

async function ours(file: string, dataset: string): Promise<Timing & { rows: number }> {
  const wsDir = path.join(out, `ws-${dataset}`);
  rmSync(wsDir, { recursive: true, force: true });
  const ws = openWorkspace({ workspace: wsDir });
  const wh = await Warehouse.open(ws.warehousePath);
  try {
    const { ms, cpu, value } = await timed(() => new ImportService(wh, ws).import({ file, dataset }));
    return { ms, cpu, rows: value.rowsImported };
  } finally {
    wh.close();
    rmSync(wsDir, { recursive: true, force: true });
  }
}

const runs: Record<'base' | 'baseFile' | 'u' | 'g' | 'x', (Timing & { rows?: number })[]> = { base: [], baseFile: [], u: [], g: [], x: [] };
for (let round = 0; round < ROUNDS; round++) {
  // The bare read twice per round, as before: its first run also warms the page cache.
  runs.base.push(await baseline(':memory:'), await baseline(':memory:'));
  runs.baseFile.push(await baseline('file'), await baseline('file'));
  runs.u.push(await ours(utf8, 'bench_utf8'));
  runs.g.push(await ours(gbk, 'bench_gbk'));
  runs.x.push(await ours(xlsx, 'bench_xlsx'));
}
const base = fastest(runs.base);
const baseFile = fastest(runs.baseFile);
const [u, g, x] = [fastest(runs.u), fastest(runs.g), fastest(runs.x)];
const rate = (rows: number, ms: number): string => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
const cpu = (t: Timing): string => `CPU ${(t.cpu / 1000).toFixed(1)} s`;
const lines = [
  `bare DuckDB read_csv (UTF-8, ${ROWS} rows) into memory: ${base.ms.toFixed(0)} ms, ${rate(ROWS, base.ms)}, ${cpu(base)}; into a database file (the warehouse's storage format): ${baseFile.ms.toFixed(0)} ms, ${cpu(baseFile)}`,
  `jiandu import UTF-8 CSV: ${u.ms.toFixed(0)} ms, ${rate(u.rows ?? 0, u.ms)}, ratio to bare read_csv ${(u.ms / base.ms).toFixed(2)}x (goal ≤ 2x); to read_csv into a file ${(u.ms / baseFile.ms).toFixed(2)}x; ${cpu(u)}`,
  `jiandu import GBK CSV:   ${g.ms.toFixed(0)} ms, ${rate(g.rows ?? 0, g.ms)}, ratio to bare read_csv ${(g.ms / base.ms).toFixed(2)}x (goal ≤ 3x); to read_csv into a file ${(g.ms / baseFile.ms).toFixed(2)}x; ${cpu(g)}`,
  `jiandu import XLSX (${XLSX_ROWS} rows): ${x.ms.toFixed(0)} ms, ${rate(x.rows ?? 0, x.ms)} (goal ≥ 50,000 rows/s); ${cpu(x)}`,
];
if (ROUNDS > 1) lines.push(`(fastest of ${ROUNDS} rounds)`);
process.stdout.write(`${lines.join('\n')}\n`);
