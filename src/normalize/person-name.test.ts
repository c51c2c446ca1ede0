import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSY_BLANKS, insertAt, toFullWidth } from './messy-text.js';
import { normalizePersonName } from './person-name.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
const sqlName = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_person_name(${x})`, values);

const CASES: readonly [string | null, string | null][] = [
  [' 张三 ', '张三'],
  ['张 三', '张三'],
  ['张\u3000三', '张三'],
  ['\t欧阳  娜娜\n', '欧阳娜娜'],
  ['阿卜杜·热合曼', '阿卜杜·热合曼'],
  ['阿卜杜・热合曼', '阿卜杜·热合曼'],
  ['阿卜杜•热合曼', '阿卜杜·热合曼'],
  ['阿卜杜‧热合曼', '阿卜杜·热合曼'],
  ['阿卜杜･热合曼', '阿卜杜·热合曼'],
  ['阿卜杜 · 热合曼', '阿卜杜·热合曼'],
  ['  John   Smith ', 'John Smith'],
  ['Ｊｏｈｎ　Ｓｍｉｔｈ', 'John Smith'],
  ['John · Smith', 'John·Smith'],
  ['王𠀋', '王𠀋'],
  ['', null],
  ['  \u3000 ', null],
  [null, null],
];

describe('normalizePersonName', () => {
  it('normalises realistic agency spellings', () => {
    for (const [raw, expected] of CASES) expect(normalizePersonName(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_person_name agrees on them', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await sqlName(inputs)).toEqual(inputs.map(normalizePersonName));
  });
});

const NAME_CHARS = '张王李赵欧阳娜热合曼阿卜杜𠀋JohnSmithMaryÉé·・•‧･ \u3000\t.-';
const messyName = fc
  .tuple(fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 8 }), fc.boolean(), fc.array(fc.nat(8), { maxLength: 2 }), fc.constantFrom(...MESSY_BLANKS))
  .map(([name, full, positions, blank]) => insertAt(full ? toFullWidth(name) : name, positions, blank));
const anyName = fc.oneof(
  { weight: 3, arbitrary: messyName },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizePersonName properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyName, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizePersonName, (x) => `jd_person_name(${x})`)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        const n = normalizePersonName(raw);
        expect(n === null || normalizePersonName(n) === n).toBe(true);
      }),
    );
    const once = (await sqlName(fc.sample(anyName, 300))) as (string | null)[];
    expect(await sqlName(once)).toEqual(once);
  });
});
