import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeInteger } from './integer.js';
import { toFullWidth } from './messy-text.js';
import { asSqlText, compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
/** BIGINT arrives as text from DuckDB's JSON conversion. */
const fromSql = (v: unknown): unknown => (v === null ? null : Number(v));
const sqlInteger = async (values: readonly (string | null)[]): Promise<unknown[]> =>
  (await evaluateBatch(db.conn, (x) => `jd_integer(${x})`, values)).map(fromSql);

const CASES: readonly [string | null, number | null][] = [
  ['42', 42],
  [' 42 ', 42],
  ['-7', -7],
  ['+7', 7],
  ['-0', 0],
  ['007', 7],
  ['1,234', 1234],
  ['１，２３４', 1234],
  ['12.0', 12],
  ['12.', 12],
  ['12.00', 12],
  ['9007199254740991', 9007199254740991],
  ['-9007199254740991', -9007199254740991],
  ['9007199254740992', null],
  ['12.5', null],
  ['1,23', null],
  ['12,34,567', null],
  ['1e3', null],
  ['0x10', null],
  ['1_000', null],
  ['十二', null],
  ['', null],
  [null, null],
];

describe('normalizeInteger', () => {
  it('parses agency integers', () => {
    for (const [raw, expected] of CASES) expect(normalizeInteger(raw), String(raw)).toBe(expected);
  });

  it('SQL jd_integer agrees', async () => {
    const inputs = CASES.map(([raw]) => raw);
    expect(await sqlInteger(inputs)).toEqual(inputs.map(normalizeInteger));
  });
});

const grouped = (n: bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const formatted = fc
  .tuple(fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }), fc.constantFrom('plain', 'grouped', 'dotzero', 'full', 'spaced'))
  .map(([n, style]) => {
    switch (style) {
      case 'plain':
        return n.toString();
      case 'grouped':
        return (n < 0n ? '-' : '') + grouped(n < 0n ? -n : n);
      case 'dotzero':
        return `${n}.0`;
      case 'full':
        return toFullWidth(n.toString());
      case 'spaced':
        return ` ${n} `;
    }
  });
const anyInteger = fc.oneof(
  { weight: 3, arbitrary: formatted },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789,.-+ e１０，'), maxLength: 22 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeInteger properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyInteger, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeInteger, (x) => `jd_integer(${x})`, fromSql)).toEqual([]);
      }),
      { numRuns: 5 },
    );
  });

  it('is idempotent: the normalised value, printed, parses to itself (TS and SQL)', async () => {
    fc.assert(
      fc.property(anyInteger, (raw) => {
        const n = normalizeInteger(raw);
        expect(n === null || normalizeInteger(String(n)) === n).toBe(true);
      }),
    );
    const once = await sqlInteger(fc.sample(anyInteger, 300));
    expect(await sqlInteger(once.map(asSqlText))).toEqual(once);
  });
});
