import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { GB18030_2022_CHANGED } from './parallel-gb18030.js';
import { transcodeToUtf8 } from './transcoder.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jd-transcoder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Transcodes `bytes` as GB18030 through the importer; returns the UTF-8 text and the undecodable lines. */
async function transcode(bytes: Buffer): Promise<{ text: string; undecodable: { line: number; text: string }[] }> {
  const source = path.join(dir, 'in.csv');
  const target = path.join(dir, 'out.csv');
  writeFileSync(source, bytes);
  const undecodable = await transcodeToUtf8(source, 'gb18030', 0, target);
  return { text: readFileSync(target, 'utf8'), undecodable };
}

/** What iconv-lite alone gives for a file without undecodable bytes. */
const viaIconv = (bytes: Buffer): string => iconv.decode(bytes, 'gb18030');

describe('transcodeToUtf8 (GB18030)', () => {
  it('gives iconv-lite’s text for an agency export: Chinese, ASCII, CRLF, four-byte characters, a GB18030 BOM', async () => {
    const text = `\uFEFF序号,姓名,单位名称,备注\r\n1,王伟,六枝特区第1号商行,𠀀𪚥\r\n2,欧阳秀英,贵州华信（集团）有限公司,€ ¥ ·\r\n`.repeat(2000);
    const bytes = iconv.encode(text, 'gb18030');
    const out = await transcode(bytes);
    expect(out.text).toBe(viaIconv(bytes));
    expect(out.undecodable).toEqual([]);
  });

  it('keeps iconv-lite’s GB18030-2005 mapping for the 18 codes GB18030-2022 changed (A6D9, FE59, …)', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xa6, 0xd9, 0xfe, 0x59, 0x0a]), Buffer.from('c,d\n')]);
    const out = await transcode(bytes);
    expect(out.text).toBe(viaIconv(bytes));
    expect(out.text).toContain('\ue78d');
  });

  it('keeps a replacement character the file itself encodes, and quarantines nothing', async () => {
    // GB18030 encodes U+FFFD as 84 31 A4 37: agency text that holds it is text, not damage.
    const bytes = Buffer.concat([iconv.encode('姓名,备注\n张三,', 'gb18030'), Buffer.from([0x84, 0x31, 0xa4, 0x37]), Buffer.from('\n')]);
    const out = await transcode(bytes);
    expect(out.text).toBe('姓名,备注\n张三,\uFFFD\n');
    expect(out.undecodable).toEqual([]);
  });

  it('reports lines with bytes that are not GB18030 exactly as before (iconv-lite decides the replacements)', async () => {
    const good = iconv.encode('甲,乙\n', 'gb18030');
    const bytes = Buffer.concat([good, Buffer.from([0x31, 0x2c, 0x81, 0x0a]), good, Buffer.from([0xff, 0x0d, 0x0a]), good]);
    const out = await transcode(bytes);
    expect(out.undecodable.map((u) => u.line)).toEqual([2, 4]);
    expect(out.text).toBe('甲,乙\n\n甲,乙\n\r\n甲,乙\n');
  });

  it('gives iconv-lite’s text for a file large enough to decode on several threads', async () => {
    const text = '序号,姓名,单位名称,备注\r\n' + Array.from({ length: 160_000 }, (_, i) => `${i},欧阳秀英,六枝特区第${i}号商行（集团）,𠀀€·\r\n`).join('');
    const bytes = iconv.encode(text, 'gb18030');
    expect(bytes.length).toBeGreaterThan(8 << 20);
    const out = await transcode(bytes);
    expect(out.text).toBe(text);
    expect(out.undecodable).toEqual([]);
  });

  it('the runtime decoder agrees with iconv-lite on every byte sequence it accepts', () => {
    const fatal = new TextDecoder('gb18030', { fatal: true });
    const disagreements: string[] = [];
    const check = (seq: number[]): void => {
      const bytes = Buffer.from(seq);
      let native: string;
      try {
        native = fatal.decode(bytes);
      } catch {
        return; // falls back to iconv-lite
      }
      if (!GB18030_2022_CHANGED.test(native) && native !== iconv.decode(bytes, 'gb18030')) disagreements.push(bytes.toString('hex'));
    };
    for (let a = 0; a <= 0xff; a++) check([a]);
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) check([a, b]);
    // Four-byte sequences: the BMP part (first byte 81–84) and the supplementary planes (90–E3).
    for (const a of [0x81, 0x82, 0x83, 0x84, 0x90, 0x95, 0xa0, 0xe3]) {
      for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) check([a, b, c, d]);
    }
    expect(disagreements).toEqual([]);
  });
});
