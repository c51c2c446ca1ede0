import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { createLineScanner, stagedLineSql, type LineProfile } from './line-scanner.js';

/** The profile by the definition, character by character over the whole text. */
function reference(text: string): LineProfile {
  let line = 1;
  let inQuotes = false;
  let lastIrregular = 0;
  let lastContent = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n') {
      const empty = current === '' || current === '\r';
      if (inQuotes || empty) lastIrregular = line;
      if (!empty) lastContent = line;
      line++;
      current = '';
    } else current += ch;
  }
  if (inQuotes) lastIrregular = line;
  return { lastContentLine: current !== '' ? line : lastContent, lastIrregularLine: lastIrregular };
}

function scan(bytes: Uint8Array, cuts: readonly number[]): LineProfile {
  const s = createLineScanner();
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    s.push(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  s.push(bytes.subarray(from));
  return s.finish();
}

describe('the line scanner that tells whether every line after the header is one record', () => {
  it('agrees with the definition on any text, however the bytes are cut into chunks', () => {
    const unit = fc.constantFrom('a', '名', ',', '"', '\n', '\r\n', '\r', ' ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(scan(bytes, cuts.map((c) => c % (bytes.length + 1)))).toEqual(reference(text));
      }),
    );
  });

  it('finds nothing irregular in a plain export, and its last record with or without a final newline', () => {
    expect(scan(Buffer.from('标题\r\n序号,姓名\r\n1,张三\r\n2,"李,四"\r\n'), [])).toEqual({ lastContentLine: 4, lastIrregularLine: 0 });
    expect(scan(Buffer.from('序号,姓名\n1,张三'), [])).toEqual({ lastContentLine: 2, lastIrregularLine: 0 });
  });

  it('names the last line that breaks one line, one record: a blank line, a quoted line break, an open quote', () => {
    expect(scan(Buffer.from('标题\n\n序号,姓名\n1,张三\n'), []).lastIrregularLine).toBe(2);
    expect(scan(Buffer.from('序号,备注\n1,"第一行\n第二行"\n2,x\n'), []).lastIrregularLine).toBe(2);
    expect(scan(Buffer.from('序号,姓名\r\n\r\n1,张三\r\n'), [11]).lastIrregularLine).toBe(2);
    expect(scan(Buffer.from('序号,姓名\n1,"张三\n'), [4]).lastIrregularLine).toBe(3);
  });
});

describe('the line of each staged record, in SQL', () => {
  it('is the k-th line after the header that was not rejected, for any set of rejected lines', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 60 }), fc.array(fc.nat(), { maxLength: 30 }), async (header, dataLines, picks) => {
          const rejected = [...new Set(picks.map((p) => header + 1 + (p % dataLines)))];
          const accepted = Array.from({ length: dataLines }, (_, i) => header + 1 + i).filter((l) => !rejected.includes(l));
          const profile = { lastContentLine: header + dataLines, lastIrregularLine: 0 };
          const sql = stagedLineSql(profile, header, accepted.length, rejected);
          expect(sql).not.toBeNull();
          // A table of the staged records' count: its rowid numbers them from 0, as the stage's does.
          await c.run(`CREATE OR REPLACE TABLE stage AS SELECT range AS x FROM range(${accepted.length})`);
          const reader = await c.runAndReadAll(`SELECT (${sql})::INTEGER AS line FROM stage ORDER BY rowid`);
          expect(reader.getRowObjectsJson().map((r) => r['line'])).toEqual(accepted);
        }),
        { numRuns: 60 },
      );
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });

  it('is unknown when the counts disagree or a line after the header is irregular', () => {
    expect(stagedLineSql({ lastContentLine: 10, lastIrregularLine: 0 }, 2, 7, [])).toBeNull();
    expect(stagedLineSql({ lastContentLine: 10, lastIrregularLine: 3 }, 2, 8, [])).toBeNull();
    expect(stagedLineSql({ lastContentLine: 10, lastIrregularLine: 2 }, 2, 8, [])).toBe('(rowid + 3)');
    expect(stagedLineSql(null, 2, 8, [])).toBeNull();
  });
});
