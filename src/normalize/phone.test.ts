import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFullWidth } from './messy-text.js';
import { normalizePhone } from './phone.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
const sqlPhone = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_phone(${x})`, values);

const CASES: readonly [string | null, string | null][] = [
  ['13812345678', '13812345678'],
  ['138 1234 5678', '13812345678'],
  ['138-1234-5678', '13812345678'],
  ['+86 138 1234 5678', '13812345678'],
  ['+8613812345678', '13812345678'],
  ['008613812345678', '13812345678'],
  ['86-13812345678', '13812345678'],
  ['(+86)13812345678', '13812345678'],
  ['１３８１２３４５６７８', '13812345678'],
  ['013812345678', '13812345678'],
  ['0851-86812345', '0851-86812345'],
  ['0851 86812345', '0851-86812345'],
  ['085186812345', '0851-86812345'],
  ['（0851）86812345', '0851-86812345'],
  ['(0851)8681-2345', '0851-86812345'],
  ['0851—86812345', '0851-86812345'],
  ['０８５１－８６８１２３４５', '0851-86812345'],
  ['010-12345678', '010-12345678'],
  ['01012345678', '010-12345678'],
  ['021 6123 4567', '021-61234567'],
  ['0755-2345678', '0755-2345678'],
  ['+86 851 8681 2345', '0851-86812345'],
  ['+86 10 1234 5678', '010-12345678'],
  ['86812345', '86812345'],
  ['8681234', '8681234'],
  ['12345678901', null], // 12x is not a mobile prefix
  ['1381234567', null],
  ['138123456789', null],
  ['0851-868123', null],
  ['0851-86812345-801', null],
  ['13812345678/13987654321', null],
  ['+1 202 555 0100', null],
  ['无', null],
  ['', null],
  [null, null],
];

describe('normalizePhone', () => {
  it('normalises realistic agency spellings', () => {
    for (const [raw, expected] of CASES) expect(normalizePhone(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_phone agrees on them', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await sqlPhone(inputs)).toEqual(inputs.map(normalizePhone));
  });
});

const d = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const mobile = fc.tuple(fc.constantFrom(...'3456789'), d(9)).map(([b, rest]) => `1${b}${rest}`);
const landline = fc.tuple(fc.oneof(fc.constant('010'), d(1).map((x) => `02${x}`), d(2).map((x) => `08${x}`), d(2).map((x) => `07${x}`)), fc.constantFrom(...'123456789'), fc.oneof(d(6), d(7)));
const sep = fc.constantFrom('', ' ', '-', '—', '－', '\u3000');
const formatted = fc.oneof(
  fc.tuple(fc.constantFrom('', '+86', '+86 ', '0086', '86-', '(+86)'), mobile, sep, fc.boolean()).map(([p, m, s, full]) => {
    const v = `${p}${m.slice(0, 3)}${s}${m.slice(3, 7)}${s}${m.slice(7)}`;
    return full ? toFullWidth(v) : v;
  }),
  fc.tuple(landline, fc.constantFrom('plain', 'paren', 'intl'), sep, fc.boolean()).map(([[area, first, rest], style, s, full]) => {
    const local = first + rest;
    const v = style === 'paren' ? `（${area}）${local}` : style === 'intl' ? `+86 ${area.slice(1)}${s}${local}` : `${area}${s}${local}`;
    return full ? toFullWidth(v) : v;
  }),
  fc.tuple(fc.constantFrom(...'123456789'), fc.oneof(d(6), d(7))).map(([a, b]) => a + b),
);
const anyPhone = fc.oneof(
  { weight: 3, arbitrary: formatted },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789+-()（）— ８６'), maxLength: 18 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 14 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizePhone properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyPhone, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizePhone, (x) => `jd_phone(${x})`)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it('recognises every formatted mobile and landline', () => {
    fc.assert(
      fc.property(formatted, (raw) => {
        expect(normalizePhone(raw)).not.toBeNull();
      }),
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyPhone, (raw) => {
        const n = normalizePhone(raw);
        expect(n === null || normalizePhone(n) === n).toBe(true);
      }),
    );
    const once = (await sqlPhone(fc.sample(anyPhone, 300))) as (string | null)[];
    expect(await sqlPhone(once)).toEqual(once);
  });
});
