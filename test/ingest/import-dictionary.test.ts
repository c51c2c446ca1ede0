import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawTextSql } from '../../src/warehouse/dataset.repository.js';
import { ImportService } from '../../src/ingest/import.service.js';
import { normalizeDate, normalizeMoney, normalizeOrgName } from '../../src/normalize/index.js';
import { tempWorkspace } from '../support/temp-workspace.js';

let t: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  t = await tempWorkspace();
});
afterEach(() => t.dispose());

describe('large files: columns with few distinct values are normalised once per value', () => {
  it('gives the same values as row-by-row normalisation, invalid values included', async () => {
    const dates = ['2023年5月1日', '2023/5/2', '20230503', '2023.5.4', '45051', '2023-13-01', '不详'];
    const amounts = ['1.5', '2', '0.35', '12,000', 'abc', '3万元'];
    const orgs = ['六枝特区（平寨）超市', '六枝特区(平寨)超市', 'ＡＢＣ商行', '  兴旺 商行 '];
    const lines = ['序号,登记日期,金额（万元）,单位名称'];
    for (let i = 0; i < 12_000; i++) lines.push(`${i + 1},${dates[i % dates.length]},"${amounts[i % amounts.length]}",${orgs[i % orgs.length]}`);
    const file = path.join(t.dir, 'big.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'big' });
    expect(r.rowsImported).toBe(12_000);
    const [d, m, o] = [r.mapping['登记日期'], r.mapping['金额（万元）'], r.mapping['单位名称']];
    const rows = await t.wh.all<{ raw: string; norm: string | null }>(
      `SELECT DISTINCT ${rawTextSql(d ?? '')} AS raw, strftime("${d}", '%Y-%m-%d') AS norm FROM data.big`,
    );
    for (const row of rows) expect(row.norm, row.raw).toBe(normalizeDate(row.raw));
    const money = await t.wh.all<{ raw: string; norm: number | null }>(`SELECT DISTINCT ${rawTextSql(m ?? '')} AS raw, "${m}"::DOUBLE AS norm FROM data.big`);
    for (const row of money) expect(row.norm, row.raw).toBe(normalizeMoney(row.raw, 'wan'));
    const names = await t.wh.all<{ raw: string; norm: string | null }>(`SELECT DISTINCT ${rawTextSql(o ?? '')} AS raw, "${o}" AS norm FROM data.big`);
    for (const row of names) expect(row.norm, row.raw).toBe(normalizeOrgName(row.raw));
    // The source text of every cell comes back exactly, whether it was stored or not.
    const texts = await t.wh.all<{ d: string; m: string; o: string }>(
      `SELECT ${rawTextSql(d ?? '')} AS d, ${rawTextSql(m ?? '')} AS m, ${rawTextSql(o ?? '')} AS o FROM data.big ORDER BY _row_id`,
    );
    expect(texts.map((x) => `${x.d},"${x.m}",${x.o}`)).toEqual(lines.slice(1).map((l) => l.slice(l.indexOf(',') + 1)));
    const stored = await t.wh.one<{ n: number }>(`SELECT count("${d}__raw")::INTEGER AS n FROM data.big WHERE "${d}" IS NOT NULL AND "${d}__raw" = strftime("${d}", '%Y-%m-%d')`);
    expect(stored?.n).toBe(0);
    // Every row of an invalid value is counted, not every distinct value.
    const invalidRows = Array.from({ length: 12_000 }, (_, i) => dates[i % dates.length] ?? '').filter((x) => normalizeDate(x) === null).length;
    expect(invalidRows).toBeGreaterThan(dates.length);
    expect(r.invalid[d ?? '']).toBe(invalidRows);
  });

  it('counts invalid values of data rows only: a 合计 row whose cells fail normalisation is listed, not counted', async () => {
    const dates = ['2023年5月1日', '2023/5/2', '不详'];
    const lines = ['序号,登记日期,金额（万元）'];
    for (let i = 0; i < 12_000; i++) lines.push(`${i + 1},${dates[i % dates.length]},"${(i % 50) + 0.5}"`);
    // A distinct invalid date and amount that only the total row holds, and values data rows hold too.
    lines.push('合计,见附表,共计若干', '小计,不详,abc');
    const file = path.join(t.dir, 'totals.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'totals' });
    expect(r.rowsImported).toBe(12_000);
    expect(r.skippedRows.filter((x) => x.reason === 'total').map((x) => x.text)).toEqual(['合计 见附表 共计若干', '小计 不详 abc']);
    expect(r.rowsRead).toBe(12_000 + 2 + 1);
    const [d, m] = [r.mapping['登记日期'] ?? '', r.mapping['金额（万元）'] ?? ''];
    expect(r.invalid[d]).toBe(4_000);
    expect(r.invalid[m]).toBe(0);
    const stored = await t.wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM data.totals WHERE "${d}" IS NULL`);
    expect(stored?.n).toBe(4_000);
  });
});
