// A lead's texts reach JavaScript as one JSON array written by DuckDB (`json_array` of the texts,
// see DuckDbCompiler.textList): whatever the values hold — quotes, backslashes, control
// characters, any Unicode, NULL — JSON.parse must give them back exactly. Its dates come as DATE
// values (SqlCompiler.rawDates), which the runner must write exactly as DuckDB's cast would.
import { DuckDBDateValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTexts } from '../../src/rules/lead-hit-mapper.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';

let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open(':memory:');
});
afterAll(() => wh.close());

const text = fc.option(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('"', '\\', '/', '\u0001', '\u001f', '\u007f', '\u2028', '\n', '\t', '中', '😀', 'a'), maxLength: 8 }),
  ),
  { nil: null },
);

describe('the texts of a lead, as DuckDB writes them', () => {
  it('parse back to the values, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (values) => {
        const sql = `SELECT CAST(json_array(${values.map((_, i) => `CAST($${i + 1} AS VARCHAR)`).join(', ')}) AS VARCHAR) AS j`;
        const row = await wh.one<{ j: string }>(sql, values);
        expect(JSON.parse(row?.j ?? '')).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});

/** Day numbers (since 1970-01-01) DuckDB can hold: mostly near today, also its far ends and infinities. */
const INT32_DAYS = 2 ** 31 - 1;
const day = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -30_000, max: 60_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -800_000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -(INT32_DAYS - 1), max: INT32_DAYS - 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(-INT32_DAYS, INT32_DAYS, -(INT32_DAYS - 1), INT32_DAYS - 1, -719_528, -719_529, -719_162, -719_163, -719_893, 2_932_896, 2_932_897) },
);

describe('the dates of a lead, written by the runner', () => {
  it('read the same as DuckDB casting the DATE to text', async () => {
    const write = dateTexts();
    await fc.assert(
      fc.asyncProperty(fc.array(day, { minLength: 1, maxLength: 20 }), async (days) => {
        const values = days.map((n) => new DuckDBDateValue(n));
        const row = await wh.one<{ t: string }>(`SELECT CAST(json_array(${values.map((_, i) => `CAST(CAST($${i + 1} AS DATE) AS VARCHAR)`).join(', ')}) AS VARCHAR) AS t`, values);
        expect(values.map((v) => write(v))).toEqual(JSON.parse(row?.t ?? ''));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps NULL as null and a text as it is', () => {
    const write = dateTexts();
    expect(write(null)).toBeNull();
    expect(write('2024-05-01')).toBe('2024-05-01');
  });
});
