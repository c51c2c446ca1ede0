import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/run-cli.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'jiandu-cli-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('jiandu synth and demo (CLI)', () => {
  it('synth --json prints the manifest and writes the county', () => {
    const out = path.join(root, 'county');
    const r = runCli(['synth', '--out', out, '--scale', '0.02', '--seed', '3', '--json'], path.join(root, 'ws0'));
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout) as { seed: number; scale: number; asOf: string; rows: number; files: { file: string; kind: string }[]; scenarios: unknown[] };
    expect(m).toMatchObject({ seed: 3, scale: 0.02, asOf: '2024-06-30' });
    expect(m.rows).toBeGreaterThan(0);
    for (const f of m.files) expect(existsSync(path.join(out, f.file))).toBe(true);
    expect(readFileSync(path.join(out, 'ground-truth.ndjson'), 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });

  it('synth refuses a bad scale with exit 2 and a JSON error', () => {
    const r = runCli(['synth', '--out', path.join(root, 'bad'), '--scale', 'abc', '--json'], path.join(root, 'ws0'));
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'invalid_argument' } });
  });

  it('demo --no-serve imports, runs every model and prints the leads table; run afterwards finds nothing new', () => {
    const ws = path.join(root, 'ws1');
    const r = runCli(['demo', '--no-serve', '--scale', '0.05'], ws);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/模型\t线索\t新增\t真值\t查准率\t查全率/);
    expect(r.stdout).not.toMatch(/失败|未运行/);
    const again = runCli(['run', '--json'], ws);
    expect(again.status, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { models: { new: number }[] };
    expect(summary.models.length).toBeGreaterThanOrEqual(18);
    expect(summary.models.reduce((n, m) => n + m.new, 0)).toBe(0);
  }, 300_000);

  it('demo serves the JSON API until interrupted', async () => {
    const ws = path.join(root, 'ws1');
    const port = 18_000 + Math.floor(Math.random() * 2000);
    const child = startCli(['demo', '--scale', '0.05', '--port', String(port)], ws);
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    try {
      const deadline = Date.now() + 120_000;
      while (!stderr.includes('JSON 接口') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
      expect(stderr).toContain(`http://127.0.0.1:${port}/api`);
      const res = await fetch(`http://127.0.0.1:${port}/api/models`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[]).length).toBeGreaterThanOrEqual(18);
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
    expect(child.exitCode).toBe(0);
  }, 180_000);
});
