import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * Generates a large, realistic registry export for benchmarks: person and company identifiers
 * with valid check characters (a few percent broken), phones, dates in mixed spellings, 万元
 * amounts. Deterministic for a given row count.
 */
export const BENCH_HEADERS = ['序号', '姓名', '公民身份号码', '联系电话', '单位名称', '统一社会信用代码', '登记日期', '金额（万元）', '地址'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英';
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const C = '10X98765432';
const U = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchRow(i: number, r: () => number): string[] {
  const y = 1950 + Math.floor(r() * 55);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const body = `520203${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  const sum = [...body].reduce((s, ch, k) => s + Number(ch) * (W[k] ?? 0), 0);
  const id = r() < 0.02 ? `${body}0` : body + C[sum % 11];
  const org = `92520203MA${String(i % 10_000_000).padStart(7, '0')}`;
  const osum = [...org].reduce((s, ch, k) => s + U.indexOf(ch) * (UW[k] ?? 0), 0);
  const uscc = org + U[(31 - (osum % 31)) % 31];
  const dateForms = [`${2015 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`, `${2015 + (i % 9)}年${1 + (i % 12)}月${1 + (i % 28)}日`, `${2015 + (i % 9)}/${1 + (i % 12)}/${1 + (i % 28)}`];
  return [
    String(i + 1),
    (SURNAMES[i % SURNAMES.length] ?? '王') + (GIVEN[Math.floor(r() * GIVEN.length)] ?? '伟'),
    id,
    `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    `六枝特区第${i % 5000}号商行`,
    uscc,
    dateForms[i % 3] ?? '',
    (r() * 100).toFixed(2),
    `六枝特区平寨镇建设路${i % 300}号`,
  ];
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\r\n`;
}

export async function writeBenchCsv(path: string, rows: number, encoding: 'utf-8' | 'gbk'): Promise<void> {
  const out = createWriteStream(path);
  const r = rng(42);
  const write = async (text: string): Promise<void> => {
    const ok = out.write(encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
    if (!ok) await once(out, 'drain');
  };
  await write(csvLine(['六枝特区市场监督管理局 登记名册', '', '', '', '', '', '', '', '']));
  await write(csvLine(BENCH_HEADERS));
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += csvLine(benchRow(i, r));
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}

export async function writeBenchXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('名册');
  ws.addRow(['六枝特区市场监督管理局 登记名册']).commit();
  ws.addRow(BENCH_HEADERS).commit();
  const r = rng(7);
  for (let i = 0; i < rows; i++) ws.addRow(benchRow(i, r)).commit();
  ws.commit();
  await wb.commit();
}
