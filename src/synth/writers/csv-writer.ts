import { closeSync, openSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';

const FLUSH_CHARS = 1 << 20;

/** Quotes a CSV field when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes a CSV file line by line in the agency's encoding (GBK for most Chinese government
 * exports, UTF-8 with a BOM for others), buffering about a megabyte at a time.
 */
export class CsvStreamWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private length = 0;

  constructor(
    file: string,
    private readonly encoding: 'gbk' | 'utf8-bom' | 'utf8',
    private readonly eol = '\r\n',
  ) {
    this.fd = openSync(file, 'w');
    if (encoding === 'utf8-bom') writeSync(this.fd, Buffer.from([0xef, 0xbb, 0xbf]));
  }

  /** A row of already-formatted cells. */
  row(cells: readonly string[]): void {
    this.line(cells.map(csvField).join(','));
  }

  /** A raw line, written as is (used for deliberately broken lines). */
  line(text: string): void {
    this.buffer.push(text, this.eol);
    this.length += text.length + this.eol.length;
    if (this.length >= FLUSH_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.length = 0;
    writeSync(this.fd, this.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  }
}
