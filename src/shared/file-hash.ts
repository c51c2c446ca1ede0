import { Worker } from 'node:worker_threads';

/**
 * The hashing loop, run in a worker thread. Hashing on the main thread (about 0.1 s for a
 * 150 MB file) ran between the import's own steps — the stream delivers chunks as fast as the
 * page cache does — and delayed reading the file's head and planning by 0.2 s.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
(async () => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(workerData, { highWaterMark: 1 << 20 })) hash.update(chunk);
  parentPort.postMessage(hash.digest('hex'));
})().catch((error) => parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } }));
`;

/** SHA-256 of a file, streamed in a worker thread; rejects with the read error (its `code` kept). */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: file });
    worker.once('message', (message: string | { error: { message: string; code?: string } }) => {
      if (typeof message === 'string') resolve(message);
      else reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hash worker exited (${code}) before answering`)));
  });
}
