import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesizeCounty } from '../../src/synth/synth.service.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'jiandu-synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]),
  );
}

describe('jiandu synth', () => {
  it('the same seed gives byte-identical files; another seed does not', async () => {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    const c = path.join(root, 'c');
    await synthesizeCounty({ outDir: a, scale: 0.05, seed: 5 });
    await synthesizeCounty({ outDir: b, scale: 0.05, seed: 5 });
    await synthesizeCounty({ outDir: c, scale: 0.05, seed: 6 });
    const da = digest(a);
    expect(Object.keys(da).length).toBeGreaterThan(10);
    expect(digest(b)).toEqual(da);
    const dc = digest(c);
    expect(Object.keys(da).filter((f) => dc[f] !== da[f]).length).toBeGreaterThan(0);
  }, 120_000);

  it('refuses to write over an existing county and rejects a bad scale', async () => {
    const d = path.join(root, 'd');
    await synthesizeCounty({ outDir: d, scale: 0.01, seed: 1 });
    await expect(synthesizeCounty({ outDir: d, scale: 0.01, seed: 1 })).rejects.toThrow(/已有数据文件/);
    await expect(synthesizeCounty({ outDir: path.join(root, 'e'), scale: 0 })).rejects.toThrow(/--scale/);
  });
});
