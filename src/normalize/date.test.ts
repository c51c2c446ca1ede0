import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDate } from './date.js';
import { toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
const sqlDate = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_date(${x})`, values);

const CASES: readonly [string | null, string | null][] = [
  ['2023-05-01', '2023-05-01'],
  ['2023年5月1日', '2023-05-01'],
  ['2023年05月01日', '2023-05-01'],
  ['2023.5.1', '2023-05-01'],
  ['2023/05/01', '2023-05-01'],
  ['2023/5/1', '2023-05-01'],
  ['20230501', '2023-05-01'],
  ['２０２３年５月１日', '2023-05-01'],
  ['２０２３－０５－０１', '2023-05-01'],
  [' 2023-05-01 ', '2023-05-01'],
  ['2023-05-01 10:30:00', '2023-05-01'],
  ['2023/5/1 9:05', '2023-05-01'],
  ['2023-05-01T10:30:00.123', '2023-05-01'],
  ['2023年5月1日 10时30分', '2023-05-01'],
  ['2023年5月1日10时30分15秒', '2023-05-01'],
  // Excel 1900-system serial numbers written as text
  ['45047', '2023-05-01'],
  ['45047.75', '2023-05-01'],
  ['44927', '2023-01-01'],
  ['1', '1900-01-01'],
  ['59', '1900-02-28'],
  ['60', null], // Excel's fictitious 1900-02-29
  ['61', '1900-03-01'],
  ['0', null],
  ['0.5', null],
  ['99999', '2173-10-13'],
  ['100000', null], // more than 5 integer digits
  // invalid
  ['2023-02-29', null],
  ['2024-02-29', '2024-02-29'],
  ['1900-02-29', null],
  ['2000-02-29', '2000-02-29'],
  ['2023-13-01', null],
  ['2023-04-31', null],
  ['2023-00-10', null],
  ['1899-12-31', null],
  ['2200-01-01', null],
  ['2199-12-31', '2199-12-31'],
  ['2023-05-01 24:00:00', null],
  ['2023-05-01 10:60', null],
  ['202305', null],
  ['23-5-1', null],
  ['2023-5', null],
  ['2023-5-110:30', null],
  ['五月一日', null],
  ['', null],
  [null, null],
];

describe('normalizeDate', () => {
  it('normalises every accepted form and rejects invalid dates', () => {
    for (const [raw, expected] of CASES) expect(normalizeDate(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_date agrees', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await sqlDate(inputs)).toEqual(inputs.map(normalizeDate));
  });
});

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** A (possibly impossible) calendar date written in one of the agency formats. */
const formattedDate = fc
  .tuple(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 9 }), fc.boolean())
  .map(([y, m, d, style, full]) => {
    const forms = [
      `${y}-${pad(m)}-${pad(d)}`,
      `${y}年${m}月${d}日`,
      `${y}年${pad(m)}月${pad(d)}日`,
      `${y}.${m}.${d}`,
      `${y}/${pad(m)}/${pad(d)}`,
      `${y}/${m}/${d}`,
      `${y}${pad(m)}${pad(d)}`,
      `${y}-${pad(m)}-${pad(d)} ${pad(d % 25)}:${pad(m * 5)}:${pad(d * 2)}`,
      `${y}/${m}/${d} ${d % 25}:${pad(m * 5)}`,
      `${y}年${m}月${d}日 ${d % 25}时${m * 5}分`,
    ];
    const s = forms[style] ?? forms[0] ?? '';
    return full ? toFullWidth(s) : s;
  });
const excelSerial = fc.oneof(
  fc.integer({ min: -5, max: 120000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 999999 })).map(([i, f]) => `${i}.${String(f).padStart(6, '0')}`),
  fc.double({ min: 0, max: 110000, noNaN: true }).map(String),
);
const anyDate = fc.oneof(
  { weight: 4, arbitrary: formattedDate },
  { weight: 2, arbitrary: excelSerial },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日时分秒: T'), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeDate properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyDate, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeDate, (x) => `jd_date(${x})`)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyDate, (raw) => {
        const n = normalizeDate(raw);
        expect(n === null || normalizeDate(n) === n).toBe(true);
      }),
    );
    const once = (await sqlDate(fc.sample(anyDate, 300))) as (string | null)[];
    expect(await sqlDate(once)).toEqual(once);
  });
});
