import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSY_BLANKS, toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';
import { normalizeText } from './text.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
const sqlText = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_text(${x})`, values);

const CASES: readonly [string | null, string | null][] = [
  ['  盗窃案  卷宗\n\n第1册 ', '盗窃案 卷宗 第1册'],
  ['ＡＢＣ１２３（备注）', 'ABC123(备注)'],
  ['甲\u3000乙', '甲 乙'],
  ['\ufeff首行\u00a0内容', '首行 内容'],
  ['a\tb\r\nc', 'a b c'],
  ['Case Sensitive, Kept.', 'Case Sensitive, Kept.'],
  [' \t\u3000\n', null],
  ['', null],
  [null, null],
];

describe('normalizeText', () => {
  it('folds full-width, collapses blanks and trims', () => {
    for (const [raw, expected] of CASES) expect(normalizeText(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_text agrees', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await sqlText(inputs)).toEqual(inputs.map(normalizeText));
  });
});

const messyText = fc
  .array(fc.oneof(fc.string({ unit: fc.constantFrom(...'盗窃案卷宗第册号abcXYZ012,.()（）'), minLength: 1, maxLength: 5 }), fc.constantFrom(...MESSY_BLANKS)), { maxLength: 8 })
  .chain((parts) => fc.boolean().map((full) => (full ? toFullWidth(parts.join('')) : parts.join(''))));
const anyText = fc.oneof(
  { weight: 3, arbitrary: messyText },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeText properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeText, (x) => `jd_text(${x})`)).toEqual([]);
      }),
      { numRuns: 5 },
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const n = normalizeText(raw);
        expect(n === null || normalizeText(n) === n).toBe(true);
      }),
    );
    const once = (await sqlText(fc.sample(anyText, 300))) as (string | null)[];
    expect(await sqlText(once)).toEqual(once);
  });
});
