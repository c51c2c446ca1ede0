import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinKeySql } from '../rules/compiler/fuzzy-key.js';
import { ensurePinyinTable } from '../warehouse/pinyin-table.js';
import { Warehouse } from '../warehouse/warehouse.js';
import { PINYIN_TABLE, personPinyinKey, pinyinEntries } from './person-pinyin.js';
import { evaluateBatch } from './sql-batch.js';

let wh: Warehouse;
let pglite: PGlite;
beforeAll(async () => {
  wh = await Warehouse.open(':memory:');
  await ensurePinyinTable(wh);
  pglite = await PGlite.create();
  await pglite.query(`CREATE TABLE ${PINYIN_TABLE} (ch text PRIMARY KEY, py text NOT NULL, surname text)`);
  await pglite.query(`INSERT INTO ${PINYIN_TABLE} SELECT * FROM json_to_recordset($1::json) AS t(ch text, py text, surname text)`, [JSON.stringify(pinyinEntries())]);
});
afterAll(async () => {
  wh.close();
  await pglite.close();
});

const duckdbKeys = (names: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(wh.connection, (x) => pinyinKeySql('duckdb', x), names);
async function postgresKeys(names: readonly (string | null)[]): Promise<unknown[]> {
  const { rows } = await pglite.query<{ k: string | null }>(
    `SELECT ${pinyinKeySql('postgres', 'v.name')} AS k FROM json_array_elements_text($1::json) WITH ORDINALITY AS v(name, i) ORDER BY v.i`,
    [JSON.stringify(names)],
  );
  return rows.map((r) => r.k);
}

describe('personPinyinKey', () => {
  it('gives names that sound alike one key, and keeps syllables apart', () => {
    expect(personPinyinKey('张三')).toBe('zhang san');
    expect(personPinyinKey('章三')).toBe(personPinyinKey('张三'));
    expect(personPinyinKey('周某')).toBe(personPinyinKey('舟某'));
    expect(personPinyinKey('周某')).not.toBe(personPinyinKey('邹某'));
    // 西安 (xi an) is not 先 (xian): syllables are separated.
    expect(personPinyinKey('李西安')).not.toBe(personPinyinKey('李先'));
    expect(personPinyinKey('绿')).toBe('lv');
  });

  it('reads the first character as a surname, and only the first', () => {
    expect(personPinyinKey('单雄信')).toBe('shan xiong xin');
    expect(personPinyinKey('曾国藩')).toBe('zeng guo fan');
    expect(personPinyinKey('王单')).toBe('wang dan');
  });

  it('keeps ASCII letters and digits, leaves out dots, spaces and other scripts; nothing left is null', () => {
    expect(personPinyinKey('阿卜杜·艾力')).toBe('a bu du ai li');
    expect(personPinyinKey('Li 明')).toBe('l i ming');
    expect(personPinyinKey('···')).toBeNull();
    expect(personPinyinKey('')).toBeNull();
    expect(personPinyinKey(null)).toBeNull();
  });

  it('the SQL key agrees with it on DuckDB and PostgreSQL (PGlite), for any name', async () => {
    const nameChar = fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
      fc.constantFrom('单', '曾', '仇', '朴', '乐', '·', ' ', 'a', 'Z', '7', '𠀋', 'é', '（'),
    );
    const names = fc.array(fc.oneof(fc.constant(null), fc.array(nameChar, { maxLength: 6 }).map((cs) => cs.join(''))), { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(names, async (batch) => {
        const expected = batch.map(personPinyinKey);
        expect(await duckdbKeys(batch)).toEqual(expected);
        expect(await postgresKeys(batch)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
