/**
 * Normalisation of raw agency cell text into canonical values, each as a TS function and as a
 * DuckDB macro that agree value for value (see normalizer-registry.ts for the per-type pairs).
 */
export { normalizeAddress } from './address.js';
export { normalizeBoolean, TRUE_WORDS, FALSE_WORDS } from './boolean.js';
export { isSupportedDate, MIN_YEAR, MAX_YEAR } from './calendar.js';
export { normalizeCode } from './code.js';
export { normalizeCoordSystem, COORD_SYSTEM_ALIASES, type CoordSystem } from './coord-system.js';
export { toWgs84, GCJ_MAX_ITERATIONS, type LngLat } from './coord-transform.js';
export { normalizeDate } from './date.js';
export { normalizeDatetime, parseDateTime, type DateTimeParts } from './datetime.js';
export { foldFullWidth, upperAscii } from './full-width.js';
export { normalizeIdCard, parseIdCard, ageAt, idCardCheckChar, type IdCardInfo } from './idcard.js';
export { normalizeInteger } from './integer.js';
export { normalizeLat } from './lat.js';
export { normalizeLng } from './lng.js';
export { normalizeMoney, type MoneyUnit } from './money.js';
export { normalizeOrgName } from './org-name.js';
export { orgNameKey } from './org-name-key.js';
export { normalizePersonName } from './person-name.js';
export { normalizePhone } from './phone.js';
export { normalizeText } from './text.js';
export { normalizeUscc, usccCheckChar, USCC_CHARSET } from './uscc.js';
export {
  NORMALIZERS,
  normalizerFor,
  normalizeSqlExpr,
  type Normalizer,
  type NormalizedDuckDbType,
  type NormalizeSqlOptions,
} from './normalizer-registry.js';
export { NORMALIZE_MACROS, installNormalizeMacros } from './sql-macros.js';
