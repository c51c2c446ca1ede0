import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeLat } from './lat.js';
import { normalizeLng } from './lng.js';
import { toFullWidth } from './messy-text.js';
import { asSqlText, compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

const CASES: readonly [string | null, number | null][] = [
  ['26.57', 26.57],
  [' ２６.５７° ', 26.57],
  ['-26.57', -26.57],
  ['+26.57', 26.57],
  ['26', 26],
  ['26°', 26],
  ['26.57度', 26.57],
  ['26.57N', 26.57],
  ['26.57n', 26.57],
  ['N26.57', 26.57],
  ['26.57S', -26.57],
  ['北纬26.57', 26.57],
  ['南纬26.57°', -26.57],
  ['26°34\'12.5"N', 26 + 34 / 60 + 12.5 / 3600],
  ['26°34′12.5″', 26 + 34 / 60 + 12.5 / 3600],
  ['26°34.5′', 26 + 34.5 / 60],
  ['26度34分12秒', 26 + 34 / 60 + 12 / 3600],
  ['90', 90],
  ['-90', -90],
  ['-0', 0],
  ['90.0001', null],
  ['91', null],
  ['26.57E', null],
  ['-26.57S', null],
  ['N26.57S', null],
  ['26.5°30\'', null],
  ['26°60\'', null],
  ['26°30\'60"', null],
  ['26,57', null],
  ['', null],
  [null, null],
];

describe('normalizeLat', () => {
  it('parses decimal and DMS latitudes', () => {
    for (const [raw, expected] of CASES) expect(normalizeLat(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_lat agrees', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await compareWithSql(db.conn, inputs, normalizeLat, (x) => `jd_lat(${x})`)).toEqual([]);
  });
});

const decimal = fc.tuple(fc.integer({ min: -200, max: 200 }), fc.nat(999999), fc.nat(8)).map(([i, f, scale]) => (scale === 0 ? String(i) : `${i}.${String(f).padStart(6, '0').slice(0, scale)}`));
const dms = fc
  .tuple(fc.nat(185), fc.nat(62), fc.nat(62), fc.nat(9), fc.constantFrom("'", '′', '分'), fc.constantFrom('"', '″', "''", '秒', ''))
  .map(([dd, mm, ss, frac, mMark, sMark]) => `${dd}°${mm}${mMark}${ss}.${frac}${sMark}`);
const anyDegree = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.oneof(decimal, dms), fc.constantFrom('', 'N', 'S', 'E', 'W', 'n', 'e'), fc.constantFrom('', '北纬', '南纬', '东经', '西经', 'N', 'W'), fc.constantFrom('', '°'), fc.boolean(), fc.constantFrom('', ' ', '\u3000'))
      .map(([v, suf, pre, deg, full, blank]) => {
        const s = `${blank}${pre}${v}${v.includes('°') ? '' : deg}${suf}${blank}`;
        return full ? toFullWidth(s) : s;
      }),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789.-+°\'"NSEW 度分秒'), maxLength: 14 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeLat properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyDegree, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeLat, (x) => `jd_lat(${x})`)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyDegree, (raw) => {
        const n = normalizeLat(raw);
        expect(n === null || normalizeLat(String(n)) === n).toBe(true);
      }),
    );
    const once = await evaluateBatch(db.conn, (x) => `jd_lat(${x})`, fc.sample(anyDegree, 300));
    const again = await evaluateBatch(db.conn, (x) => `jd_lat(${x})`, once.map(asSqlText));
    expect(again).toEqual(once);
  });

  it('lat and lng differ only in range and hemisphere letters', () => {
    expect(normalizeLng('120.5')).toBe(120.5);
    expect(normalizeLat('120.5')).toBeNull();
    expect(normalizeLng('26.5N')).toBeNull();
  });
});
