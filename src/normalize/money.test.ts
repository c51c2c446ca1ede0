import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFullWidth } from './messy-text.js';
import { normalizeMoney, type MoneyUnit } from './money.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
/** DECIMAL(18,2) arrives as text from DuckDB's JSON conversion. */
const fromSql = (v: unknown): unknown => (v === null ? null : Number(v));
const macro = (unit: MoneyUnit) => (x: string): string => `jd_money(${x}, '${unit}')`;

const CASES: readonly [string | null, MoneyUnit, number | null][] = [
  ['12,000.00', 'yuan', 12000],
  ['１２，０００', 'yuan', 12000],
  ['12000', 'yuan', 12000],
  ['1.5万元', 'yuan', 15000],
  ['2万', 'yuan', 20000],
  ['800元', 'yuan', 800],
  ['¥800', 'yuan', 800],
  ['￥1,234.5', 'yuan', 1234.5],
  ['人民币 3,000 元', 'yuan', 3000],
  ['-100', 'yuan', -100],
  ['¥-100', 'yuan', -100],
  ['1.2亿', 'yuan', 120000000],
  ['1.2亿元', 'yuan', 120000000],
  ['0.125', 'yuan', 0.13],
  ['1.005', 'yuan', 1.01],
  ['-1.005', 'yuan', -1.01],
  ['0.004', 'yuan', 0],
  ['-0.004', 'yuan', 0],
  ['1234.5600000000001', 'yuan', 1234.56],
  ['9999999999999999.99', 'yuan', Number('9999999999999999.99')],
  ['10000000000000000', 'yuan', null],
  ['12', 'wan', 120000],
  ['1.23456', 'wan', 12345.6],
  ['800元', 'wan', 800],
  ['3亿', 'wan', 300000000],
  ['(100)', 'yuan', null],
  ['约100元', 'yuan', null],
  ['100-200', 'yuan', null],
  ['1,23', 'yuan', null],
  ['+-5', 'yuan', null],
  ['壹万元', 'yuan', null],
  ['', 'yuan', null],
  [null, 'yuan', null],
];

describe('normalizeMoney', () => {
  it('parses amounts with units, symbols, grouping and full-width digits', () => {
    for (const [raw, unit, expected] of CASES) expect(normalizeMoney(raw, unit), `${raw} ${unit}`).toBe(expected);
  });

  it('SQL jd_money agrees (both units; NULL unit means yuan)', async () => {
    for (const unit of ['yuan', 'wan'] as const) {
      const inputs = CASES.map(([raw]) => raw);
      expect(await compareWithSql(db.conn, inputs, (r) => normalizeMoney(r, unit), macro(unit), fromSql)).toEqual([]);
    }
    const inputs = CASES.map(([raw]) => raw);
    expect(await compareWithSql(db.conn, inputs, (r) => normalizeMoney(r), (x) => `jd_money(${x}, NULL)`, fromSql)).toEqual([]);
    expect(await compareWithSql(db.conn, inputs, (r) => normalizeMoney(r), (x) => `jd_money(${x})`, fromSql)).toEqual([]);
  });
});

const decimalText = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.nat(12)).map(([n, scale]) => {
  const s = n.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
});
const formattedMoney = fc
  .tuple(decimalText, fc.constantFrom('', '-', '+'), fc.constantFrom('', '¥', '￥', '人民币'), fc.constantFrom('', '元', '万', '万元', '亿', '亿元'), fc.boolean(), fc.boolean())
  .map(([num, sign, symbol, unit, group, full]) => {
    const [i = '', f] = num.split('.');
    const int = group ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : i;
    const s = `${symbol}${sign}${int}${f === undefined ? '' : `.${f}`}${unit}`;
    return full ? toFullWidth(s) : s;
  });
const anyMoney = fc.oneof(
  { weight: 4, arbitrary: formattedMoney },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789,.-+ ¥￥元万亿()'), maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeMoney properties', () => {
  it('TS and SQL agree on random and near-valid inputs, in both units', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyMoney, { minLength: 300, maxLength: 300 }), fc.constantFrom<MoneyUnit>('yuan', 'wan'), async (values, unit) => {
        expect(await compareWithSql(db.conn, values, (r) => normalizeMoney(r, unit), macro(unit), fromSql)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('is idempotent: the normalised amount, printed, parses to itself (TS and SQL)', async () => {
    fc.assert(
      fc.property(anyMoney, (raw) => {
        // Beyond ~1e13 yuan a double no longer holds every fen, so only smaller amounts round-trip.
        const n = normalizeMoney(raw);
        expect(n === null || Math.abs(n) >= 1e13 || normalizeMoney(n.toFixed(2)) === n).toBe(true);
      }),
    );
    const once = await evaluateBatch(db.conn, (x) => `jd_money(${x}, 'wan')::VARCHAR`, fc.sample(anyMoney, 300));
    expect(await evaluateBatch(db.conn, (x) => `jd_money(${x}, 'yuan')::VARCHAR`, once as (string | null)[])).toEqual(once);
  });
});
