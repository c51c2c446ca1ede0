import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeLng } from './lng.js';
import { asSqlText, compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

const CASES: readonly [string | null, number | null][] = [
  ['106.63', 106.63],
  ['106.63°', 106.63],
  ['１０６．６３', 106.63],
  ['E106.63', 106.63],
  ['106.63e', 106.63],
  ['106.63W', -106.63],
  ['东经106°37′48″', 106 + 37 / 60 + 48 / 3600],
  ['西经73.5', -73.5],
  ['180', 180],
  ['-180', -180],
  ['180.000001', null],
  ['106.63N', null],
  ['北纬106.63', null],
  ['1e2', null],
  ['', null],
  [null, null],
];

describe('normalizeLng', () => {
  it('parses decimal and DMS longitudes', () => {
    for (const [raw, expected] of CASES) expect(normalizeLng(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_lng agrees on vectors and generated values', async () => {
    const decimal = fc.tuple(fc.integer({ min: -200, max: 200 }), fc.nat(999999)).map(([i, f]) => `${i}.${f}`);
    const dms = fc.tuple(fc.nat(185), fc.nat(62), fc.nat(62), fc.constantFrom('E', 'W', '')).map(([d, m, s, h]) => `${d}°${m}′${s}″${h}`);
    const values = [...CASES.map(([raw]) => raw), ...fc.sample(fc.oneof(decimal, dms, fc.string({ maxLength: 8 })), 400)];
    expect(await compareWithSql(db.conn, values, normalizeLng, (x) => `jd_lng(${x})`)).toEqual([]);
    const once = await evaluateBatch(db.conn, (x) => `jd_lng(${x})`, values);
    expect(await evaluateBatch(db.conn, (x) => `jd_lng(${x})`, once.map(asSqlText))).toEqual(once);
  });
});
