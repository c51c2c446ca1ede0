import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { transcodeGb18030InParallel } from './parallel-gb18030.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jd-parallel-gb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes`, transcodes them in chunks of `chunk` bytes; the UTF-8 text, or null when declined. */
async function transcode(bytes: Buffer, chunk: number, bomLength = 0): Promise<string | null> {
  const source = path.join(dir, 'in.csv');
  const target = path.join(dir, 'out.csv');
  writeFileSync(source, bytes);
  return (await transcodeGb18030InParallel(source, bytes.length, bomLength, target, undefined, chunk)) ? readFileSync(target, 'utf8') : null;
}

describe('transcoding GB18030 on several threads', () => {
  // Lines of varied length with two- and four-byte characters, so chunk ends fall everywhere.
  const lines = Array.from({ length: 3000 }, (_, i) => `${i},王${'伟'.repeat(i % 7)},六枝特区第${i}号商行（集团）,𠀀𪚥€¥·${'x'.repeat(i % 13)}\r\n`);
  const bytes = iconv.encode(lines.join(''), 'gb18030');

  it('gives iconv-lite’s text whatever the chunk size, chunks ending at line ends', async () => {
    for (const chunk of [1, 100, 4096, 65_537, bytes.length * 2]) expect(await transcode(bytes, chunk), `chunk ${chunk}`).toBe(iconv.decode(bytes, 'gb18030'));
  });

  it('starts after a byte-order mark and keeps a last line without a line feed', async () => {
    const bom = Buffer.from([0x84, 0x31, 0x95, 0x33]);
    const tail = iconv.encode('末行,无换行', 'gb18030');
    expect(await transcode(Buffer.concat([bom, bytes, tail]), 5000, bom.length)).toBe(iconv.decode(Buffer.concat([bytes, tail]), 'gb18030'));
  });

  it('declines bytes that are not GB18030, and the codes GB18030-2022 moved', async () => {
    expect(await transcode(Buffer.concat([bytes, Buffer.from([0x81, 0x0a])]), 10_000)).toBeNull();
    expect(await transcode(Buffer.concat([bytes, Buffer.from([0xa6, 0xd9, 0x0a])]), 10_000)).toBeNull();
  });
});
