import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/**
 * Decoding GB18030 on every core. The file is cut into chunks at line ends — a line feed (0x0A)
 * is never part of a multi-byte GB18030 character, whose trailing bytes are 0x30–0x39 and
 * 0x40–0xFE — so each chunk decodes on its own. Workers decode a round of chunks side by side
 * (one per core, at most CHUNK bytes each: memory stays bounded) and the main thread writes them
 * in order. While a file is transcoded DuckDB is idle, so the second core is free: the 127 MB
 * GBK export of bench/import, median 534 → 433 ms over eight alternating runs on two cores.
 *
 * The decoder is the runtime's strict one, with the same refusals as the sequential
 * NativeGb18030Decoder in transcoder.ts: bytes that are not valid GB18030, or text holding code
 * points GB18030-2022 moved, make it decline (false), and the caller starts over another way.
 */

/** Code points ICU's GB18030-2022 decoder gives for the 18 codes whose mapping changed since 2005. */
export const GB18030_2022_CHANGED = /[\uFE10-\uFE19\u9FB4-\u9FBB]/;

/** Bytes below which one thread decodes faster than starting workers. */
export const PARALLEL_MIN_BYTES = 8 << 20;
const CHUNK = 4 << 20;

/** The worker: decodes [start, end) of the file strictly; posts UTF-8 bytes, or { declined }. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const CHANGED = new RegExp(${JSON.stringify(GB18030_2022_CHANGED.source)});
parentPort.on('message', ({ file, start, end }) => {
  const bytes = Buffer.allocUnsafe(end - start);
  const fd = openSync(file, 'r');
  try {
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, start + read);
      if (n === 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  let text;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    parentPort.postMessage({ declined: true });
    return;
  }
  if (CHANGED.test(text)) {
    parentPort.postMessage({ declined: true });
    return;
  }
  const out = new TextEncoder().encode(text);
  parentPort.postMessage({ out }, [out.buffer]);
});
`;

interface Chunk {
  readonly start: number;
  readonly end: number;
}

/**
 * Transcodes `source` (GB18030, `size` bytes, the first `bomLength` a byte-order mark) to UTF-8 in
 * `target` on several threads.
 * Returns false, having written a partial `target` the caller overwrites, when the strict decoder
 * declines the file. `chunkBytes` is for tests.
 */
export async function transcodeGb18030InParallel(
  source: string,
  size: number,
  bomLength: number,
  target: string,
  onProgress?: (bytesRead: number) => void,
  chunkBytes = CHUNK,
): Promise<boolean> {
  const threads = Math.max(2, Math.min(os.availableParallelism(), 8));
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true }));
  const output = createWriteStream(target);
  const input = await open(source, 'r');
  try {
    let offset = bomLength;
    while (offset < size) {
      const round: Chunk[] = [];
      while (round.length < workers.length && offset < size) {
        const end = await lineEndAfter(input, Math.min(size, offset + chunkBytes), size);
        round.push({ start: offset, end });
        offset = end;
      }
      const decoded = await Promise.all(round.map((c, i) => decodeIn(workers[i] as Worker, source, c)));
      if (decoded.some((d) => d === null)) return false;
      for (const d of decoded) {
        if (d && !output.write(d)) await once(output, 'drain');
      }
      onProgress?.(offset);
    }
    return true;
  } finally {
    await input.close();
    output.end();
    await once(output, 'close');
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The offset just past the first line feed at or after `from` (the file's end if none). */
async function lineEndAfter(file: Awaited<ReturnType<typeof open>>, from: number, size: number): Promise<number> {
  if (from >= size) return size;
  const window = Buffer.allocUnsafe(1 << 16);
  for (let at = from; at < size; at += window.length) {
    const { bytesRead } = await file.read(window, 0, Math.min(window.length, size - at), at);
    const nl = window.subarray(0, bytesRead).indexOf(0x0a);
    if (nl >= 0) return at + nl + 1;
    if (bytesRead === 0) break;
  }
  return size;
}

function decodeIn(worker: Worker, file: string, chunk: Chunk): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const done = (message: { declined?: boolean; out?: Uint8Array }): void => {
      worker.off('error', failed);
      resolve(message.declined ? null : (message.out ?? null));
    };
    const failed = (error: Error): void => {
      worker.off('message', done);
      reject(error);
    };
    worker.once('message', done);
    worker.once('error', failed);
    worker.postMessage({ file, start: chunk.start, end: chunk.end });
  });
}
