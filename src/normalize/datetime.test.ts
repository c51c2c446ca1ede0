import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDatetime, parseDateTime } from './datetime.js';
import { toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
const sqlDatetime = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_datetime(${x})`, values);

const CASES: readonly [string | null, string | null][] = [
  ['2023-05-01 10:30:00', '2023-05-01 10:30:00'],
  ['2023-05-01', '2023-05-01 00:00:00'],
  ['2023-05-01T10:30:15', '2023-05-01 10:30:15'],
  ['2023-05-01 10:30:15.999', '2023-05-01 10:30:15'],
  ['2023/5/1 9:05', '2023-05-01 09:05:00'],
  ['2023.5.1 23:59:59', '2023-05-01 23:59:59'],
  ['2023年5月1日 10时30分', '2023-05-01 10:30:00'],
  ['2023年5月1日10时30分15秒', '2023-05-01 10:30:15'],
  ['2023年5月1日 10点30', '2023-05-01 10:30:00'],
  ['20230501 10:30', '2023-05-01 10:30:00'],
  ['２０２３－０５－０１　１０：３０', '2023-05-01 10:30:00'],
  ['45047.5', '2023-05-01 12:00:00'],
  ['45047.25', '2023-05-01 06:00:00'],
  ['45047.999994', '2023-05-01 23:59:59'],
  ['45047.999995', '2023-05-02 00:00:00'],
  ['45047', '2023-05-01 00:00:00'],
  ['59.9999999', null], // rounds to the fictitious 1900-02-29
  ['2023-05-01 24:00', null],
  ['2023-05-01 23:60', null],
  ['2023-05-01 23:59:60', null],
  ['2023-05-01 10', null],
  ['', null],
  [null, null],
];

describe('normalizeDatetime', () => {
  it('normalises date-times and Excel serials (rounded to the second)', () => {
    for (const [raw, expected] of CASES) expect(normalizeDatetime(raw), String(raw)).toBe(expected);
    expect(parseDateTime('2023-05-01 10:30:15')).toEqual({ year: 2023, month: 5, day: 1, hour: 10, minute: 30, second: 15 });
  });

  it('SQL jd_datetime agrees', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await sqlDatetime(inputs)).toEqual(inputs.map(normalizeDatetime));
  });
});

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** A (possibly impossible) date-time in one of the agency formats (as in date.test.ts). */
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
const anyDatetime = fc.oneof(
  { weight: 4, arbitrary: formattedDate },
  { weight: 3, arbitrary: excelSerial },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日时分秒点: T'), maxLength: 22 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeDatetime properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyDatetime, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeDatetime, (x) => `jd_datetime(${x})`)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it('is idempotent, in TS and in SQL; the date part is normalizeDate', async () => {
    fc.assert(
      fc.property(anyDatetime, (raw) => {
        const n = normalizeDatetime(raw);
        expect(n === null || normalizeDatetime(n) === n).toBe(true);
      }),
    );
    const once = (await sqlDatetime(fc.sample(anyDatetime, 300))) as (string | null)[];
    expect(await sqlDatetime(once)).toEqual(once);
  });
});
