import { PINYIN_TABLE, pinyinEntries } from '../normalize/person-pinyin.js';
import type { Warehouse } from './warehouse.js';

/**
 * Creates the pinyin syllable table that person-name pinyin keys join, as a temporary table of
 * this connection (about 20,900 rows, filled through the appender in a few milliseconds once
 * pinyin-pro has built them): nothing is written to the warehouse file, and a newer pinyin-pro
 * takes effect on the next process without a migration.
 */
export async function ensurePinyinTable(wh: Warehouse): Promise<void> {
  await wh.run(`CREATE TEMP TABLE IF NOT EXISTS ${PINYIN_TABLE} (ch VARCHAR PRIMARY KEY, py VARCHAR NOT NULL, surname VARCHAR)`);
  const filled = await wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${PINYIN_TABLE}`);
  if ((filled?.n ?? 0) > 0) return;
  const appender = await wh.appender(PINYIN_TABLE, 'main', 'temp');
  try {
    for (const e of pinyinEntries()) {
      appender.appendVarchar(e.ch);
      appender.appendVarchar(e.py);
      if (e.surname === null) appender.appendNull();
      else appender.appendVarchar(e.surname);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
