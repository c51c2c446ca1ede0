/**
 * Streaming reader for one sheet of an .xlsx workbook, yielding each row's cells as text.
 *
 * Why not exceljs's `stream.xlsx.WorkbookReader`: in exceljs 4.4.0 it drops `<mergeCell>`,
 * does not recognise the CJK built-in date formats (numFmtId 27–36, 50–58, e.g. 31 =
 * `yyyy"年"m"月"d"日"`), turns boolean/error formula results into numbers/NaN, reads one zip
 * pass in stored order (writing sheets that precede sharedStrings.xml to temp files, and
 * racing on workbook.xml: exceljs issue #3064) and measured 25–46k rows/s here. This module
 * instead opens the zip through its central directory (node:zlib, no temp files, only the parts
 * it needs) and scans the sheet XML with a small SpreadsheetML tokenizer, in one pass that
 * also collects the merged ranges (which come after `<sheetData>`).
 *
 * Memory: the shared-string table and the style table are held in memory (as in every XLSX
 * reader); sheet rows are streamed.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import nodePath from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { JianduError } from '../../shared/errors.js';

// ===========================================================================================
// Public API

/** One sheet row that has at least one non-empty cell. */
export interface SheetRow {
  /** 1-based sheet row number (the number Excel shows at the left). */
  readonly line: number;
  /** Cell text; `cells[0]` is column A. Ends at the last non-empty cell; gaps are `null`. */
  readonly cells: readonly (string | null)[];
}

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A worksheet of the workbook; `index` is 1-based among the worksheets, in workbook order. */
export interface XlsxSheetInfo {
  readonly name: string;
  readonly index: number;
}

export interface XlsxSheetReader {
  readonly sheet: XlsxSheetInfo;
  /**
   * The sheet's rows, streamed. Rows without any non-empty cell are skipped; `line` stays the
   * true sheet row number. Can be iterated once; breaking out of the loop releases the file.
   */
  rows(): AsyncIterable<SheetRow>;
  /** Merged ranges in file order; complete once `rows()` has been consumed to the end. */
  merges(): readonly MergeRange[];
}

/** The requested sheet is not in the workbook; `available` lists the worksheet names. */
export class XlsxSheetNotFoundError extends JianduError {
  override readonly name = 'XlsxSheetNotFoundError';
  constructor(
    readonly requested: string | number,
    readonly available: readonly string[],
  ) {
    const choices = available.length > 0 ? available.join('、') : '（无）';
    super(
      'not_found',
      typeof requested === 'number'
        ? `第 ${requested} 个工作表不存在（共 ${available.length} 个）；可选：${choices}`
        : `工作表“${requested}”不存在；可选：${choices}`,
      { sheet: requested, available },
    );
  }
}

/**
 * Lists the worksheets of an .xlsx file in workbook order (chart sheets are not listed).
 * Reads only the zip directory and the workbook part, so it is fast on large files.
 *
 * @example
 * const sheets = await listXlsxSheets('台账.xlsx');
 * // [{ name: '说明', index: 1 }, { name: '施工许可', index: 2 }]
 */
export async function listXlsxSheets(path: string): Promise<XlsxSheetInfo[]> {
  try {
    const pkg = await openPackage(path);
    return pkg.sheets.map((s) => ({ name: s.name, index: s.index }));
  } catch (error) {
    throw asReadError(path, error);
  }
}

/**
 * Opens one worksheet for streaming. `sheet` is a name (exact, else case-insensitive) or a
 * 1-based index; by default the first worksheet. Loads the shared strings and styles, then
 * streams the sheet's XML when `rows()` is iterated.
 *
 * Cell text: strings as in the file (an empty string is `null`); numbers as shortest
 * round-trip decimals (`12000`, `0.1`); booleans `TRUE`/`FALSE`; errors as `#N/A` etc.;
 * date-formatted numbers as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` (`HH:MM:SS` for a value below
 * one day in a time-only format); formulas as their cached result (none → `null`); rich text
 * concatenated. Numbers in non-date formats stay numbers (a serial typed into General stays
 * `45047`).
 *
 * `onProgress(bytesRead, totalBytes)` is called at most every ~100 ms and once at the end;
 * `totalBytes` is the compressed size of the parts this reader reads (sheet, shared strings,
 * styles, workbook), which is at most the file size.
 *
 * Throws {@link XlsxSheetNotFoundError} for an unknown sheet, and a `JianduError`
 * (`unreadable_file`, message “…不是有效的 XLSX 文件…”, `cause` attached) for a damaged file.
 *
 * @example
 * const reader = await openXlsxSheet('台账.xlsx', '施工许可');
 * for await (const row of reader.rows()) console.log(row.line, row.cells);
 * const merged = reader.merges(); // e.g. [{ top: 1, left: 1, bottom: 1, right: 7 }]
 */
export async function openXlsxSheet(
  path: string,
  sheet?: string | number,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<XlsxSheetReader> {
  try {
    const pkg = await openPackage(path);
    const chosen = chooseSheet(pkg.sheets, sheet);
    const { stylesEntry, sharedStringsEntry } = pkg;
    const total = pkg.bytesRead + (stylesEntry?.compressedSize ?? 0) + (sharedStringsEntry?.compressedSize ?? 0) + chosen.entry.compressedSize;
    const progress = new ProgressMeter(total, onProgress);
    progress.add(pkg.bytesRead);
    const dateStyles = stylesEntry ? (await scanEntry(path, stylesEntry, new StylesSink(), progress)).dateStyles() : new Uint8Array(0);
    const strings = sharedStringsEntry ? (await scanEntry(path, sharedStringsEntry, new SharedStringsSink(), progress)).strings : [];

    const info: XlsxSheetInfo = { name: chosen.name, index: chosen.index };
    const sink = new SheetSink(strings, dateStyles, pkg.date1904);
    let started = false;
    return {
      sheet: info,
      merges: () => sink.merges,
      rows(): AsyncIterable<SheetRow> {
        if (started) throw new Error(`工作表“${info.name}”的行只能读取一次`);
        started = true;
        return streamRows(path, chosen.entry, sink, progress, info.name);
      },
    };
  } catch (error) {
    throw asReadError(path, error);
  }
}

// ===========================================================================================
// Errors

/** A structural problem found while reading; becomes the `cause` of the user-facing error. */
class XlsxFormatError extends Error {
  override readonly name = 'XlsxFormatError';
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Maps a failure to the user-facing error; `sheet` names the sheet being streamed, if any. */
function asReadError(file: string, error: unknown, sheet?: string): Error {
  if (error instanceof JianduError) return error;
  const name = nodePath.basename(file);
  const where = sheet === undefined ? '' : `工作表“${sheet}”：`;
  const details = sheet === undefined ? { file } : { file, sheet };
  if (isSystemError(error)) {
    return new JianduError('unreadable_file', `无法读取文件“${name}”：${where}${error.message}`, details, { cause: error });
  }
  if (error instanceof LegacyWorkbookError) {
    return new JianduError(
      'unsupported_format',
      `“${name}”不是有效的 XLSX 文件：它是旧版 Excel（.xls）或加密的工作簿，请在 Excel/WPS 中另存为不加密的 .xlsx 后再导入`,
      details,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new JianduError('unreadable_file', `“${name}”不是有效的 XLSX 文件（${where}${detail}）`, details, { cause: error });
}

class LegacyWorkbookError extends XlsxFormatError {}

// ===========================================================================================
// Progress

class ProgressMeter {
  private read = 0;
  private last = 0;
  constructor(
    readonly total: number,
    private readonly callback: ((bytesRead: number, totalBytes: number) => void) | undefined,
  ) {}

  add(bytes: number): void {
    this.read += bytes;
    if (!this.callback) return;
    const now = performance.now();
    if (now - this.last >= 100) {
      this.last = now;
      this.callback(Math.min(this.read, this.total), this.total);
    }
  }

  finish(): void {
    this.callback?.(this.total, this.total);
  }
}

// ===========================================================================================
// Zip (central directory)

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
  /** Where the entry's data starts, filled in by {@link locateData}. */
  dataOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new XlsxFormatError('ZIP 目录中的偏移量超出范围');
  return Number(value);
}

async function readZipDirectory(handle: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  if (size === 0) throw new XlsxFormatError('文件为空');
  const head = await readAt(handle, 0, Math.min(8, size));
  if (head.equals(OLE2_MAGIC)) throw new LegacyWorkbookError('文件是 OLE2 复合文档（.xls 或加密工作簿）');
  if (size < 22) throw new XlsxFormatError('文件太小，不是 ZIP 压缩包');

  const tailLength = Math.min(size, 22 + 0xffff);
  const tailStart = size - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError('找不到 ZIP 目录（文件不是 ZIP 压缩包或已被截断）');

  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorPos = tailStart + eocd - 20;
    const locator = locatorPos >= 0 ? await readAt(handle, locatorPos, 20) : Buffer.alloc(0);
    if (locator.length === 20 && locator.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
      const record = await readAt(handle, toSafeNumber(locator.readBigUInt64LE(8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new XlsxFormatError('ZIP64 目录记录损坏');
      count = toSafeNumber(record.readBigUInt64LE(32));
      cdSize = toSafeNumber(record.readBigUInt64LE(40));
      cdOffset = toSafeNumber(record.readBigUInt64LE(48));
    }
  }
  if (cdOffset + cdSize > size) throw new XlsxFormatError('ZIP 目录超出文件末尾（文件可能已被截断）');

  const cd = await readAt(handle, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) throw new XlsxFormatError('ZIP 目录损坏');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLength);
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    // ZIP64 extended information: the 64-bit values, in this order, for fields set to 0xFFFFFFFF.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd && e + 4 <= cd.length) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          uncompressedSize = toSafeNumber(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = toSafeNumber(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) localHeaderOffset = toSafeNumber(cd.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    p = extraEnd + commentLength;
    entries.set(normaliseEntryName(name), { name, method, flags, compressedSize, localHeaderOffset, dataOffset: -1 });
  }
  return entries;
}

function normaliseEntryName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

async function locateData(handle: FileHandle, size: number, entry: ZipEntry): Promise<void> {
  if (entry.flags & 0x1) throw new XlsxFormatError(`压缩包内的“${entry.name}”已加密`);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxFormatError(`压缩包内的“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG) throw new XlsxFormatError(`压缩包内的“${entry.name}”头部损坏`);
  entry.dataOffset = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.dataOffset + entry.compressedSize > size) throw new XlsxFormatError(`压缩包内的“${entry.name}”超出文件末尾（文件可能已被截断）`);
}

/** The entry's decompressed bytes; `onBytes` receives the compressed bytes as they are read. */
function openEntryStream(file: string, entry: ZipEntry, onBytes: (n: number) => void): Readable {
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, {
    start: entry.dataOffset,
    end: entry.dataOffset + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  });
  raw.on('data', (chunk: Buffer | string) => onBytes(chunk.length));
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  // Errors reach the consumer through `inflate` (pipeline destroys it with the error); the
  // callback only has to exist. A consumer that stops early destroys `inflate`, and pipeline
  // then destroys `raw` (closing the file).
  pipeline(raw, inflate, () => undefined);
  return inflate;
}

async function scanEntry<S extends XmlSink>(file: string, entry: ZipEntry, sink: S, progress: ProgressMeter | undefined): Promise<S> {
  const stream = openEntryStream(file, entry, (n) => progress?.add(n));
  const scanner = new XmlScanner(sink, entry.name);
  try {
    for await (const chunk of stream) scanner.write(chunk as Buffer);
    scanner.end();
  } finally {
    stream.destroy();
  }
  return sink;
}

// ===========================================================================================
// Package: relationships, workbook, sheet list

interface SheetPart {
  readonly name: string;
  readonly index: number;
  readonly entry: ZipEntry;
}

interface Package {
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  readonly stylesEntry: ZipEntry | undefined;
  readonly sharedStringsEntry: ZipEntry | undefined;
  /** Compressed bytes read while opening (rels and workbook parts). */
  readonly bytesRead: number;
}

async function openPackage(file: string): Promise<Package> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const entries = await readZipDirectory(handle, size);
    let bytesRead = 0;
    const read = async <S extends XmlSink>(entry: ZipEntry, sink: S): Promise<S> => {
      await locateData(handle, size, entry);
      bytesRead += entry.compressedSize;
      return scanEntry(file, entry, sink, undefined);
    };
    const find = (name: string): ZipEntry | undefined => entries.get(normaliseEntryName(name));

    // The workbook part is named by the package relationships; xl/workbook.xml by convention.
    let workbookPath = 'xl/workbook.xml';
    const rootRels = find('_rels/.rels');
    if (rootRels) {
      const rels = (await read(rootRels, new RelationshipsSink())).rels;
      const office = rels.find((r) => r.type.endsWith('/officeDocument'));
      if (office) workbookPath = resolvePartPath('', office.target);
    }
    const workbookEntry = find(workbookPath);
    if (!workbookEntry) throw new XlsxFormatError(`压缩包中没有工作簿（${workbookPath}）`);
    const workbookDir = nodePath.posix.dirname(workbookPath) === '.' ? '' : nodePath.posix.dirname(workbookPath);
    const workbook = await read(workbookEntry, new WorkbookSink());
    const relsEntry = find(`${workbookDir ? `${workbookDir}/` : ''}_rels/${nodePath.posix.basename(workbookPath)}.rels`);
    const rels = relsEntry ? (await read(relsEntry, new RelationshipsSink())).rels : [];
    const relById = new Map(rels.map((r) => [r.id, r]));

    const sheets: SheetPart[] = [];
    for (const s of workbook.sheets) {
      const rel = relById.get(s.relId);
      if (!rel) continue;
      if (!rel.type.endsWith('/worksheet')) continue; // chart, dialog and macro sheets
      const entry = find(resolvePartPath(workbookDir, rel.target));
      if (!entry) throw new XlsxFormatError(`工作表“${s.name}”的数据（${rel.target}）不在压缩包中`);
      sheets.push({ name: s.name, index: sheets.length + 1, entry });
    }
    if (sheets.length === 0) throw new XlsxFormatError('工作簿中没有工作表');

    const partOf = (suffix: string, fallback: string): ZipEntry | undefined => {
      const rel = rels.find((r) => r.type.endsWith(suffix));
      return rel ? find(resolvePartPath(workbookDir, rel.target)) : find(fallback);
    };
    const stylesEntry = partOf('/styles', `${workbookDir}/styles.xml`);
    const sharedStringsEntry = partOf('/sharedStrings', `${workbookDir}/sharedStrings.xml`);
    // Locate the data of every part a sheet reader may need while the file is open.
    for (const entry of [stylesEntry, sharedStringsEntry, ...sheets.map((s) => s.entry)]) {
      if (entry) await locateData(handle, size, entry);
    }
    return { sheets, date1904: workbook.date1904, stylesEntry, sharedStringsEntry, bytesRead };
  } finally {
    await handle.close();
  }
}

function resolvePartPath(baseDir: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t.slice(1) : baseDir ? `${baseDir}/${t}` : t;
  return nodePath.posix.normalize(joined).replace(/^(\.\.\/)+/, '');
}

function chooseSheet(sheets: readonly SheetPart[], requested: string | number | undefined): SheetPart {
  const names = sheets.map((s) => s.name);
  if (requested === undefined) {
    const first = sheets[0];
    if (!first) throw new XlsxSheetNotFoundError(1, names);
    return first;
  }
  if (typeof requested === 'number') {
    const found = Number.isInteger(requested) ? sheets[requested - 1] : undefined;
    if (!found || requested < 1) throw new XlsxSheetNotFoundError(requested, names);
    return found;
  }
  const exact = sheets.find((s) => s.name === requested);
  if (exact) return exact;
  const wanted = requested.trim().toLowerCase();
  const loose = sheets.find((s) => s.name.trim().toLowerCase() === wanted);
  if (loose) return loose;
  throw new XlsxSheetNotFoundError(requested, names);
}

// ===========================================================================================
// XML scanning

/**
 * Receives the elements of one XML part. Names are local names (any `x:` prefix removed);
 * attributes of the current start tag are read with {@link XmlScanner.attributes} (or from
 * `src[attrStart, attrEnd)` directly). A self-closing element gets `open` then `close`. Text is
 * delivered only while `wantText` is true, as the range `src[start, end)`: raw XML text to be
 * decoded with {@link decodeText}, or CDATA content to be taken as is.
 */
interface XmlSink {
  wantText: boolean;
  bind(scanner: XmlScanner): void;
  open(name: string): void;
  close(name: string): void;
  text(src: string, start: number, end: number, cdata: boolean): void;
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(match: string, hex: string | undefined, dec: string | undefined, named: string | undefined): string {
  if (named !== undefined) return NAMED_ENTITIES[named] ?? match;
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

function decodeText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s.includes('&') ? s.replace(ENTITY, decodeEntity) : s;
}

function decodeAttribute(raw: string): string {
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 38 /* & */ || ch === 9 || ch === 10 || ch === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  const s = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.includes('&') ? s.replace(ENTITY, decodeEntity) : s;
}

/** Longest incomplete token carried between chunks (a text node or tag this long is not OOXML). */
const MAX_CARRY = 4 * 1024 * 1024;

/** Length of `buf` without a trailing incomplete UTF-8 sequence. */
function completeUtf8Length(buf: Buffer): number {
  const n = buf.length;
  let j = n - 1;
  while (j >= 0 && j > n - 4 && ((buf[j] ?? 0) & 0xc0) === 0x80) j--;
  if (j < 0) return n;
  const lead = buf[j] ?? 0;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return j + size <= n ? n : j;
}

/** Short ASCII names (`c`, `v`, `row`, …) interned, so tag names compare by reference. */
const SHORT_NAMES = new Map<number, string>();

/** The local name (prefix removed) of the tag name `s[start, end)`. */
function localName(s: string, start: number, end: number): string {
  if (end - start <= 4) {
    let key = 0;
    for (let p = start; p < end; p++) {
      const ch = s.charCodeAt(p);
      if (ch >= 128 || ch === 58 /* : */) {
        key = -1;
        break;
      }
      key = key * 128 + ch;
    }
    if (key > 0) {
      let name = SHORT_NAMES.get(key);
      if (name === undefined) {
        name = s.slice(start, end);
        if (SHORT_NAMES.size < 4096) SHORT_NAMES.set(key, name);
      }
      return name;
    }
  }
  for (let p = start; p < end; p++) if (s.charCodeAt(p) === 58 /* : */) return localName(s, p + 1, end);
  return s.slice(start, end);
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 9 || ch === 13;
}

/**
 * A small non-validating XML tokenizer for OOXML parts, fed in chunks. It checks that tags
 * nest, rejects DTDs (OOXML forbids them), handles comments, processing instructions and
 * CDATA, and keeps incomplete tokens for the next chunk.
 */
class XmlScanner {
  private readonly stack: string[] = [];
  /** The text holding the current start tag, and where its attributes are. */
  src = '';
  attrStart = 0;
  attrEnd = 0;
  private sawRoot = false;

  constructor(
    private readonly sink: XmlSink,
    private readonly part: string,
  ) {
    sink.bind(this);
  }

  private fail(what: string): never {
    throw new XlsxFormatError(`“${this.part}”不是格式正确的 XML：${what}`);
  }

  /** Attribute names (prefix kept, e.g. `r:id`) and values filled by {@link attributes}. */
  readonly attrNames: string[] = [];
  readonly attrValues: string[] = [];

  /** Where the attribute found by {@link nextAttribute} has its name and (raw) value. */
  nameStart = 0;
  nameEnd = 0;
  valueStart = 0;
  valueEnd = 0;

  /**
   * Finds the next attribute of the current start tag at or after `pos` (start with
   * `attrStart`), sets `nameStart`…`valueEnd`, and returns the position after it, or -1 when
   * there are no more. Allocates nothing.
   */
  nextAttribute(pos: number): number {
    const s = this.src;
    const end = this.attrEnd;
    let i = pos;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i >= end) return -1;
    this.nameStart = i;
    while (i < end) {
      const ch = s.charCodeAt(i);
      if (ch === 61 /* = */ || isSpace(ch)) break;
      i++;
    }
    this.nameEnd = i;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i >= end || s.charCodeAt(i) !== 61) this.fail('属性缺少值');
    i++;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) this.fail('属性值缺少引号');
    let close = i + 1;
    while (close < end && s.charCodeAt(close) !== quote) close++;
    if (close >= end) this.fail('属性值缺少结束引号');
    this.valueStart = i + 1;
    this.valueEnd = close;
    return close + 1;
  }

  /** Parses the current start tag's attributes into `attrNames`/`attrValues`; returns the count. */
  attributes(): number {
    const s = this.src;
    let count = 0;
    for (let pos = this.nextAttribute(this.attrStart); pos >= 0; pos = this.nextAttribute(pos)) {
      this.attrNames[count] = s.slice(this.nameStart, this.nameEnd);
      this.attrValues[count] = decodeAttribute(s.slice(this.valueStart, this.valueEnd));
      count++;
    }
    return count;
  }

  /** The value of one attribute of the current start tag (by name as written, e.g. `r`). */
  attribute(name: string): string | undefined {
    const s = this.src;
    for (let pos = this.nextAttribute(this.attrStart); pos >= 0; pos = this.nextAttribute(pos)) {
      if (this.nameEnd - this.nameStart === name.length && s.startsWith(name, this.nameStart)) {
        return decodeAttribute(s.slice(this.valueStart, this.valueEnd));
      }
    }
    return undefined;
  }

  /**
   * Scans the next chunk of the part's bytes. Text is decoded per chunk into a flat string
   * (scanning a `rest + chunk` concatenation is markedly slower in V8); the part of the text not
   * yet scanned (an incomplete tag or text) is re-encoded and carried, with any incomplete
   * UTF-8 sequence, in front of the next chunk.
   */
  write(chunk: Buffer): void {
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    if (this.encoding === undefined) {
      if (buf.length < 3) {
        this.carry = Buffer.from(buf);
        return;
      }
      if (buf[0] === 0xff && buf[1] === 0xfe) {
        this.encoding = 'utf16le';
        buf = buf.subarray(2);
      } else if (buf[0] === 0xfe && buf[1] === 0xff) {
        this.fail('不支持 UTF-16 BE 编码');
      } else {
        this.encoding = 'utf8';
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
    }
    const cut = this.encoding === 'utf8' ? completeUtf8Length(buf) : buf.length & ~1;
    const text = buf.toString(this.encoding, 0, cut);
    const scanned = this.scan(text);
    const rest = scanned < text.length ? Buffer.from(text.slice(scanned), this.encoding) : null;
    const tail = cut < buf.length ? buf.subarray(cut) : null;
    if (rest || tail) {
      this.carry = Buffer.concat(rest && tail ? [rest, tail] : [rest ?? tail ?? Buffer.alloc(0)]);
      if (this.carry.length > MAX_CARRY) this.fail('单个元素或文本过大');
    }
  }

  private carry: Buffer | null = null;
  private encoding: 'utf8' | 'utf16le' | undefined;

  /** Scans `s` up to the last complete token; returns where the unscanned rest begins. */
  private scan(s: string): number {
    const n = s.length;
    const sink = this.sink;
    const stack = this.stack;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (!sink.wantText) i = n; // text nobody reads need not be carried
        break; // text continues in the next chunk
      }
      if (lt > i && sink.wantText) sink.text(s, i, lt, false);
      i = lt;
      if (lt + 1 >= n) break;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) break;
        let end = gt;
        while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        const name = localName(s, lt + 2, end);
        if (stack.pop() !== name) this.fail(`结束标签 </${name}> 与开始标签不匹配`);
        sink.close(name);
        i = gt + 1;
      } else if (c1 === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
      } else if (c1 === 33 /* ! */) {
        if (n - lt < 9 && ('<![CDATA['.startsWith(s.slice(lt)) || '<!--'.startsWith(s.slice(lt)))) break;
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          if (sink.wantText) sink.text(s, lt + 9, end, true);
          i = end + 3;
        } else {
          this.fail('不允许 DTD 声明');
        }
      } else {
        // Start tag: find its '>' outside quoted attribute values.
        let j = lt + 1;
        let gt = -1;
        while (j < n) {
          const ch = s.charCodeAt(j);
          if (ch === 62) {
            gt = j;
            break;
          }
          if (ch === 34 || ch === 39) {
            const q = s.indexOf(ch === 34 ? '"' : "'", j + 1);
            if (q < 0) break;
            j = q + 1;
          } else {
            j++;
          }
        }
        if (gt < 0) break;
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        let k = lt + 1;
        while (k < gt) {
          const ch = s.charCodeAt(k);
          if (isSpace(ch) || ch === 47 || ch === 62) break;
          k++;
        }
        if (k === lt + 1) this.fail('标签缺少名称');
        const name = localName(s, lt + 1, k);
        if (stack.length === 0) {
          if (this.sawRoot) this.fail('根元素之后还有元素');
          this.sawRoot = true;
        }
        this.src = s;
        this.attrStart = k;
        this.attrEnd = selfClosing ? gt - 1 : gt;
        sink.open(name);
        if (selfClosing) sink.close(name);
        else stack.push(name);
        i = gt + 1;
      }
    }
    this.src = '';
    return i;
  }

  /** Checks that the part ended cleanly. */
  end(): void {
    if (this.carry && this.carry.toString(this.encoding ?? 'utf8').trim() !== '') this.fail('内容不完整');
    if (!this.sawRoot) this.fail('没有根元素');
    if (this.stack.length > 0) this.fail(`元素 <${this.stack[this.stack.length - 1] ?? ''}> 没有结束`);
  }
}

/** A sink for parts whose text is not needed. */
abstract class BaseSink implements XmlSink {
  wantText = false;
  protected scanner!: XmlScanner;
  bind(scanner: XmlScanner): void {
    this.scanner = scanner;
  }
  abstract open(name: string): void;
  close(_name: string): void {}
  text(_src: string, _start: number, _end: number, _cdata: boolean): void {}
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

class RelationshipsSink extends BaseSink {
  readonly rels: Relationship[] = [];
  open(name: string): void {
    if (name !== 'Relationship') return;
    const count = this.scanner.attributes();
    const a = this.scanner;
    let id = '';
    let type = '';
    let target = '';
    let external = false;
    for (let k = 0; k < count; k++) {
      const v = a.attrValues[k] ?? '';
      switch (a.attrNames[k] ?? '') {
        case 'Id':
          id = v;
          break;
        case 'Type':
          type = v;
          break;
        case 'Target':
          target = v;
          break;
        case 'TargetMode':
          external = v === 'External';
          break;
        default:
          break;
      }
    }
    if (!external && target) this.rels.push({ id, type, target });
  }
}

class WorkbookSink extends BaseSink {
  readonly sheets: { name: string; relId: string }[] = [];
  date1904 = false;
  open(name: string): void {
    if (name === 'workbookPr') {
      const v = this.scanner.attribute('date1904');
      this.date1904 = v === '1' || v === 'true';
    } else if (name === 'sheet') {
      const count = this.scanner.attributes();
      const a = this.scanner;
      let sheetName = '';
      let relId = '';
      for (let k = 0; k < count; k++) {
        const n = a.attrNames[k] ?? '';
        if (n === 'name') sheetName = a.attrValues[k] ?? '';
        else if (n.endsWith(':id')) relId = a.attrValues[k] ?? '';
      }
      this.sheets.push({ name: sheetName, relId });
    }
  }
}

// ===========================================================================================
// Styles: which cell formats show numbers as dates or times

const NOT_DATE = 0;
const DATE = 1;
const TIME = 2;

/** Built-in number formats that Excel does not write to styles.xml (zh-CN meanings). */
function builtinFormatKind(id: number): number {
  if ((id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 31) || id === 36) return DATE;
  if ((id >= 50 && id <= 54) || id === 57 || id === 58) return DATE;
  if ((id >= 71 && id <= 74) || id === 77 || id === 81) return DATE;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id === 55 || id === 56) return TIME;
  if ((id >= 75 && id <= 76) || (id >= 78 && id <= 80)) return TIME;
  return NOT_DATE;
}

/** Whether a format code shows a number as a date (y, d, or m without h/s) or a time. */
function formatCodeKind(code: string): number {
  const section = code.split(';')[0] ?? '';
  let f = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  const elapsed = /\[(?:h+|m+|s+)\]/i.test(f);
  f = f.replace(/\[[^\]]*\]/g, '').replace(/general/gi, '');
  if (/[yd]/i.test(f)) return DATE;
  const time = elapsed || /[hs]/i.test(f);
  if (/m/i.test(f) && !time) return DATE;
  return time ? TIME : NOT_DATE;
}

class StylesSink extends BaseSink {
  private readonly customFormats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;
  private inNumFmts = false; // <dxfs> (conditional formats) have numFmt elements of their own
  open(name: string): void {
    if (name === 'numFmts') {
      this.inNumFmts = true;
    } else if (name === 'numFmt' && this.inNumFmts) {
      const id = Number(this.scanner.attribute('numFmtId'));
      const code = this.scanner.attribute('formatCode');
      if (Number.isInteger(id) && code !== undefined) this.customFormats.set(id, code);
    } else if (name === 'cellXfs') {
      this.inCellXfs = true;
    } else if (name === 'xf' && this.inCellXfs) {
      const id = Number(this.scanner.attribute('numFmtId') ?? '0');
      this.xfFormats.push(Number.isInteger(id) ? id : 0);
    }
  }
  override close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
    else if (name === 'numFmts') this.inNumFmts = false;
  }
  /** Per cell style index (`s`): NOT_DATE, DATE or TIME. */
  dateStyles(): Uint8Array {
    const kinds = new Uint8Array(this.xfFormats.length);
    this.xfFormats.forEach((id, i) => {
      const custom = this.customFormats.get(id);
      kinds[i] = custom !== undefined ? formatCodeKind(custom) : builtinFormatKind(id);
    });
    return kinds;
  }
}

// ===========================================================================================
// Shared strings

/** Excel writes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
function decodeExcelEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

class SharedStringsSink extends BaseSink {
  readonly strings: string[] = [];
  private current = '';
  private phonetic = 0;
  open(name: string): void {
    if (name === 'si') {
      this.current = '';
      this.phonetic = 0;
    } else if (name === 't') {
      this.wantText = this.phonetic === 0;
    } else if (name === 'rPh') {
      this.phonetic++;
    }
  }
  override close(name: string): void {
    if (name === 't') this.wantText = false;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'si') this.strings.push(decodeExcelEscapes(this.current));
  }
  override text(src: string, start: number, end: number, cdata: boolean): void {
    const raw = src.slice(start, end);
    this.current += cdata ? raw : decodeText(raw);
  }
}

// ===========================================================================================
// Sheet

/** Column number (1-based) of a cell reference such as `AB12`; 0 if it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else if (ch !== 36 /* $ */) break;
  }
  return col;
}

function rowOf(ref: string): number {
  const m = /(\d+)\s*$/.exec(ref);
  return m?.[1] ? parseInt(m[1], 10) : 0;
}

function parseRange(ref: string): MergeRange | null {
  const [a, b = a] = ref.trim().split(':');
  if (!a || !b) return null;
  const top = rowOf(a);
  const left = columnOf(a);
  const bottom = rowOf(b);
  const right = columnOf(b);
  if (!top || !left || !bottom || !right) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Whether `raw` is already what {@link numberText} would give: a plain decimal without
 * leading or trailing zeros and at most 15 significant digits (integer zeros count, so it is
 * below 1e15; distinct decimals of ≤ 15 digits are distinct doubles, so nothing shorter
 * round-trips). Lets the common case skip Number→String.
 */
function isShortestDecimal(raw: string): boolean {
  const n = raw.length;
  let i = raw.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i >= n) return false;
  let digits = 0;
  let dot = -1;
  const first = raw.charCodeAt(i);
  if (first < 48 || first > 57) return false; // '.5', '+1', ' 1'
  if (first === 48 /* 0 */) {
    if (i + 1 === n) return i === 0; // '0', but not '-0'
    if (raw.charCodeAt(i + 1) !== 46 /* . */) return false;
  }
  let leading = first === 48; // zeros before the first significant digit do not count
  for (; i < n; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 46) {
      if (dot >= 0) return false;
      dot = i;
    } else if (ch >= 48 && ch <= 57) {
      if (ch !== 48) leading = false;
      if (!leading) digits++;
    } else {
      return false;
    }
  }
  if (digits === 0 || digits > 15) return false;
  return dot < 0 || (dot !== n - 1 && raw.charCodeAt(n - 1) !== 48); // not '1.' nor '1.50'
}

/** Shortest round-trip decimal; small magnitudes are written out instead of `1e-7`. */
function numberText(n: number): string {
  const s = String(n);
  const e = s.indexOf('e-');
  if (e < 0) return s;
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = parseInt(s.slice(e + 2), 10);
  const digits = mantissa.replace('.', '');
  return `${negative ? '-' : ''}0.${'0'.repeat(exponent - 1)}${digits}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clockText(seconds: number): string {
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

/** Excel serial → date text, or null when the serial is outside Excel's date range. */
function serialText(serial: number, kind: number, date1904: boolean): string | null {
  if (!(serial >= 0 && serial < 2958466)) return null; // 9999-12-31 is the last Excel date
  const total = Math.round(serial * 86400);
  let days = Math.floor(total / 86400);
  const seconds = total - days * 86400;
  if (kind === TIME && days === 0) return clockText(seconds);
  if (!date1904 && days > 0 && days < 60) days += 1; // Excel counts a 1900-02-29 that never was
  const ymd = ymdText(days - 25569 + (date1904 ? 1462 : 0));
  return seconds === 0 ? ymd : `${ymd} ${clockText(seconds)}`;
}

/** `YYYY-MM-DD` of a day count since 1970-01-01, cached: a sheet has few distinct dates. */
const YMD_CACHE = new Map<number, string>();
function ymdText(unixDays: number): string {
  let text = YMD_CACHE.get(unixDays);
  if (text === undefined) {
    const d = new Date(unixDays * 86400000);
    text = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    if (YMD_CACHE.size < 50_000) YMD_CACHE.set(unixDays, text);
  }
  return text;
}

/** An ISO 8601 value of a `t="d"` cell, in the same text form as a date-formatted serial. */
function isoDateText(raw: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}:\d{2}))?/.exec(raw.trim());
  if (!m?.[1]) return raw.trim() || null;
  return m[2] && m[2] !== '00:00:00' ? `${m[1]} ${m[2]}` : m[1];
}

// Cell types (`t`), as small numbers for the hot path.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STRING = 2;
const T_INLINE = 3;
const T_BOOLEAN = 4;
const T_ERROR = 5;
const T_DATE = 6;

function cellTypeAt(s: string, start: number, end: number): number {
  const len = end - start;
  if (len === 1) {
    switch (s.charCodeAt(start)) {
      case 115: // s
        return T_SHARED;
      case 110: // n
        return T_NUMBER;
      case 98: // b
        return T_BOOLEAN;
      case 101: // e
        return T_ERROR;
      case 100: // d
        return T_DATE;
      default:
        return T_STRING;
    }
  }
  if (len === 9 && s.startsWith('inlineStr', start)) return T_INLINE;
  return T_STRING; // 'str', and anything unknown is kept as text
}

/** A non-negative decimal integer in `s[start, end)`, or -1. */
function uintAt(s: string, start: number, end: number): number {
  if (start >= end) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The column (1-based) of a cell reference in `s[start, end)`, e.g. `AB12` → 28; 0 if none. */
function columnAt(s: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else if (ch !== 36 /* $ */) break;
  }
  return col;
}

/**
 * Builds rows from the worksheet XML: `<row r>` / `<c r s t>` with `<v>`, `<f>` and inline
 * `<is>` strings, and collects `<mergeCell ref>` (which follows `<sheetData>`). Formulas need
 * no special case: their cached result is the `<v>`, typed by `t` like any other cell.
 */
class SheetSink extends BaseSink {
  readonly merges: MergeRange[] = [];
  private pending: SheetRow[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: (string | null)[] = [];
  private column = 0;
  private inCell = false;
  private style = 0;
  private type = T_NUMBER;
  private hasValue = false;
  /** Decoded `<v>` text, for every type but shared strings. */
  private value = '';
  /** Shared-string index read digit by digit from `<v>`; -1 when not a number. */
  private index = 0;
  private indexDigits = 0;
  private inlineText: string | null = null;
  private inInline = false;
  private phonetic = 0;

  constructor(
    private readonly strings: readonly string[],
    private readonly dateStyles: Uint8Array,
    private readonly date1904: boolean,
  ) {
    super();
  }

  /** Rows completed since the last call. */
  take(): SheetRow[] {
    const rows = this.pending;
    if (rows.length > 0) this.pending = [];
    return rows;
  }

  open(name: string): void {
    switch (name) {
      case 'c':
        if (this.rowNumber > 0) this.openCell();
        break;
      case 'v':
        if (this.inCell) {
          this.hasValue = true;
          this.value = '';
          this.index = 0;
          this.indexDigits = 0;
          this.wantText = true;
        }
        break;
      case 'is':
        if (this.inCell) {
          this.inInline = true;
          this.inlineText = '';
        }
        break;
      case 't':
        if (this.inInline && this.phonetic === 0) this.wantText = true;
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 'row':
        if (this.inSheetData) this.openRow();
        break;
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'mergeCell': {
        const range = parseRange(this.scanner.attribute('ref') ?? '');
        if (range) this.merges.push(range);
        break;
      }
      default:
        break;
    }
  }

  private openRow(): void {
    const sc = this.scanner;
    let r = -1;
    for (let pos = sc.nextAttribute(sc.attrStart); pos >= 0; pos = sc.nextAttribute(pos)) {
      if (sc.nameEnd - sc.nameStart === 1 && sc.src.charCodeAt(sc.nameStart) === 114 /* r */) {
        r = uintAt(sc.src, sc.valueStart, sc.valueEnd);
      }
    }
    this.rowNumber = r > 0 ? r : this.rowNumber + 1;
    this.cells = [];
    this.column = 0;
  }

  private openCell(): void {
    const sc = this.scanner;
    const s = sc.src;
    let col = 0;
    let style = 0;
    let type = T_NUMBER;
    for (let pos = sc.nextAttribute(sc.attrStart); pos >= 0; pos = sc.nextAttribute(pos)) {
      if (sc.nameEnd - sc.nameStart !== 1) continue;
      switch (s.charCodeAt(sc.nameStart)) {
        case 114: // r
          col = columnAt(s, sc.valueStart, sc.valueEnd);
          break;
        case 115: // s
          style = Math.max(0, uintAt(s, sc.valueStart, sc.valueEnd));
          break;
        case 116: // t
          type = cellTypeAt(s, sc.valueStart, sc.valueEnd);
          break;
        default:
          break;
      }
    }
    this.column = col > 0 ? col : this.column + 1;
    this.style = style;
    this.type = type;
    this.hasValue = false;
    this.inlineText = null;
    this.inCell = true;
  }

  override close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.wantText = false;
        break;
      case 'c':
        if (this.inCell) {
          const text = this.cellText();
          if (text !== null) {
            const cells = this.cells;
            const index = this.column - 1;
            while (cells.length < index) cells.push(null);
            cells[index] = text;
          }
          this.inCell = false;
        }
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'row':
        if (this.cells.length > 0) this.pending.push({ line: this.rowNumber, cells: this.cells });
        this.cells = [];
        break;
      case 'sheetData':
        this.inSheetData = false;
        this.rowNumber = 0;
        break;
      default:
        break;
    }
  }

  override text(src: string, start: number, end: number, cdata: boolean): void {
    if (this.inInline) {
      const raw = src.slice(start, end);
      this.inlineText += cdata ? raw : decodeText(raw);
    } else if (this.type === T_SHARED) {
      // Digits only (whitespace allowed); anything else makes the index invalid.
      for (let i = start; i < end; i++) {
        const ch = src.charCodeAt(i);
        if (ch >= 48 && ch <= 57) {
          if (this.index >= 0) {
            this.index = this.index * 10 + (ch - 48);
            this.indexDigits++;
          }
        } else if (!isSpace(ch)) {
          this.index = -1;
        }
      }
    } else {
      const raw = src.slice(start, end);
      this.value += cdata ? raw : decodeText(raw);
    }
  }

  private cellText(): string | null {
    switch (this.type) {
      case T_SHARED: {
        if (!this.hasValue) return null;
        const s = this.index >= 0 && this.indexDigits > 0 ? this.strings[this.index] : undefined;
        if (s === undefined) {
          throw new XlsxFormatError(`第 ${this.rowNumber} 行的共享字符串序号无效或超出范围（共 ${this.strings.length} 个）`);
        }
        return s === '' ? null : s;
      }
      case T_INLINE: {
        const s = this.inlineText ?? (this.hasValue ? this.value : '');
        return s === '' ? null : decodeExcelEscapes(s);
      }
      case T_STRING:
        return !this.hasValue || this.value === '' ? null : decodeExcelEscapes(this.value);
      case T_BOOLEAN: {
        const v = this.hasValue ? this.value.trim() : '';
        if (v === '') return null;
        return v === '0' || v.toLowerCase() === 'false' ? 'FALSE' : 'TRUE';
      }
      case T_ERROR:
        return (this.hasValue && this.value.trim()) || null;
      case T_DATE:
        return this.hasValue ? isoDateText(this.value) : null;
      default: {
        if (!this.hasValue) return null;
        const raw = this.value.trim();
        if (raw === '') return null;
        const kind = this.dateStyles[this.style] ?? NOT_DATE;
        if (kind === NOT_DATE && isShortestDecimal(raw)) return raw;
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        if (kind !== NOT_DATE) {
          const date = serialText(n, kind, this.date1904);
          if (date !== null) return date;
        }
        return numberText(n);
      }
    }
  }
}

async function* streamRows(file: string, entry: ZipEntry, sink: SheetSink, progress: ProgressMeter, sheet: string): AsyncGenerator<SheetRow> {
  let stream: Readable | undefined;
  try {
    stream = openEntryStream(file, entry, (n) => progress.add(n));
    const scanner = new XmlScanner(sink, entry.name);
    for await (const chunk of stream) {
      scanner.write(chunk as Buffer);
      for (const row of sink.take()) yield row;
    }
    scanner.end();
    for (const row of sink.take()) yield row;
    progress.finish();
  } catch (error) {
    throw asReadError(file, error, sheet);
  } finally {
    stream?.destroy();
  }
}
