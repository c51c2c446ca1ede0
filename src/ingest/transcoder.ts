import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding-detector.js';
import { GB18030_2022_CHANGED, PARALLEL_MIN_BYTES, transcodeGb18030InParallel } from './parallel-gb18030.js';

/** A line whose bytes could not be decoded in the file's encoding. */
export interface UndecodableLine {
  /** 1-based physical line in the source file. */
  readonly line: number;
  /** The line as decoded, with U+FFFD where bytes were invalid. */
  readonly text: string;
}

export function iconvName(encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-16le':
      return 'utf16le';
    case 'utf-16be':
      return 'utf16-be';
    case 'utf-8':
    case 'gb18030':
    case 'big5':
      return encoding;
  }
}

/**
 * Replaces each line that contains U+FFFD (bytes the decoder could not map) by an empty line and
 * reports it. Empty lines keep the line numbering that DuckDB's reader reports for rejects, and
 * DuckDB skips them, so the damaged line is quarantined with its true line number instead of
 * slipping into the warehouse as garbled text.
 */
class UndecodableLineFilter extends Transform {
  private line = 1;
  private carry = '';
  constructor(private readonly found: UndecodableLine[]) {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: string, _enc: BufferEncoding, done: TransformCallback): void {
    const text = this.carry + chunk;
    const lastNl = text.lastIndexOf('\n');
    this.carry = lastNl < 0 ? text : text.slice(lastNl + 1);
    const complete = lastNl < 0 ? '' : text.slice(0, lastNl + 1);
    done(null, this.dropUndecodable(complete));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.dropUndecodable(this.carry));
  }

  private dropUndecodable(text: string): string {
    if (!text.includes('\uFFFD')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
      return text;
    }
    const parts = text.split('\n');
    const out: string[] = [];
    parts.forEach((part, i) => {
      if (part.includes('\uFFFD')) {
        this.found.push({ line: this.line, text: part.replace(/\r$/, '') });
        out.push(part.endsWith('\r') ? '\r' : '');
      } else out.push(part);
      if (i < parts.length - 1) this.line++;
    });
    return out.join('\n');
  }
}

/**
 * GB18030 through the runtime's own decoder (ICU behind `TextDecoder`), about twice as fast as
 * iconv-lite on large exports. It is used only where both decoders give the same text: the
 * decoder is fatal, so a file with bytes that are not valid GB18030 falls back to iconv-lite (which
 * decides where the replacement characters go, see {@link UndecodableLineFilter}); and ICU follows
 * GB18030-2022, which moved 18 two-byte codes (A6D9…A6F3, FE59…FEA0) from private-use code points
 * to U+FE10–FE19 and U+9FB4–9FBB, so text holding those code points falls back too, keeping
 * iconv-lite's 2005 mapping. Checked against iconv-lite on every 1-, 2- and 4-byte sequence
 * (`transcoder.test.ts`).
 */
class NativeGb18030Decoder extends Transform {
  private readonly decoder = new TextDecoder('gb18030', { fatal: true });
  constructor() {
    super({ encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.pushDecoded(done, () => this.decoder.decode(chunk, { stream: true }));
  }

  override _flush(done: TransformCallback): void {
    this.pushDecoded(done, () => this.decoder.decode());
  }

  private pushDecoded(done: TransformCallback, decode: () => string): void {
    let text: string;
    try {
      text = decode();
    } catch {
      done(new NativeDecoderDeclined());
      return;
    }
    if (GB18030_2022_CHANGED.test(text)) done(new NativeDecoderDeclined());
    else done(null, text);
  }
}

class NativeDecoderDeclined extends Error {}

/** Whether the runtime can decode GB18030 itself (Node built with full ICU, the default). */
function hasNativeGb18030(): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Streams a text file in another encoding into a UTF-8 copy that DuckDB's CSV reader can read,
 * moving lines with undecodable bytes out of the way (see {@link UndecodableLineFilter}).
 * GB18030 goes through the runtime's decoder when it can (see {@link NativeGb18030Decoder}).
 *
 * @example
 * const bad = await transcodeToUtf8('export.csv', 'gb18030', 0, '/ws/tmp/x.csv');
 */
export async function transcodeToUtf8(
  source: string,
  encoding: TextEncoding,
  bomLength: number,
  target: string,
  onProgress?: (bytesRead: number) => void,
): Promise<UndecodableLine[]> {
  if (encoding === 'gb18030' && hasNativeGb18030()) {
    // A large file on every core (see parallel-gb18030.ts); a declined one starts over below.
    const size = (await stat(source)).size;
    if (size >= PARALLEL_MIN_BYTES && (await transcodeGb18030InParallel(source, size, bomLength, target, onProgress))) return [];
    try {
      // A strict decoder leaves no undecodable bytes (it declines instead), so no line needs
      // filtering; a U+FFFD in its output is a U+FFFD the file itself encodes.
      return await transcodeWith(() => new NativeGb18030Decoder(), source, bomLength, target, onProgress, false);
    } catch (error) {
      if (!(error instanceof NativeDecoderDeclined)) throw error;
    }
  }
  return transcodeWith(() => iconv.decodeStream(iconvName(encoding)), source, bomLength, target, onProgress);
}

async function transcodeWith(
  decoder: () => NodeJS.ReadWriteStream,
  source: string,
  bomLength: number,
  target: string,
  onProgress: ((bytesRead: number) => void) | undefined,
  filterUndecodable = true,
): Promise<UndecodableLine[]> {
  let read = 0;
  const found: UndecodableLine[] = [];
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      onProgress?.(read);
      done(null, chunk);
    },
  });
  const input = createReadStream(source, { start: bomLength, highWaterMark: 1 << 20 });
  const output = createWriteStream(target, { encoding: 'utf8' });
  if (filterUndecodable) await pipeline(input, counter, decoder(), new UndecodableLineFilter(found), output);
  else await pipeline(input, counter, decoder(), output);
  return found;
}
