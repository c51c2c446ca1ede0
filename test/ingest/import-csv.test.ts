import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../src/ingest/import.service.js';
import { JianduError } from '../../src/shared/errors.js';
import { BatchRepository } from '../../src/warehouse/batch.repository.js';
import { DatasetRepository } from '../../src/warehouse/dataset.repository.js';
import { TOBACCO_CSV_FACTS, writeTobaccoCsv } from '../fixtures/agency-csv.js';
import iconv from 'iconv-lite';
import { tempWorkspace } from '../support/temp-workspace.js';
import { withIdCheck, withUsccCheck } from '../support/id-numbers.js';

let t: Awaited<ReturnType<typeof tempWorkspace>>;
let file: string;
beforeEach(async () => {
  t = await tempWorkspace();
  file = path.join(t.dir, '烟草零售户.csv');
  writeTobaccoCsv(file);
});
afterEach(() => t.dispose());

describe('importing a GBK agency CSV with title rows and broken lines', () => {
  it('accounts for every row: imported + quarantined + non-data = read', async () => {
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'tobacco' });
    expect(r.encoding).toBe('gb18030');
    expect(r.rowsImported).toBe(TOBACCO_CSV_FACTS.imported);
    expect(r.rowsQuarantined).toBe(TOBACCO_CSV_FACTS.quarantined);
    expect(r.skippedRows.map((s) => s.reason)).toEqual(['title', 'title', 'header', 'total']);
    expect(r.rowsRead).toBe(r.rowsImported + r.rowsQuarantined + r.skippedRows.length);
  });

  it('quarantines unparseable rows with their line number and reason', async () => {
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'tobacco' });
    expect(r.quarantineFile).not.toBeNull();
    const rows = await t.wh.all<{ line: number; reason: string; raw: string }>(
      `SELECT "行号"::INTEGER AS line, "原因" AS reason, "原始内容" AS raw FROM read_csv($1, header = true, all_varchar = true) ORDER BY 1`,
      [r.quarantineFile ?? ''],
    );
    expect(rows.map((q) => q.line)).toEqual([...TOBACCO_CSV_FACTS.quarantinedLines]);
    expect(rows[0]?.reason).toContain('列数不足');
    expect(rows[0]?.raw).toContain('残缺的一行');
    expect(rows[1]?.reason).toContain('引号');
    expect(rows[2]?.reason).toContain('无法解码');
  });

  it('infers the type of each column of a custom dataset and normalises the values', async () => {
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'tobacco' });
    const idField = r.mapping['负责人身份证号'];
    const usccField = r.mapping['统一社会信用代码'];
    const moneyField = r.mapping['注册资金（万元）'];
    expect(r.columns.find((c) => c.header === '负责人身份证号')?.type).toBe('idcard');
    expect(r.columns.find((c) => c.header === '发证日期')?.type).toBe('date');
    expect(r.columns.find((c) => c.header === '注册资金（万元）')?.type).toBe('money');
    expect(r.invalid[idField ?? '']).toBe(TOBACCO_CSV_FACTS.invalidIds);
    expect(r.invalid[usccField ?? '']).toBe(TOBACCO_CSV_FACTS.invalidUscc);
    expect(r.invalid[r.mapping['发证日期'] ?? '']).toBe(0);
    const rows = await t.wh.all<Record<string, string | number | null>>(
      `SELECT "${idField}" AS id, "${idField}__raw" AS raw, "${moneyField}"::DOUBLE AS money, strftime("${r.mapping['发证日期']}", '%Y-%m-%d') AS d
       FROM data.tobacco ORDER BY _row_id`,
    );
    // Lower-case x, full-width digits and a 15-digit number all normalise to the 18-digit form.
    expect(rows[1]?.id).toBe(withIdCheck('52020319900101456'));
    expect(rows[2]?.id).toBe(withIdCheck('52020319920202789'));
    expect(rows[4]?.id).toBe(withIdCheck('52020319700707321'));
    expect(rows[3]?.id).toBeNull();
    expect(rows[3]?.raw).toMatch(/^52020319700707321\d$/);
    expect(rows.map((x) => x.money)).toEqual([15000, 120000, 8000, 20000, 30000, 50000, 10000, 5000]);
    expect(rows.map((x) => x.d)).toEqual(['2021-03-05', '2021-03-06', '2021-03-07', '2021-03-08', '2021-03-09', '2023-05-01', '2021-05-10', '2021-05-11']);
  });

  it('maps headers to the fields of a dataset kind', async () => {
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'tobacco', kind: 'tobacco_retailer' });
    expect(r.mapping['许可证号']).toBe('licence_no');
    expect(r.mapping['统一社会信用代码']).toBe('uscc');
    expect(r.mapping['负责人身份证号']).toBe('legal_rep_id_number');
    const ds = await new DatasetRepository(t.wh).get('tobacco');
    expect(ds.kind).toBe('tobacco_retailer');
    // Every field of the kind exists as a column, mapped or not, so models can rely on it.
    expect(ds.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['licence_no', 'lat', 'lng', 'valid_until']));
    const uscc = await t.wh.all<{ uscc: string | null }>('SELECT uscc FROM data.tobacco ORDER BY _row_id LIMIT 1');
    expect(uscc[0]?.uscc).toBe(withUsccCheck('92520203MA6DL0001'));
  });

  it('stores identifier columns uncompressed (they are written and joined faster), others as DuckDB chooses', async () => {
    // 5,000 rows over ten credit codes and ten names: left to itself DuckDB dictionary-encodes both.
    const codes = Array.from({ length: 10 }, (_, i) => withUsccCheck(`91520203MA6DL${String(i).padStart(4, '0')}`));
    const rows = Array.from({ length: 5_000 }, (_, i) => `${codes[i % 10]},六枝特区第${i % 10}号商行`);
    const csv = path.join(t.dir, '登记.csv');
    writeFileSync(csv, `统一社会信用代码,单位名称\n${rows.join('\n')}\n`);
    await new ImportService(t.wh, t.ws).import({ file: csv, dataset: 'firms' });
    await t.wh.run('CHECKPOINT');
    const segments = await t.wh.all<{ column_name: string; compression: string }>(
      `SELECT DISTINCT column_name, compression FROM pragma_storage_info('data.firms') WHERE segment_type = 'VARCHAR' AND column_name IN ('uscc', 'org_name')`,
    );
    const of = (column: string): string[] => segments.filter((s) => s.column_name === column).map((s) => s.compression).sort();
    expect(of('uscc')).toEqual(['Uncompressed']);
    expect(of('org_name')).not.toEqual([]);
    expect(of('org_name')).not.toContain('Uncompressed');
  });

  it('tells the same file by its content: a renamed copy is refused, a different file of the same size is not', async () => {
    const svc = new ImportService(t.wh, t.ws);
    await svc.import({ file, dataset: 'tobacco' });
    const bytes = readFileSync(file);
    const copy = path.join(t.dir, '改名副本.csv');
    writeFileSync(copy, bytes);
    await expect(svc.import({ file: copy, dataset: 'tobacco' })).rejects.toMatchObject({ code: 'duplicate_import' });
    // Same length, one digit changed in the last data row: another file, imported without --force.
    const text = bytes.toString('latin1');
    const at = text.search(/[0-8](?=[^0-9]*$)/);
    const changed = Buffer.from(bytes);
    changed[at] = (changed[at] ?? 0x30) + 1;
    const other = path.join(t.dir, '同样大小.csv');
    writeFileSync(other, changed);
    expect(changed.length).toBe(bytes.length);
    const r = await svc.import({ file: other, dataset: 'tobacco' });
    expect(r.rowsRead).toBeGreaterThan(0);
    expect(r.warnings.join('')).not.toContain('再次导入');
  });

  it('refuses the same file twice unless forced, and removes a batch exactly', async () => {
    const svc = new ImportService(t.wh, t.ws);
    const first = await svc.import({ file, dataset: 'tobacco', agency: '六枝特区烟草专卖局' });
    await expect(svc.import({ file, dataset: 'tobacco' })).rejects.toMatchObject({ code: 'duplicate_import' });
    const second = await svc.import({ file, dataset: 'tobacco', force: true });
    expect(second.batchId).not.toBe(first.batchId);
    const repo = new DatasetRepository(t.wh);
    expect(await repo.rowCount('tobacco')).toBe(2 * TOBACCO_CSV_FACTS.imported);
    const ids = await t.wh.all<{ n: number }>('SELECT count(DISTINCT _row_id)::INTEGER AS n FROM data.tobacco');
    expect(ids[0]?.n).toBe(2 * TOBACCO_CSV_FACTS.imported);
    const batches = new BatchRepository(t.wh);
    expect((await batches.find(first.batchId))?.agency).toBe('六枝特区烟草专卖局');
    const removed = await batches.remove(first.batchId);
    expect(removed.rowsRemoved).toBe(TOBACCO_CSV_FACTS.imported);
    expect(await repo.rowCount('tobacco')).toBe(TOBACCO_CSV_FACTS.imported);
    const left = await t.wh.all<{ b: number }>('SELECT DISTINCT _batch_id AS b FROM data.tobacco');
    expect(left).toEqual([{ b: second.batchId }]);
  });

  it('names the missing required field when a file does not fit its kind', async () => {
    const bad = path.join(t.dir, 'wrong.csv');
    writeFileSync(bad, '姓名,年龄\n张三,30\n');
    const err = await new ImportService(t.wh, t.ws).import({ file: bad, dataset: 'tobacco', kind: 'tobacco_retailer' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JianduError);
    expect((err as JianduError).code).toBe('mapping_error');
    expect((err as JianduError).message).toContain('许可证号');
    expect(await new DatasetRepository(t.wh).find('tobacco')).toBeUndefined();
  });

  it('honours --map overrides and reports an unknown header clearly', async () => {
    const svc = new ImportService(t.wh, t.ws);
    const r = await svc.import({ file, dataset: 'tobacco', map: [{ header: '负责人', field: 'owner_name', type: 'person_name' }] });
    expect(r.mapping['负责人']).toBe('owner_name');
    expect(r.columns.find((c) => c.field === 'owner_name')?.type).toBe('person_name');
    await expect(svc.import({ file, dataset: 'other', map: [{ header: '不存在的列', field: 'x' }] })).rejects.toThrow(/不存在的列/);
  });
});

describe('other text exports', () => {
  it('reads UTF-8 with a BOM, tab-separated files and CRLF line ends', async () => {
    const tsv = path.join(t.dir, 'people.tsv');
    writeFileSync(tsv, `\uFEFF姓名\t公民身份号码\t联系电话\r\n张三\t${withIdCheck('11010519491231002')}\t13800138000\r\n李四\t110105491231002\t010-12345678\r\n`);
    const r = await new ImportService(t.wh, t.ws).import({ file: tsv, dataset: 'people' });
    expect(r.encoding).toBe('utf-8');
    expect(r.rowsImported).toBe(2);
    expect(Object.keys(r.mapping)).toEqual(['姓名', '公民身份号码', '联系电话']);
    const rows = await t.wh.all<{ id: string; phone: string }>(`SELECT "${r.mapping['公民身份号码']}" AS id, "${r.mapping['联系电话']}" AS phone FROM data.people ORDER BY _row_id`);
    expect(rows.map((x) => x.id)).toEqual(['11010519491231002X', '11010519491231002X']);
    expect(rows[0]?.phone).toBe('13800138000');
  });

  it('validates a column headed 统一社会信用代码 as a credit code even when half its values are wrong', async () => {
    const csv = path.join(t.dir, 'orgs.csv');
    const good = [withUsccCheck('91110000600037341'), withUsccCheck('92520203MA6DL0001')];
    writeFileSync(csv, `单位,统一社会信用代码\n甲,${good[0]}\n乙,${good[1]}\n丙,12345\n丁,ABCDEFG\n`);
    const r = await new ImportService(t.wh, t.ws).import({ file: csv, dataset: 'orgs' });
    const field = r.mapping['统一社会信用代码'] ?? '';
    expect(r.columns.find((c) => c.field === field)?.type).toBe('uscc');
    expect(r.invalid[field]).toBe(2);
  });

  it('reads the quarantine file back as UTF-8 text', async () => {
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'tobacco' });
    expect(readFileSync(r.quarantineFile ?? '', 'utf8')).toContain('残缺的一行');
  });
});

describe('the source line of every accepted CSV row', () => {
  const lines = ['登记名册,,', '序号,姓名,电话', '1,张三,13800000001', '2,李四,13800000002,多余', '3,王五,13800000003', '4,"赵,六",13800000004', 'x', '5,钱七,13800000005', '合计,,'];

  async function importedLines(name: string, bytes: Buffer): Promise<{ lines: (number | null)[]; skipped: (number | null)[] }> {
    const f = path.join(t.dir, `${name}.csv`);
    writeFileSync(f, bytes);
    const r = await new ImportService(t.wh, t.ws).import({ file: f, dataset: name });
    const rows = await t.wh.all<{ line: number | null }>(`SELECT _line::INTEGER AS line FROM data.${name} ORDER BY _row_id`);
    return { lines: rows.map((x) => x.line), skipped: r.skippedRows.filter((x) => x.reason === 'total').map((x) => x.line) };
  }

  it('is known when every line after the header is one record, around rejected lines', async () => {
    const got = await importedLines('crlf', Buffer.from(`${lines.join('\r\n')}\r\n`));
    expect(got.lines).toEqual([3, 5, 6, 8]);
    expect(got.skipped).toEqual([9]);
  });

  it('counts a GBK line that could not be decoded', async () => {
    const head = iconv.encode(`${lines.slice(0, 4).join('\n')}\n`, 'gbk');
    const broken = Buffer.from([0x39, 0x2c, 0xff, 0xff, 0x2c, 0x31, 0x0a]);
    const got = await importedLines('gbk', Buffer.concat([head, broken, iconv.encode(`${lines.slice(4).join('\n')}\n`, 'gbk')]));
    expect(got.lines).toEqual([3, 6, 7, 9]);
  });

  it('is left unknown, never guessed, when a quoted cell spans lines or a blank line follows the header', async () => {
    const quoted = [...lines.slice(0, 3), '9,"多行\n备注",13800000009', ...lines.slice(4)];
    expect((await importedLines('multiline', Buffer.from(`${quoted.join('\n')}\n`))).lines.every((l) => l === null)).toBe(true);
    const blank = [...lines.slice(0, 3), '', ...lines.slice(4)];
    expect((await importedLines('blank', Buffer.from(`${blank.join('\n')}\n`))).lines.every((l) => l === null)).toBe(true);
  });
});
