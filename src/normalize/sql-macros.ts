import type { DuckDBConnection } from '@duckdb/node-api';
import { ADDRESS_MACROS } from './address.js';
import { BOOLEAN_MACROS } from './boolean.js';
import { CALENDAR_MACROS } from './calendar.js';
import { CODE_MACROS } from './code.js';
import { COORD_SYSTEM_MACROS } from './coord-system.js';
import { COORD_TRANSFORM_MACROS } from './coord-transform.js';
import { DATE_MACROS } from './date.js';
import { DATETIME_MACROS } from './datetime.js';
import { DEGREE_MACROS } from './degree.js';
import { IDCARD_MACROS } from './idcard.js';
import { INTEGER_MACROS } from './integer.js';
import { LAT_MACROS } from './lat.js';
import { LNG_MACROS } from './lng.js';
import { MONEY_MACROS } from './money.js';
import { ORG_NAME_KEY_MACROS } from './org-name-key.js';
import { ORG_NAME_MACROS } from './org-name.js';
import { PERSON_NAME_MACROS } from './person-name.js';
import { PHONE_MACROS } from './phone.js';
import { TEXT_MACROS } from './text.js';
import { USCC_MACROS } from './uscc.js';

/**
 * Every normalisation macro's DDL, in dependency order (a macro's body is bound when it is
 * created, so helpers come first). Public macros are `jd_<name>`; `jd__<name>` are internal.
 */
export const NORMALIZE_MACROS: readonly string[] = [
  ...CALENDAR_MACROS,
  ...TEXT_MACROS,
  ...ADDRESS_MACROS,
  ...CODE_MACROS,
  ...IDCARD_MACROS,
  ...USCC_MACROS,
  ...PERSON_NAME_MACROS,
  ...ORG_NAME_MACROS,
  ...ORG_NAME_KEY_MACROS,
  ...PHONE_MACROS,
  ...DATETIME_MACROS,
  ...DATE_MACROS,
  ...MONEY_MACROS,
  ...DEGREE_MACROS,
  ...LAT_MACROS,
  ...LNG_MACROS,
  ...COORD_SYSTEM_MACROS,
  ...COORD_TRANSFORM_MACROS,
  ...INTEGER_MACROS,
  ...BOOLEAN_MACROS,
];

/**
 * Installs the normalisation macros on a connection. They are TEMP macros, so this must run on
 * every new connection before SQL that calls `jd_*`.
 *
 * @example
 * const conn = await (await DuckDBInstance.create(':memory:')).connect();
 * await installNormalizeMacros(conn);
 * await conn.run("SELECT jd_idcard('11010519491231002x')");
 */
export async function installNormalizeMacros(conn: DuckDBConnection): Promise<void> {
  for (const ddl of NORMALIZE_MACROS) await conn.run(ddl);
}
