import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, parseEncoding } from './encoding-detector.js';

describe('encoding detection of text exports', () => {
  it('recognises UTF-8 with and without a BOM, and UTF-16 by its BOM', () => {
    expect(detectEncoding(Buffer.from('\uFEFF序号,姓名', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3, basis: 'bom' });
    expect(detectEncoding(Buffer.from('序号,姓名\n1,张三', 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x8f, 0x5e])).encoding).toBe('utf-16le');
  });

  it('takes GBK text for GB18030', () => {
    const gbk = iconv.encode('序号,姓名,身份证号\n1,张三,520203198506121234\n2,李四,520203199001014567\n', 'gbk');
    expect(detectEncoding(gbk).encoding).toBe('gb18030');
  });

  it('accepts a UTF-8 sample cut in the middle of a character', () => {
    const bytes = Buffer.from('名称,地址\n甲,六枝特区', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });

  it('parses user-given encoding names', () => {
    expect(parseEncoding('GBK')).toBe('gb18030');
    expect(parseEncoding('utf8')).toBe('utf-8');
    expect(parseEncoding('latin1')).toBeUndefined();
  });
});
