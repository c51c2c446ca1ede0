import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JianduError } from '../../shared/errors.js';
import { AGENCY_WORKBOOK_FACTS as FACTS, writeAgencyWorkbook } from '../../../test/fixtures/agency-workbook.js';
import { listXlsxSheets, openXlsxSheet, XlsxSheetNotFoundError, type SheetRow } from './xlsx-reader.js';

let dir: string;
let agency: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiandu-xlsx-'));
  agency = join(dir, '施工许可台账.xlsx');
  await writeAgencyWorkbook(agency);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(file: string, sheet?: string | number): Promise<{ rows: SheetRow[]; merges: unknown[] }> {
  const reader = await openXlsxSheet(file, sheet);
  const rows: SheetRow[] = [];
  for await (const row of reader.rows()) rows.push(row);
  return { rows, merges: [...reader.merges()] };
}

function rowAt(rows: readonly SheetRow[], line: number): readonly (string | null)[] {
  const row = rows.find((r) => r.line === line);
  if (!row) throw new Error(`no row ${line}`);
  return row.cells;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected a rejection');
}

describe('listXlsxSheets', () => {
  it('lists the worksheets in workbook order with 1-based indexes', async () => {
    expect(await listXlsxSheets(agency)).toEqual([
      { name: '说明', index: 1 },
      { name: '施工许可', index: 2 },
    ]);
  });
});

describe('openXlsxSheet on the agency workbook', () => {
  it('reads the data sheet by name, every row as text', async () => {
    const reader = await openXlsxSheet(agency, FACTS.dataSheet.name);
    expect(reader.sheet).toEqual(FACTS.dataSheet);
    const rows: SheetRow[] = [];
    for await (const row of reader.rows()) rows.push(row);
    expect(rows).toEqual(FACTS.expectedRows[FACTS.dataSheet.name]);
  });

  it('reads the same sheet by 1-based index, and the first sheet by default', async () => {
    const byIndex = await readAll(agency, FACTS.dataSheet.index);
    expect(byIndex.rows).toEqual(FACTS.expectedRows[FACTS.dataSheet.name]);
    const first = await openXlsxSheet(agency);
    expect(first.sheet).toEqual(FACTS.notesSheet);
    const notes = await readAll(agency);
    expect(notes.rows).toEqual(FACTS.expectedRows[FACTS.notesSheet.name]);
  });

  it('rejects an unknown sheet with the available names, in Chinese', async () => {
    const byName = await rejection(openXlsxSheet(agency, '不存在的表'));
    expect(byName).toBeInstanceOf(XlsxSheetNotFoundError);
    expect(byName).toBeInstanceOf(JianduError);
    expect(byName.message).toBe('工作表“不存在的表”不存在；可选：说明、施工许可');
    expect((byName as XlsxSheetNotFoundError).available).toEqual(FACTS.sheetNames);
    expect((byName as XlsxSheetNotFoundError).code).toBe('not_found');

    const byIndex = await rejection(openXlsxSheet(agency, 3));
    expect(byIndex).toBeInstanceOf(XlsxSheetNotFoundError);
    expect(byIndex.message).toContain('说明、施工许可');
    await expect(openXlsxSheet(agency, 0)).rejects.toBeInstanceOf(XlsxSheetNotFoundError);
  });

  it('gives date-formatted cells as ISO text, with the time when there is one', async () => {
    const { rows } = await readAll(agency, FACTS.dataSheet.name);
    for (const line of FACTS.lines.dateCells) {
      expect(rowAt(rows, line)[5]).toMatch(/^2023-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/);
    }
    expect(rowAt(rows, FACTS.firstDataLine)[5]).toBe('2023-01-15');
    expect(rowAt(rows, FACTS.lines.bracketCompany)[5]).toBe('2023-02-08'); // yyyy"年"m"月"d"日"
    expect(rowAt(rows, FACTS.lines.dateTime)[5]).toBe('2023-03-15 09:30:00');
    expect(rowAt(rows, FACTS.lines.textDate)[5]).toBe('2023年5月1日');
  });

  it('keeps an Excel serial typed into a General cell as numeric text', async () => {
    const { rows } = await readAll(agency, FACTS.dataSheet.name);
    expect(FACTS.lines.serialDates.map((line) => rowAt(rows, line)[5])).toEqual(['45001', '45101']);
  });

  it('gives formulas their cached result, converted like any other value', async () => {
    const { rows } = await readAll(agency, FACTS.dataSheet.name);
    expect(rowAt(rows, FACTS.lines.formulaAmount)[6]).toBe('6401.5');
    expect(rowAt(rows, FACTS.lines.formulaDate)[5]).toBe('2023-06-30');
    expect(rowAt(rows, FACTS.totalLine)).toEqual(['合计', null, null, null, null, null, String(FACTS.amountTotal)]);
    const notes = await readAll(agency, FACTS.notesSheet.name);
    expect(rowAt(notes.rows, 6)).toEqual(['核对结果', '#N/A']); // a formula whose cached result is an error
  });

  it('joins rich text runs and gives hyperlinks and booleans as text', async () => {
    const { rows } = await readAll(agency, FACTS.dataSheet.name);
    expect(rowAt(rows, FACTS.lines.richText)[1]).toBe('XX县城北污水处理厂提标改造工程');
    expect(rowAt(rows, FACTS.lines.bracketCompany)[2]).toBe('浙江某某建设（集团）有限公司');
    const notes = await readAll(agency, FACTS.notesSheet.name);
    expect(rowAt(notes.rows, 5)).toEqual(['住建局网站']);
    expect(rowAt(notes.rows, 7)).toEqual(['已核对', 'TRUE']);
  });

  it('collects the merged ranges, including the vertical merge in the data', async () => {
    const { rows, merges } = await readAll(agency, FACTS.dataSheet.name);
    expect(merges).toEqual(FACTS.mergeList);
    expect(merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 7 });
    expect(merges).toContainEqual(FACTS.merges.company);
    // the covered cell is empty in the file
    expect(rowAt(rows, FACTS.merges.company.bottom)[2]).toBeNull();
    expect(rowAt(rows, FACTS.merges.company.top)[2]).toBe('XX县城市建设投资集团有限公司');
  });

  it('keeps true sheet row numbers and skips empty rows', async () => {
    const { rows } = await readAll(agency, FACTS.dataSheet.name);
    const lines = rows.map((r) => r.line);
    expect(lines[FACTS.headerLine - 1]).toBe(FACTS.headerLine);
    expect(lines).not.toContain(FACTS.blankLines[0]);
    expect(lines.at(-2)).toBe(FACTS.totalLine);
    expect(lines.at(-1)).toBe(FACTS.footerLine);
    expect(rows.filter((r) => r.line >= FACTS.firstDataLine && r.line <= FACTS.lastDataLine)).toHaveLength(FACTS.dataRowCount);
    expect(rowAt(rows, FACTS.headerLine)).toEqual([...FACTS.header]);
  });

  it('can iterate the rows only once', async () => {
    const reader = await openXlsxSheet(agency, 2);
    for await (const row of reader.rows()) void row;
    expect(() => reader.rows()).toThrow(/只能读取一次/);
  });
});

/** A larger workbook, written with exceljs's streaming writer, whose XML spans many chunks. */
describe('a workbook of 20,000 rows', () => {
  const ROWS = 20_000;
  let big: string;
  const day = (i: number): Date => new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000);
  const iso = (d: Date): string => d.toISOString().slice(0, 10);
  const values = (i: number): (string | number | Date | null)[] => [
    i,
    `XX县第${i}号项目${'（二期）'.repeat(i % 3)}`,
    `某某建设有限公司${i % 97}`,
    Math.round(i * 137.31) / 100,
    day(i),
    `A&B <${i}> "引号" 'x'`,
    i % 7 === 0 ? null : 0.1 * i,
  ];
  const expected = (i: number): (string | null)[] => {
    const cells = values(i).map((v) => (v === null ? null : v instanceof Date ? iso(v) : String(v)));
    while (cells.at(-1) === null) cells.pop(); // a row ends at its last non-empty cell
    return cells;
  };

  beforeAll(async () => {
    big = join(dir, 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('数据');
    ws.addRow(['序号', '项目', '单位', '金额', '日期', '备注', '比例']).commit();
    for (let i = 1; i <= ROWS; i++) {
      const row = ws.addRow(values(i));
      row.getCell(5).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
    await wb.commit();
  });

  it('reads every row, across chunk boundaries, with the expected text', async () => {
    const reader = await openXlsxSheet(big, '数据');
    let n = 0;
    for await (const row of reader.rows()) {
      if (row.line === 1) continue;
      const i = row.line - 1;
      if (row.cells.join('\u0001') !== expected(i).join('\u0001') || row.cells.length !== expected(i).length) {
        expect(row.cells).toEqual(expected(i)); // fails with a readable diff
      }
      n++;
    }
    expect(n).toBe(ROWS);
  });

  it('reports progress in compressed bytes, ending at the total', async () => {
    const calls: [number, number][] = [];
    const reader = await openXlsxSheet(big, 1, (read, total) => calls.push([read, total]));
    for await (const row of reader.rows()) void row;
    expect(calls.length).toBeGreaterThan(0);
    const last = calls.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[1]).toBeLessThanOrEqual((await stat(big)).size);
    for (let k = 1; k < calls.length; k++) expect(calls[k]?.[0]).toBeGreaterThanOrEqual(calls[k - 1]?.[0] ?? 0);
  });

  it('stops promptly and releases the file when the consumer breaks out', async () => {
    const fds = (): number => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const before = fds();
    const reader = await openXlsxSheet(big, 1);
    let seen = 0;
    for await (const row of reader.rows()) {
      seen = row.line;
      if (row.line >= 100) break;
    }
    expect(seen).toBe(100);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fds()).toBeLessThanOrEqual(before);
    // and the file can be read again from the start
    const again = await openXlsxSheet(big, 1);
    for await (const row of again.rows()) {
      expect(row.line).toBe(1);
      break;
    }
  });
});

describe('damaged and foreign files', () => {
  it('rejects random bytes named .xlsx with a Chinese message and the cause', async () => {
    const file = join(dir, '损坏.xlsx');
    await writeFile(file, randomBytes(4096));
    for (const attempt of [() => openXlsxSheet(file), () => listXlsxSheets(file)]) {
      const error = await rejection(attempt());
      expect(error).toBeInstanceOf(JianduError);
      expect(error.message).toContain('不是有效的 XLSX 文件');
      expect(error.message).toContain('损坏.xlsx');
      expect(error.cause).toBeInstanceOf(Error);
    }
  });

  it('rejects a truncated workbook and an empty file', async () => {
    const whole = await readFile(agency);
    const truncated = join(dir, 'truncated.xlsx');
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await rejection(openXlsxSheet(truncated))).message).toContain('不是有效的 XLSX 文件');
    const empty = join(dir, 'empty.xlsx');
    await writeFile(empty, '');
    expect((await rejection(openXlsxSheet(empty))).message).toContain('不是有效的 XLSX 文件');
  });

  it('recognises a legacy .xls (OLE2) file', async () => {
    const file = join(dir, 'legacy.xlsx');
    await writeFile(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(1024)]));
    const error = await rejection(openXlsxSheet(file));
    expect(error.message).toContain('不是有效的 XLSX 文件');
    expect(error.message).toContain('.xls');
    expect((error as JianduError).code).toBe('unsupported_format');
  });

  it('surfaces malformed sheet XML while streaming', async () => {
    const file = join(dir, 'malformed.xlsx');
    await writeFile(file, rawXlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></row>' }));
    const reader = await openXlsxSheet(file);
    const error = await rejection((async () => {
      for await (const row of reader.rows()) void row;
    })());
    expect(error.message).toContain('不是有效的 XLSX 文件');
    expect(error.message).toContain('Sheet1');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('rejects a missing file with a Chinese message', async () => {
    const error = await rejection(openXlsxSheet(join(dir, 'nope.xlsx')));
    expect(error).toBeInstanceOf(JianduError);
    expect(error.message).toContain('无法读取文件');
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written SpreadsheetML, for what exceljs does not write: built-in CJK date formats,
// boolean/error formula results, phonetic runs, _xHHHH_ escapes, prefixes, 1904 dates…

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A zip of the given entries: deflated, or stored when `stored` is set. */
function zip(entries: Record<string, string | Buffer>, stored = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/**
 * cellXfs: 0 General, 1 id 14, 2 id 31 (yyyy年m月d日), 3 id 20 (h:mm), 4–7 custom, 8 id 58 (m月d日).
 * The conditional format (dxf) reuses id 166 for a date format; it must not make style 6 a date.
 */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}">
  <numFmts count="4">
    <numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>
    <numFmt numFmtId="165" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/>
    <numFmt numFmtId="166" formatCode="_(* #,##0.00_);_(* \\(#,##0.00\\);_(* &quot;-&quot;??_);_(@_)"/>
    <numFmt numFmtId="167" formatCode="[h]:mm:ss"/>
  </numFmts>
  <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
  <cellXfs count="9">
    <xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" xfId="0"/>
    <xf numFmtId="20" xfId="0"/><xf numFmtId="164" xfId="0"/><xf numFmtId="165" xfId="0"/>
    <xf numFmtId="166" xfId="0"/><xf numFmtId="167" xfId="0"/><xf numFmtId="58" xfId="0"/>
  </cellXfs>
  <dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy-mm-dd"/></dxf></dxfs>
</styleSheet>`;

interface RawOptions {
  readonly sheetData: string;
  readonly afterSheetData?: string;
  readonly sharedStrings?: string;
  readonly stored?: boolean;
}

function rawXlsx(o: RawOptions): Buffer {
  const entries: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${o.sheetData}</sheetData>${o.afterSheetData ?? ''}</worksheet>`,
  };
  entries['xl/sharedStrings.xml'] = `<?xml version="1.0"?><sst xmlns="${MAIN_NS}">${o.sharedStrings ?? ''}</sst>`;
  return zip(entries, o.stored);
}

async function readRaw(name: string, o: RawOptions): Promise<{ rows: SheetRow[]; merges: unknown[] }> {
  const file = join(dir, name);
  await writeFile(file, rawXlsx(o));
  return readAll(file);
}

describe('SpreadsheetML details', () => {
  it('recognises built-in and custom date formats, including the CJK built-ins', async () => {
    const { rows } = await readRaw('dates.xlsx', {
      sheetData:
        '<row r="1"><c r="A1" s="1"><v>45047</v></c><c r="B1" s="2"><v>45047.5</v></c><c r="C1" s="3"><v>0.5</v></c>' +
        '<c r="D1" s="4"><v>45047</v></c><c r="E1" s="5"><v>45047</v></c><c r="F1" s="6"><v>1234.5</v></c>' +
        '<c r="G1" s="7"><v>0.25</v></c><c r="H1" s="8"><v>45047</v></c><c r="I1" s="1"><v>45047.99999999</v></c></row>',
    });
    expect(rowAt(rows, 1)).toEqual([
      '2023-05-01',
      '2023-05-01 12:00:00',
      '12:00:00',
      '2023-05-01',
      '2023-05-01',
      '1234.5',
      '06:00:00',
      '2023-05-01',
      '2023-05-02', // rounded to the second
    ]);
  });

  it('reads formula results of every type, booleans and errors', async () => {
    const { rows } = await readRaw('formulas.xlsx', {
      sheetData:
        '<row r="3"><c r="A3" t="b"><f>1=1</f><v>1</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D3"><f>B9</f></c><c r="E3"><f t="shared" ref="E3:E4" si="0">SUM(A1:A2)</f><v>3</v></c>' +
        '<c r="F3" s="1"><f>DATE(2024,1,1)</f><v>45292</v></c><c r="G3" t="b"><v>0</v></c><c r="H3" t="e"><v>#N/A</v></c></row>' +
        '<row r="4"><c r="E4"><f t="shared" si="0"/><v>4</v></c></row>',
    });
    expect(rowAt(rows, 3)).toEqual(['TRUE', '#DIV/0!', 'ab', null, '3', '2024-01-01', 'FALSE', '#N/A']);
    expect(rowAt(rows, 4)).toEqual([null, null, null, null, '4']);
  });

  it('reads shared, inline and rich strings, without phonetic runs, decoding escapes', async () => {
    const { rows } = await readRaw('strings.xlsx', {
      sharedStrings:
        '<si><t>第一行_x000D_\n第二行</t></si>' +
        '<si><r><t>甲</t></r><r><rPr><b/></rPr><t>乙</t></r><rPh sb="0" eb="1"><t>ジャ</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si><t/></si><si><t>literal _x005F_x0041_</t></si>',
      sheetData:
        '<row r="1"><c r="A1" t="inlineStr"><is><r><t>XX</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 县 </t></r></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>' +
        '<c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c>' +
        '<c r="F1" t="inlineStr"><is><t><![CDATA[a<b>&c]]></t></is></c><c r="G1" t="str"><v>R&amp;D &#x4E2D;&#25991;</v></c>' +
        '<c r="H1" t="d"><v>2023-05-01T00:00:00Z</v></c><c r="I1" t="d"><v>2023-05-01T08:30:00</v></c><c r="J1" t="s"><v>3</v></c></row>',
    });
    expect(rowAt(rows, 1)).toEqual(['XX 县 ', '漢字', '第一行\r\n第二行', '甲乙', null, 'a<b>&c', 'R&D 中文', '2023-05-01', '2023-05-01 08:30:00', 'literal _x0041_']);
  });

  it('writes numbers as shortest decimals without exponents', async () => {
    const { rows } = await readRaw('numbers.xlsx', {
      sheetData:
        '<row r="6"><c r="A6"><v>12000</v></c><c r="B6"><v>0.1</v></c><c r="C6"><v>2.9999999999999999E-2</v></c>' +
        '<c r="D6"><v>1E-7</v></c><c r="E6"><v>-0</v></c><c r="F6"><v>1.2E+4</v></c><c r="G6"><v>0.30000000000000004</v></c>' +
        '<c r="H6"><v>45047</v></c><c r="I6"><v> 7 </v></c><c r="J6"><v>-1.50</v></c><c r="K6"><v>123456789012345678</v></c></row>',
    });
    expect(rowAt(rows, 6)).toEqual(['12000', '0.1', '0.03', '0.0000001', '0', '12000', '0.30000000000000004', '45047', '7', '-1.5', '123456789012345680']);
  });

  it('places cells without references after the previous one, and skips rows with only styles', async () => {
    const { rows, merges } = await readRaw('refs.xlsx', {
      stored: true,
      sheetData:
        '<row r="2" spans="1:3"><c r="A2" s="1"/><c r="B2" s="2"/></row><row r="5"/>' +
        '<row r="7"><c r="B7"><v>7</v></c></row><row><c><v>8</v></c><c><v>9</v></c><c r="E8"><v>10</v></c><c><v>11</v></c></row>' +
        '<!-- a comment --><row r="10"><c r="$C$10"><v>1</v></c></row>',
      afterSheetData: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B10"/></mergeCells>',
    });
    expect(rows).toEqual([
      { line: 7, cells: [null, '7'] },
      { line: 8, cells: ['8', '9', null, null, '10', '11'] },
      { line: 10, cells: [null, null, '1'] },
    ]);
    expect(merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 10, left: 2, bottom: 10, right: 2 },
    ]);
  });

  it('handles prefixed elements, 1904 dates, chart sheets and escaped sheet names', async () => {
    const file = join(dir, 'prefixed.xlsx');
    const x = `xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"`;
    await writeFile(
      file,
      zip({
        '_rels/.rels': `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="r1" Type="${REL_NS}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
        'xl/workbook.xml':
          `<x:workbook ${x}><x:workbookPr date1904="1"/><x:sheets>` +
          '<x:sheet name="R&amp;D 数据" sheetId="1" r:id="rId1"/><x:sheet name="图表" sheetId="2" r:id="rId2"/><x:sheet name="汇总" sheetId="3" r:id="rId3"/>' +
          '</x:sheets></x:workbook>',
        'xl/_rels/workbook.xml.rels':
          `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
          `<Relationship Id="rId3" Type="${REL_NS}/worksheet" Target="/xl/worksheets/sheet3.xml"/>` +
          `<Relationship Id="rId4" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
        'xl/styles.xml': STYLES,
        'xl/worksheets/sheet1.xml': `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
        'xl/chartsheets/sheet1.xml': `<x:chartsheet ${x}/>`,
        'xl/worksheets/sheet3.xml': `<x:worksheet ${x}><x:sheetData><x:row r="2"><x:c r="A2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      }),
    );
    expect(await listXlsxSheets(file)).toEqual([
      { name: 'R&D 数据', index: 1 },
      { name: '汇总', index: 2 },
    ]);
    expect((await readAll(file, 'r&d 数据')).rows).toEqual([{ line: 1, cells: ['1904-01-01', '甲'] }]);
    expect((await readAll(file, 2)).rows).toEqual([{ line: 2, cells: ['3'] }]);
    expect((await rejection(openXlsxSheet(file, '图表'))).message).toBe('工作表“图表”不存在；可选：R&D 数据、汇总');
  });
});
