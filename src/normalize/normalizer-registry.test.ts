import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEMANTIC_TYPES } from '../catalog/semantic-type.js';
import { NORMALIZERS, normalizeSqlExpr, normalizerFor } from './normalizer-registry.js';
import { NORMALIZE_MACROS, installNormalizeMacros } from './sql-macros.js';
import { asSqlText, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

/** A raw value each type accepts, to check the macro's result type and the TS value. */
const SAMPLES = {
  idcard: '11010519491231002x',
  uscc: '91110000600037341l',
  person_name: ' 张 三 ',
  org_name: '贵州(集团)有限公司',
  phone: '0851-86812345',
  address: '贵阳市 云岩区',
  date: '2023年5月1日',
  datetime: '2023/5/1 10:30',
  money: '1.5万元',
  lat: '26.57°',
  lng: '106.63°',
  coord_system: '高德',
  text: ' 备注 ',
  code: 'aj-1',
  integer: '1,234',
  boolean: '是',
} as const;

describe('NORMALIZERS', () => {
  it('covers every semantic type with a jd_ macro', () => {
    expect(Object.keys(NORMALIZERS).sort()).toEqual([...SEMANTIC_TYPES].sort());
    for (const type of SEMANTIC_TYPES) {
      const { sqlMacro } = normalizerFor(type);
      expect(NORMALIZE_MACROS.some((ddl) => ddl.startsWith(`CREATE OR REPLACE TEMP MACRO ${sqlMacro}(`)), sqlMacro).toBe(true);
    }
  });

  it('declares the DuckDB type each macro returns, and TS and SQL agree on a sample', async () => {
    for (const type of SEMANTIC_TYPES) {
      const raw = SAMPLES[type];
      const expr = normalizeSqlExpr(type, `'${raw}'`);
      const reader = await db.conn.runAndReadAll(`SELECT typeof(${expr}) AS t, CAST(${expr} AS VARCHAR) AS v`);
      const row = reader.getRowObjectsJson()[0];
      expect(row?.['t'], type).toBe(NORMALIZERS[type].duckdbType);
      const ts = NORMALIZERS[type].ts(raw);
      expect(ts, type).not.toBeNull();
      const sqlText = asSqlText(row?.['v']);
      if (typeof ts === 'number') expect(Number(sqlText), type).toBe(ts);
      else if (typeof ts === 'boolean') expect(sqlText, type).toBe(String(ts));
      else expect(sqlText, type).toBe(ts);
    }
  });

  it('builds SQL calls, passing the unit of money columns', () => {
    expect(normalizeSqlExpr('idcard', 'c1')).toBe('jd_idcard(c1)');
    expect(normalizeSqlExpr('money', 'c2')).toBe("jd_money(c2, 'yuan')");
    expect(normalizeSqlExpr('money', '"金额（万元）"', { moneyUnit: 'wan' })).toBe(`jd_money("金额（万元）", 'wan')`);
  });
});

describe('installNormalizeMacros', () => {
  it('can run again on the same connection (CREATE OR REPLACE) and on a new one', async () => {
    await installNormalizeMacros(db.conn);
    const other = await openMacroConnection();
    const reader = await other.conn.runAndReadAll(`SELECT jd_idcard('150102880730303') AS v`);
    expect(reader.getRowObjectsJson()[0]?.['v']).toBe('150102198807303035');
    other.close();
  });

  it('creates only TEMP macros named jd_*', () => {
    for (const ddl of NORMALIZE_MACROS) expect(ddl).toMatch(/^CREATE OR REPLACE TEMP MACRO jd_\w+\(/);
  });
});
