import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimitedRecords } from './delimited-sample.js';

function csvCell(c: string): string {
  return /[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c;
}

describe('the sample parser that finds delimiters and header rows', () => {
  it('round-trips records written with CSV quoting, and reports the physical line each starts on', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '名', ',', '"', '\n', ' ', '1'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (rows, crlf) => {
        const nl = crlf ? '\r\n' : '\n';
        const text = rows.map((r) => r.map(csvCell).join(',')).join(nl) + nl;
        const parsed = parseDelimitedRecords(text, ',', false);
        expect(parsed.map((r) => r.cells)).toEqual(rows);
        let line = 1;
        rows.forEach((r, i) => {
          expect(parsed[i]?.line).toBe(line);
          line += 1 + r.join('').split('\n').length - 1;
        });
      }),
    );
  });

  it('stops after the first n records, which are the records a full parse starts with', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '名', ',', '"', '\n', '1'), maxLength: 4 });
    const line = fc.oneof(fc.constant([] as string[]), fc.array(cell, { minLength: 2, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.integer({ min: 1, max: 12 }), (rows, limit) => {
        const text = rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
        const full = parseDelimitedRecords(text, ',', false);
        expect(parseDelimitedRecords(text, ',', false, limit)).toEqual(full.slice(0, limit));
        expect(parseDelimitedRecords(text, ',', true, limit)).toEqual(full.slice(0, limit));
      }),
    );
  });

  it('counts blank lines in line numbers but returns no record for them', () => {
    const parsed = parseDelimitedRecords('标题,,\n\n序号,姓名,电话\r\n1,张三,138\n', ',', false);
    expect(parsed.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it('drops the last record of a truncated sample', () => {
    expect(parseDelimitedRecords('a,b\n1,2\n3,', ',', true).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('detects tab, semicolon and comma delimiters', () => {
    expect(detectDelimiter('序号\t姓名\n1\t张三\n', 'x.txt')).toBe('\t');
    expect(detectDelimiter('序号;姓名;电话\n1;张三;1\n', 'x.csv')).toBe(';');
    expect(detectDelimiter('序号,姓名\n1,"张,三"\n', 'x.csv')).toBe(',');
    expect(detectDelimiter('a,b\n', 'x.tsv')).toBe('\t');
  });
});
