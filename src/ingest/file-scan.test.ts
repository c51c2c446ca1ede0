import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256File } from './file-scan.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jiandu-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sha256File, the provenance hash of a batch (computed in a worker thread)', () => {
  it('gives the SHA-256 of the whole file, across many read chunks', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const file = path.join(dir, 'export.csv');
    writeFileSync(file, bytes);
    expect(await sha256File(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('hashes an empty file', async () => {
    const file = path.join(dir, 'empty.csv');
    writeFileSync(file, '');
    expect(await sha256File(file)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('rejects with the read error of a missing file', async () => {
    await expect(sha256File(path.join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
