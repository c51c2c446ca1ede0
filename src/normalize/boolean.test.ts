import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALSE_WORDS, TRUE_WORDS, normalizeBoolean } from './boolean.js';
import { toFullWidth } from './messy-text.js';
import { asSqlText, compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

describe('normalizeBoolean', () => {
  it('reads yes/no words case-insensitively, with blanks and full-width', () => {
    for (const raw of ['是', '有', '已', 'Y', 'y', 'yes', 'Yes', 'TRUE', 'true', '1', '√', '✓', ' 是 ', 'ＹＥＳ', '１']) expect(normalizeBoolean(raw), raw).toBe(true);
    for (const raw of ['否', '无', '未', 'N', 'n', 'no', 'NO', 'False', '0', '×', '\u3000否', 'ｎｏ']) expect(normalizeBoolean(raw), raw).toBe(false);
    for (const raw of ['', '不详', '是否', '2', 'ok', 'yess', null]) expect(normalizeBoolean(raw), String(raw)).toBeNull();
  });

  it('TS and SQL agree on vectors, variants and random strings', async () => {
    const words = [...TRUE_WORDS, ...FALSE_WORDS];
    const variants = fc.sample(
      fc.tuple(fc.constantFrom(...words, 'yes', 'No', 'tRuE', 'maybe', 'YEſ', 'ı'), fc.boolean(), fc.constantFrom('', ' ', '\u3000', '\t')).map(([w, full, pad]) => `${pad}${full ? toFullWidth(w) : w}${pad}`),
      300,
    );
    const values = [...words, ...variants, ...fc.sample(fc.string({ maxLength: 5 }), 200), null];
    expect(await compareWithSql(db.conn, values, normalizeBoolean, (x) => `jd_boolean(${x})`)).toEqual([]);
    const once = await evaluateBatch(db.conn, (x) => `jd_boolean(${x})`, values);
    expect(await evaluateBatch(db.conn, (x) => `jd_boolean(${x})`, once.map(asSqlText))).toEqual(once);
  });
});
