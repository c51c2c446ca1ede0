import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOBACCO_CSV_FACTS, writeTobaccoCsv } from '../fixtures/agency-csv.js';
import { runCli } from '../support/run-cli.js';

// These tests run the built command (bin/jiandu.js → dist/), as a user does; `npm test` builds first.
let dir: string;
let ws: string;
let csv: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-cli-'));
  ws = path.join(dir, 'ws');
  csv = path.join(dir, '烟草.csv');
  writeTobaccoCsv(csv);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function json<T>(args: string[]): T {
  const r = runCli(args, ws);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('the jiandu command', () => {
  it('prints help listing its commands', () => {
    const r = runCli(['--help'], ws);
    expect(r.status).toBe(0);
    for (const cmd of ['import', 'kinds', 'datasets', 'batches']) expect(r.stdout).toContain(cmd);
  });

  it('imports with --json and prints the documented report', () => {
    const report = json<Record<string, unknown>>(['import', csv, '--dataset', 'tobacco', '--kind', 'tobacco_retailer', '--agency', '烟草专卖局', '--json']);
    for (const key of ['dataset', 'batchId', 'rowsRead', 'rowsImported', 'rowsQuarantined', 'quarantineFile', 'skippedRows', 'mapping', 'invalid', 'warnings']) {
      expect(report).toHaveProperty(key);
    }
    expect(report['rowsImported']).toBe(TOBACCO_CSV_FACTS.imported);
    expect(report['rowsQuarantined']).toBe(TOBACCO_CSV_FACTS.quarantined);
  });

  it('refuses the same file again with exit status 2 and a JSON error', () => {
    const r = runCli(['import', csv, '--dataset', 'tobacco', '--json'], ws);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--force');
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('duplicate_import');
  });

  it('reports a missing file and an unknown kind clearly', () => {
    const missing = runCli(['import', path.join(dir, 'nope.csv'), '--dataset', 'x'], ws);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('无法读取文件');
    const kind = runCli(['import', csv, '--dataset', 'y', '--kind', 'no_such_kind'], ws);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('tobacco_retailer');
  });

  it('lists the catalogue with kinds --json', () => {
    const kinds = json<{ id: string; fields: { name: string; type: string; required: boolean; aliases: string[] }[] }[]>(['kinds', '--json']);
    expect(kinds.length).toBeGreaterThanOrEqual(30);
    const tobacco = kinds.find((k) => k.id === 'tobacco_retailer');
    expect(tobacco?.fields.some((f) => f.required)).toBe(true);
  });

  it('shows datasets with fill rates and invalid counts', () => {
    const list = json<{ name: string; rows: number; batches: number }[]>(['datasets', 'list', '--json']);
    expect(list).toContainEqual(expect.objectContaining({ name: 'tobacco', rows: TOBACCO_CSV_FACTS.imported, batches: 1 }));
    const show = json<{ fields: { name: string; fillRate: number; invalid: number }[]; batches: { agency: string }[] }>(['datasets', 'show', 'tobacco', '--json']);
    const id = show.fields.find((f) => f.name === 'legal_rep_id_number');
    expect(id?.invalid).toBe(TOBACCO_CSV_FACTS.invalidIds);
    expect(id?.fillRate).toBeCloseTo((TOBACCO_CSV_FACTS.imported - TOBACCO_CSV_FACTS.invalidIds) / TOBACCO_CSV_FACTS.imported);
    expect(show.fields.find((f) => f.name === 'lat')?.fillRate).toBe(0);
    expect(show.batches[0]?.agency).toBe('烟草专卖局');
  });

  it('records import times in UTC on a machine in any zone, and shows them in Beijing time', () => {
    const file = path.join(dir, 'zoned.csv');
    writeFileSync(file, '许可证号,店名\n1,甲\n');
    const before = Date.now();
    const r = runCli(['import', file, '--dataset', 'zoned', '--kind', 'tobacco_retailer', '--json'], ws, { TZ: 'Asia/Shanghai' });
    expect(r.status, r.stderr).toBe(0);
    const [batch] = json<{ importedAt: string }[]>(['batches', 'list', '--dataset', 'zoned', '--json']);
    const at = new Date(batch?.importedAt ?? '');
    expect(batch?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(at.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(at.getTime()).toBeLessThanOrEqual(Date.now());
    const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(runCli(['batches', 'list', '--dataset', 'zoned'], ws, { JIANDU_TZ: '' }).stdout).toContain(beijing);
    expect(runCli(['batches', 'list', '--dataset', 'zoned'], ws, { JIANDU_TZ: 'UTC' }).stdout).toContain(at.toISOString().slice(0, 19).replace('T', ' '));
    const bad = runCli(['batches', 'list', '--dataset', 'zoned'], ws, { JIANDU_TZ: 'Mars/Olympus' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('JIANDU_TZ');
  });

  it('removes a batch and its rows', () => {
    const small = path.join(dir, 'small.csv');
    writeFileSync(small, '许可证号,店名\n1,甲\n2,乙\n');
    const r = json<{ batchId: number }>(['import', small, '--dataset', 'tobacco', '--json']);
    const removed = json<{ rowsRemoved: number }>(['batches', 'remove', String(r.batchId), '--json']);
    expect(removed.rowsRemoved).toBe(2);
    const batches = json<{ batchId: number }[]>(['batches', 'list', '--dataset', 'tobacco', '--json']);
    expect(batches.map((b) => b.batchId)).not.toContain(r.batchId);
    expect(runCli(['batches', 'remove', String(r.batchId)], ws).status).toBe(2);
  });
});
