import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsxSheet } from '../../src/ingest/readers/xlsx-reader.js';
import { columnLetters, XlsxStreamWriter } from '../../src/synth/writers/xlsx-writer.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-xlsx-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streaming XLSX writer', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes a sheet bigger than its flush chunk that our reader reads back cell for cell, merges included', async () => {
    const file = path.join(dir, 'big.xlsx');
    const w = new XlsxStreamWriter(file, '立案登记');
    w.row(['毕节市公安局 立案登记台账']);
    w.mergeLastRow(0, 3);
    w.row(['案件编号', '案件名称', '立案日期', '金额']);
    const n = 30_000;
    for (let i = 0; i < n; i++) w.row([`A${i}`, i % 7 === 0 ? null : `张某<盗窃>&"案"${i}`, 45_000 + (i % 365), i * 1.5]);
    w.close();
    expect(statSync(file).size).toBeGreaterThan(0);
    const reader = await openXlsxSheet(file);
    expect(reader.sheet.name).toBe('立案登记');
    const rows = [];
    for await (const r of reader.rows()) rows.push(r);
    expect(rows).toHaveLength(n + 2);
    expect(rows[0]?.cells[0]).toBe('毕节市公安局 立案登记台账');
    expect(reader.merges()).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(rows[2]?.cells).toEqual(['A0', null, '45000', '0']);
    expect(rows[3]?.cells).toEqual(['A1', '张某<盗窃>&"案"1', '45001', '1.5']);
    expect(rows[n + 1]?.line).toBe(n + 2);
    expect(rows[n + 1]?.cells[0]).toBe(`A${n - 1}`);
  });
});
