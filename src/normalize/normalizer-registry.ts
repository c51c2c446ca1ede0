import type { SemanticType } from '../catalog/semantic-type.js';
import { normalizeAddress } from './address.js';
import { normalizeBoolean } from './boolean.js';
import { normalizeCode } from './code.js';
import { normalizeCoordSystem } from './coord-system.js';
import { normalizeDate } from './date.js';
import { normalizeDatetime } from './datetime.js';
import { normalizeIdCard } from './idcard.js';
import { normalizeInteger } from './integer.js';
import { normalizeLat } from './lat.js';
import { normalizeLng } from './lng.js';
import { normalizeMoney, type MoneyUnit } from './money.js';
import { normalizeOrgName } from './org-name.js';
import { normalizePersonName } from './person-name.js';
import { normalizePhone } from './phone.js';
import { sqlString } from './portable-regex.js';
import { normalizeText } from './text.js';
import { normalizeUscc } from './uscc.js';

/** DuckDB column types of normalised values. */
export type NormalizedDuckDbType = 'VARCHAR' | 'DATE' | 'TIMESTAMP' | 'DECIMAL(18,2)' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN';

/** How one semantic type is normalised, in TS and in SQL. */
export interface Normalizer {
  /** The TS normaliser; null means empty or invalid. */
  readonly ts: (raw: string | null) => unknown;
  /**
   * The SQL macro, called as `jd_xxx(raw_column)`. Exception: `jd_money(raw, unit)` takes the
   * column's unit ('yuan' | 'wan'; NULL or omitted means 'yuan') as a second argument; see
   * {@link normalizeSqlExpr}. Coordinates in another system are converted with
   * `jd_wgs_lng(lng, lat, sys)` / `jd_wgs_lat(lng, lat, sys)` over `jd_lng` / `jd_lat` results.
   */
  readonly sqlMacro: `jd_${string}`;
  /** The type the macro returns, for the target column. */
  readonly duckdbType: NormalizedDuckDbType;
}

/**
 * The normaliser of every semantic type. TS results map to DuckDB values as: string ↔ VARCHAR,
 * 'YYYY-MM-DD' ↔ DATE, 'YYYY-MM-DD HH:MM:SS' ↔ TIMESTAMP, number ↔ DECIMAL(18,2) / DOUBLE /
 * BIGINT (safe-integer range), boolean ↔ BOOLEAN.
 */
export const NORMALIZERS: { readonly [K in SemanticType]: Normalizer } = {
  idcard: { ts: normalizeIdCard, sqlMacro: 'jd_idcard', duckdbType: 'VARCHAR' },
  uscc: { ts: normalizeUscc, sqlMacro: 'jd_uscc', duckdbType: 'VARCHAR' },
  person_name: { ts: normalizePersonName, sqlMacro: 'jd_person_name', duckdbType: 'VARCHAR' },
  org_name: { ts: normalizeOrgName, sqlMacro: 'jd_org_name', duckdbType: 'VARCHAR' },
  phone: { ts: normalizePhone, sqlMacro: 'jd_phone', duckdbType: 'VARCHAR' },
  address: { ts: normalizeAddress, sqlMacro: 'jd_address', duckdbType: 'VARCHAR' },
  date: { ts: normalizeDate, sqlMacro: 'jd_date', duckdbType: 'DATE' },
  datetime: { ts: normalizeDatetime, sqlMacro: 'jd_datetime', duckdbType: 'TIMESTAMP' },
  money: { ts: (raw) => normalizeMoney(raw), sqlMacro: 'jd_money', duckdbType: 'DECIMAL(18,2)' },
  lat: { ts: normalizeLat, sqlMacro: 'jd_lat', duckdbType: 'DOUBLE' },
  lng: { ts: normalizeLng, sqlMacro: 'jd_lng', duckdbType: 'DOUBLE' },
  coord_system: { ts: normalizeCoordSystem, sqlMacro: 'jd_coord_system', duckdbType: 'VARCHAR' },
  text: { ts: normalizeText, sqlMacro: 'jd_text', duckdbType: 'VARCHAR' },
  code: { ts: normalizeCode, sqlMacro: 'jd_code', duckdbType: 'VARCHAR' },
  integer: { ts: normalizeInteger, sqlMacro: 'jd_integer', duckdbType: 'BIGINT' },
  boolean: { ts: normalizeBoolean, sqlMacro: 'jd_boolean', duckdbType: 'BOOLEAN' },
};

/**
 * The normaliser of a semantic type.
 *
 * @example normalizerFor('date').duckdbType // 'DATE'
 */
export function normalizerFor(type: SemanticType): Normalizer {
  return NORMALIZERS[type];
}

/** Per-column options of a normalisation. */
export interface NormalizeSqlOptions {
  /** Unit of bare numbers in a money column ('wan' when the header says 万元). */
  readonly moneyUnit?: MoneyUnit;
}

/**
 * The SQL expression normalising `rawSql` (a column reference: macros may repeat their argument)
 * as `type`.
 *
 * @example normalizeSqlExpr('money', '"金额（万元）"', { moneyUnit: 'wan' }) // `jd_money("金额（万元）", 'wan')`
 * @example normalizeSqlExpr('idcard', 'c3') // 'jd_idcard(c3)'
 */
export function normalizeSqlExpr(type: SemanticType, rawSql: string, options: NormalizeSqlOptions = {}): string {
  const { sqlMacro } = NORMALIZERS[type];
  if (type === 'money') return `${sqlMacro}(${rawSql}, ${sqlString(options.moneyUnit ?? 'yuan')})`;
  return `${sqlMacro}(${rawSql})`;
}
