import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeCode } from './code.js';
import { MESSY_BLANKS, insertAt, toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
const sqlCode = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_code(${x})`, values);

const CASES: readonly [string | null, string | null][] = [
  [' aj-2023-001 ', 'AJ-2023-001'],
  ['ＡＪ２０２３００１', 'AJ2023001'],
  ['黔0102 刑初 123号', '黔0102刑初123号'],
  ['a b\tc\u3000d', 'ABCD'],
  ['straße', 'STRAßE'],
  ['', null],
  ['\u3000 ', null],
  [null, null],
];

describe('normalizeCode', () => {
  it('folds, drops blanks and upper-cases ASCII', () => {
    for (const [raw, expected] of CASES) expect(normalizeCode(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_code agrees', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await sqlCode(inputs)).toEqual(inputs.map(normalizeCode));
  });
});

const messyCode = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'ABCXYZabcxyz0123456789-_/黔刑初号ßé'), minLength: 1, maxLength: 12 }), fc.boolean(), fc.array(fc.nat(12), { maxLength: 2 }), fc.constantFrom(...MESSY_BLANKS))
  .map(([s, full, positions, blank]) => insertAt(full ? toFullWidth(s) : s, positions, blank));
const anyCode = fc.oneof(
  { weight: 3, arbitrary: messyCode },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeCode properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyCode, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeCode, (x) => `jd_code(${x})`)).toEqual([]);
      }),
      { numRuns: 5 },
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyCode, (raw) => {
        const n = normalizeCode(raw);
        expect(n === null || normalizeCode(n) === n).toBe(true);
      }),
    );
    const once = (await sqlCode(fc.sample(anyCode, 300))) as (string | null)[];
    expect(await sqlCode(once)).toEqual(once);
  });
});
