import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAddress } from './address.js';
import { toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

describe('normalizeAddress', () => {
  const CASES: readonly [string | null, string | null][] = [
    ['贵州省贵阳市云岩区中华北路１２３号', '贵州省贵阳市云岩区中华北路123号'],
    ['  贵州省 贵阳市\u3000南明区   遵义路 8号 2栋\n', '贵州省 贵阳市 南明区 遵义路 8号 2栋'],
    ['贵阳市观山湖区(金阳)', '贵阳市观山湖区(金阳)'],
    ['\u3000', null],
    [null, null],
  ];

  it('normalises like text', () => {
    for (const [raw, expected] of CASES) expect(normalizeAddress(raw), String(raw)).toBe(expected);
  });

  it('TS and SQL agree on vectors and generated addresses', async () => {
    const generated = fc.sample(
      fc.tuple(fc.constantFrom('贵州省', '贵州省 ', ''), fc.constantFrom('贵阳市', '遵义市\u3000'), fc.nat(999), fc.boolean(), fc.constantFrom('', ' ', '  \n')).map(
        ([p, c, n, full, tail]) => {
          const s = `${p}${c}中华北路${n}号${tail}`;
          return full ? toFullWidth(s) : s;
        },
      ),
      200,
    );
    const values = [...CASES.map(([raw]) => raw), ...generated, ...fc.sample(fc.string({ unit: 'grapheme', maxLength: 20 }), 100)];
    expect(await compareWithSql(db.conn, values, normalizeAddress, (x) => `jd_address(${x})`)).toEqual([]);
    const once = (await evaluateBatch(db.conn, (x) => `jd_address(${x})`, values)) as (string | null)[];
    expect(await evaluateBatch(db.conn, (x) => `jd_address(${x})`, once)).toEqual(once);
  });
});
