// A lead's texts reach JavaScript as one JSON array written by DuckDB (`json_array` of the texts,
// see DuckDbCompiler.textList): whatever the values hold — quotes, backslashes, control
// characters, any Unicode, NULL — JSON.parse must give them back exactly.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
