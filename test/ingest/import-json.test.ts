import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawTextSql } from '../../src/warehouse/dataset.repository.js';
import { ImportService } from '../../src/ingest/import.service.js';
import { tempWorkspace } from '../support/temp-workspace.js';
import { withIdCheck } from '../support/id-numbers.js';

let t: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  t = await tempWorkspace();
});
afterEach(() => t.dispose());

describe('importing JSON exports', () => {
  it('imports an array of objects; keys become columns in order of first appearance', async () => {
    const file = path.join(t.dir, 'deaths.json');
    const id = withIdCheck('52020319400101123');
    writeFileSync(file, JSON.stringify([
      { 姓名: '张三', 身份证号: id, 死亡日期: '2022年3月1日' },
      { 姓名: '李四', 身份证号: '52020319400101', 死亡日期: '2022-03-02', 备注: { 来源: '公安' } },
    ]));
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'deaths' });
    expect(r.format).toBe('json');
    expect(r.rowsImported).toBe(2);
    expect(Object.keys(r.mapping)).toEqual(['姓名', '身份证号', '死亡日期', '备注']);
    expect(r.invalid[r.mapping['身份证号'] ?? '']).toBe(1);
    const rows = await t.wh.all<{ note: string | null }>(`SELECT ${rawTextSql(r.mapping['备注'] ?? '')} AS note FROM data.deaths ORDER BY _row_id`);
    expect(rows[1]?.note).toBe('{"来源":"公安"}');
  });

  it('quarantines NDJSON lines that are not JSON objects, with their line numbers', async () => {
    const file = path.join(t.dir, 'claims.ndjson');
    writeFileSync(file, ['{"身份证号":"1","金额":"100元"}', '{"身份证号":"2","金额":', '', '[1,2]', '{"身份证号":"3","金额":"2万元"}'].join('\n'));
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'claims' });
    expect(r.rowsImported).toBe(2);
    expect(r.rowsQuarantined).toBe(2);
    const q = await t.wh.all<{ line: number }>(`SELECT "行号"::INTEGER AS line FROM read_csv($1, header = true, all_varchar = true) ORDER BY 1`, [r.quarantineFile ?? '']);
    expect(q.map((x) => x.line)).toEqual([2, 4]);
  });

  it('refuses a JSON array that does not parse, naming the file, and leaves nothing behind', async () => {
    const file = path.join(t.dir, 'broken.json');
    writeFileSync(file, '[{"a": 1}, {"a": ');
    await expect(new ImportService(t.wh, t.ws).import({ file, dataset: 'broken' })).rejects.toThrow(/broken\.json/);
    const n = await t.wh.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM jiandu.datasets`);
    expect(n[0]?.n).toBe(0);
  });
});
