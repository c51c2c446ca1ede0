import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORD_SYSTEM_ALIASES, normalizeCoordSystem } from './coord-system.js';
import { toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

const CASES: readonly [string | null, string | null][] = [
  ['WGS84', 'wgs84'],
  ['WGS-84', 'wgs84'],
  ['wgs84', 'wgs84'],
  ['GPS', 'wgs84'],
  ['地球坐标', 'wgs84'],
  ['地球坐标系', 'wgs84'],
  ['WGS84坐标系', 'wgs84'],
  ['GCJ02', 'gcj02'],
  ['GCJ-02', 'gcj02'],
  ['gcj_02', 'gcj02'],
  ['火星', 'gcj02'],
  ['火星坐标系', 'gcj02'],
  ['高德', 'gcj02'],
  ['高德地图', 'gcj02'],
  ['腾讯地图坐标', 'gcj02'],
  ['国测局', 'gcj02'],
  ['BD09', 'bd09'],
  ['BD-09', 'bd09'],
  ['bd09ll', 'bd09'],
  ['百度', 'bd09'],
  ['百度坐标', 'bd09'],
  ['百度地图', 'bd09'],
  ['ＧＣＪ－０２', 'gcj02'],
  [' wgs 84 ', 'wgs84'],
  ['CGCS2000', null],
  ['未知', null],
  ['', null],
  [null, null],
];

describe('normalizeCoordSystem', () => {
  it('maps agency spellings to wgs84 / gcj02 / bd09', () => {
    for (const [raw, expected] of CASES) expect(normalizeCoordSystem(raw), String(raw)).toBe(expected);
  });

  it('is idempotent on its canonical names', () => {
    for (const cs of ['wgs84', 'gcj02', 'bd09']) expect(normalizeCoordSystem(cs)).toBe(cs);
  });

  it('TS and SQL agree on vectors, alias variants and random strings', async () => {
    const aliases = Object.values(COORD_SYSTEM_ALIASES).flat();
    const variants = fc.sample(
      fc.tuple(fc.constantFrom(...aliases, 'wgs84', 'gcj02', 'bd09', 'GPſ', 'wgſ84'), fc.constantFrom('', '坐标', '坐标系', '地图', '地图坐标系', '系'), fc.boolean(), fc.boolean()).map(
        ([a, suffix, lower, full]) => {
          const s = (lower ? a.toLowerCase() : a) + suffix;
          return full ? toFullWidth(s) : s;
        },
      ),
      300,
    );
    const values = [...CASES.map(([raw]) => raw), ...variants, ...fc.sample(fc.string({ maxLength: 8 }), 100)];
    expect(await compareWithSql(db.conn, values, normalizeCoordSystem, (x) => `jd_coord_system(${x})`)).toEqual([]);
    const once = await evaluateBatch(db.conn, (x) => `jd_coord_system(${x})`, values);
    expect(await evaluateBatch(db.conn, (x) => `jd_coord_system(${x})`, once as (string | null)[])).toEqual(once);
  });
});
