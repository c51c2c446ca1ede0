import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../src/ingest/import.service.js';
import { AGENCY_WORKBOOK_FACTS as F, writeAgencyWorkbook } from '../fixtures/agency-workbook.js';
import { tempWorkspace } from '../support/temp-workspace.js';

let t: Awaited<ReturnType<typeof tempWorkspace>>;
let file: string;
beforeEach(async () => {
  t = await tempWorkspace();
  file = path.join(t.dir, '施工许可台账.xlsx');
  await writeAgencyWorkbook(file);
});
afterEach(() => t.dispose());

interface PermitRow {
  line: number;
  owner: string | null;
  uscc: string | null;
  d: string | null;
  amount: number | null;
}

async function permits(): Promise<PermitRow[]> {
  return t.wh.all<PermitRow>(
    `SELECT _line::INTEGER AS line, owner_name AS owner, uscc, strftime(issue_date, '%Y-%m-%d') AS d, contract_amount::DOUBLE AS amount
     FROM data.permits ORDER BY _line`,
  );
}

describe('importing an XLSX export with a merged title, serial dates and a 合计 row', () => {
  it('finds the header below the title rows and accounts for every row', async () => {
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'permits', kind: 'construction_permit', sheet: F.dataSheet.name });
    expect(r.sheet).toBe(F.dataSheet.name);
    expect(r.rowsImported).toBe(F.dataRowCount);
    expect(r.rowsQuarantined).toBe(0);
    expect(r.skippedRows.map((s) => [s.line, s.reason])).toEqual([
      [F.titleLine, 'title'],
      [F.noteLine, 'title'],
      [F.headerLine, 'header'],
      [F.totalLine, 'total'],
      [F.footerLine, 'note'],
    ]);
    expect(r.rowsRead).toBe(r.rowsImported + r.rowsQuarantined + r.skippedRows.length);
    const rows = await permits();
    expect(rows[0]?.line).toBe(F.firstDataLine);
    expect(rows.at(-1)?.line).toBe(F.lastDataLine);
  });

  it('reads date cells, serial numbers, text dates and formula results as dates', async () => {
    await new ImportService(t.wh, t.ws).import({ file, dataset: 'permits', kind: 'construction_permit', sheet: 2 });
    const rows = await permits();
    const byLine = new Map(rows.map((r) => [r.line, r]));
    for (const line of [...F.lines.dateCells, ...F.lines.serialDates]) expect(byLine.get(line)?.d).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(byLine.get(F.lines.textDate)?.d).toBe('2023-05-01');
    expect(byLine.get(F.lines.formulaDate)?.d).toBe('2023-06-30');
    expect(rows.every((r) => r.d !== null)).toBe(true);
  });

  it('fills a vertically merged cell down and converts 万元 amounts to yuan', async () => {
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'permits', kind: 'construction_permit', sheet: F.dataSheet.name });
    const rows = await permits();
    const merged = rows.filter((x) => x.line >= F.merges.company.top && x.line <= F.merges.company.bottom);
    expect(merged.length).toBe(F.merges.company.bottom - F.merges.company.top + 1);
    expect(new Set(merged.map((x) => x.owner)).size).toBe(1);
    expect(merged[0]?.owner).not.toBeNull();
    const total = rows.reduce((s, x) => s + (x.amount ?? 0), 0);
    expect(total).toBeCloseTo(F.amountTotal * 10_000, 2);
    expect(r.invalid['uscc']).toBe(1);
    expect(rows.find((x) => x.line === F.lines.invalidCreditCode)?.uscc).toBeNull();
  });

  it('names the available sheets when the requested one does not exist', async () => {
    await expect(new ImportService(t.wh, t.ws).import({ file, dataset: 'permits', sheet: '不存在' })).rejects.toThrow(/说明、施工许可/);
  });
});
