import { Worker } from 'node:worker_threads';
import { LINE_SCANNER_SOURCE, type LineProfile } from './line-scanner.js';

/**
 * The reading loop, run in a worker thread: the SHA-256 of the file and, when asked, its line
 * profile (see line-scanner.ts) from the same read. Hashing on the main thread (about 0.1 s for
 * a 150 MB file) ran between the import's own steps — the stream delivers chunks as fast as the
 * page cache does — and delayed reading the file's head and planning by 0.2 s.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
${LINE_SCANNER_SOURCE}
(async () => {
  const hash = createHash('sha256');
  const lines = workerData.lines ? createLineScanner() : null;
  for await (const chunk of createReadStream(workerData.file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk);
    if (lines) lines.push(chunk);
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), lines: lines ? lines.finish() : null });
})().catch((error) => parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } }));
`;

export interface FileScan {
  readonly sha256: string;
  /** Null unless asked for. */
  readonly lines: LineProfile | null;
}

type WorkerAnswer = FileScan | { error: { message: string; code?: string } };

/** Reads a file once in a worker thread: its SHA-256 and, with `lines`, its line profile. Rejects with the read error (its `code` kept). */
export function scanFile(file: string, options: { lines?: boolean } = {}): Promise<FileScan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, lines: options.lines === true } });
    worker.once('message', (message: WorkerAnswer) => {
      if ('error' in message) reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`file scan worker exited (${code}) before answering`)));
  });
}

/** SHA-256 of a file, streamed in a worker thread. */
export async function sha256File(file: string): Promise<string> {
  return (await scanFile(file)).sha256;
}
