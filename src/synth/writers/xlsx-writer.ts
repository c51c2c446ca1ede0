import { closeSync, openSync, writeSync } from 'node:fs';
import zlib from 'node:zlib';

/** A cell: text (written as an inline string), a number, or empty. */
export type XlsxCell = string | number | null;

const FLUSH_BYTES = 1 << 20;

interface ZipEntry {
  readonly name: Buffer;
  readonly offset: number;
  crc: number;
  compressed: number;
  size: number;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Writes a one-sheet XLSX file row by row with bounded memory: the sheet XML is deflated in
 * independent sync-flushed chunks (a valid single DEFLATE stream once concatenated), its CRC is
 * kept incrementally, and the ZIP sizes go into a data descriptor after the entry. Strings are
 * inline (no shared-string table to hold in memory); numbers are plain numeric cells.
 */
export class XlsxStreamWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: ZipEntry[] = [];
  private sheet: ZipEntry | null = null;
  private chunk: string[] = [];
  private chunkLength = 0;
  private rowNo = 0;
  private readonly merges: string[] = [];

  constructor(
    file: string,
    private readonly sheetName = 'Sheet1',
  ) {
    this.fd = openSync(file, 'w');
    this.sheet = this.beginEntry('xl/worksheets/sheet1.xml');
    this.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  }

  /** Merges cells of the row just written, from column `from` to `to` (0-based, inclusive). */
  mergeLastRow(from: number, to: number): void {
    this.merges.push(`${columnLetters(from)}${this.rowNo}:${columnLetters(to)}${this.rowNo}`);
  }

  row(cells: readonly XlsxCell[]): void {
    this.rowNo++;
    let xml = `<row r="${this.rowNo}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === undefined || v === '') continue;
      const ref = `${columnLetters(i)}${this.rowNo}`;
      xml += typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
    }
    this.push(`${xml}</row>`);
  }

  close(): void {
    this.push('</sheetData>');
    if (this.merges.length > 0) this.push(`<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    this.push('</worksheet>');
    this.flush(true);
    this.endEntry();
    const sheetName = escapeXml(this.sheetName);
    this.smallEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    this.smallEntry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    this.smallEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    this.smallEntry(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    this.writeCentralDirectory();
    closeSync(this.fd);
  }

  private push(text: string): void {
    this.chunk.push(text);
    this.chunkLength += text.length;
    if (this.chunkLength >= FLUSH_BYTES) this.flush(false);
  }

  private flush(final: boolean): void {
    const entry = this.sheet;
    if (!entry) return;
    const data = Buffer.from(this.chunk.join(''), 'utf8');
    this.chunk = [];
    this.chunkLength = 0;
    entry.crc = zlib.crc32(data, entry.crc);
    entry.size += data.length;
    const deflated = zlib.deflateRawSync(data, { level: 1, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    entry.compressed += deflated.length;
    this.write(deflated);
  }

  private write(buf: Buffer): void {
    writeSync(this.fd, buf);
    this.offset += buf.length;
  }

  /** Local header with sizes deferred to a data descriptor (general-purpose flag bit 3). */
  private beginEntry(name: string): ZipEntry {
    const nameBuf = Buffer.from(name, 'utf8');
    const entry: ZipEntry = { name: nameBuf, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0808, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(nameBuf.length, 26);
    this.write(h);
    this.write(nameBuf);
    this.entries.push(entry);
    return entry;
  }

  private endEntry(): void {
    const entry = this.sheet;
    if (!entry) return;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(entry.crc >>> 0, 4);
    d.writeUInt32LE(entry.compressed, 8);
    d.writeUInt32LE(entry.size, 12);
    this.write(d);
    this.sheet = null;
  }

  private smallEntry(name: string, text: string): void {
    this.sheet = this.beginEntry(name);
    this.chunk = [text];
    this.chunkLength = text.length;
    this.flush(true);
    this.endEntry();
  }

  private writeCentralDirectory(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.write(h);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
  }
}
