import { LATITUDE, parseDegree, sqlDegree } from './degree.js';
import { defineMacro } from './sql-macro.js';

/**
 * Normalises a latitude to decimal degrees in −90..90; null when empty or invalid. Accepts
 * full-width digits, blanks, a trailing °, N/S or 北纬/南纬, and degrees-minutes-seconds.
 *
 * @example normalizeLat(' ２６.５７° ') // 26.57
 * @example normalizeLat('26°34\'12.5"N') // 26.570138888888888
 * @example normalizeLat('91') // null
 */
export function normalizeLat(raw: string | null): number | null {
  return parseDegree(raw, LATITUDE);
}

/** DDL of `jd_lat(raw)` → DOUBLE (needs DEGREE_MACROS). */
export const LAT_MACROS: readonly string[] = [defineMacro('jd_lat', ['raw'], sqlDegree('raw', LATITUDE))];
