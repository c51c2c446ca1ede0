// "Contains any of these words" compiles, in DuckDB, to one regular expression of the words as
// literal alternatives. Whatever the words hold — regex metacharacters, backslashes, brackets,
// Chinese — the expression must answer exactly what a substring test per word answers.
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literalAlternation } from '../../src/rules/compiler/sql-compiler.js';

/** Characters a regular expression treats specially, and ordinary text around them. */
const ALPHABET = [...'\\^$.|?*+()[]{}-#&~ ab1', '学校', '医', '（', '）'];
const word = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const text = fc.array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));

describe('containsAny as one literal alternation (DuckDB)', () => {
  let instance: DuckDBInstance;
  let db: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    db = await instance.connect();
  });
  afterAll(() => {
    db.closeSync();
    instance.closeSync();
  });

  it('matches exactly when one of the words occurs in the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 2, maxLength: 4 }), fc.array(text, { minLength: 1, maxLength: 8 }), async (words, texts) => {
        const reader = await db.runAndReadAll(`SELECT regexp_matches(t, CAST($1 AS VARCHAR)) AS hit FROM unnest(CAST($2 AS VARCHAR[])) AS u(t)`, [
          literalAlternation(words),
          // A text that surely contains a word, beside the random ones.
          listValue([...texts, `x${words[0] ?? ''}y`]),
        ]);
        const got = reader.getRowObjectsJS().map((r) => r['hit']);
        expect(got).toEqual([...texts, `x${words[0] ?? ''}y`].map((t) => words.some((w) => t.includes(w))));
      }),
      { numRuns: 300 },
    );
  });
});
