import { LONGITUDE, parseDegree, sqlDegree } from './degree.js';
import { defineMacro } from './sql-macro.js';

/**
 * Normalises a longitude to decimal degrees in −180..180; null when empty or invalid. Accepts
 * full-width digits, blanks, a trailing °, E/W or 东经/西经, and degrees-minutes-seconds.
 *
 * @example normalizeLng('106.63°') // 106.63
 * @example normalizeLng('东经106°37′48″') // 106.63
 */
export function normalizeLng(raw: string | null): number | null {
  return parseDegree(raw, LONGITUDE);
}

/** DDL of `jd_lng(raw)` → DOUBLE (needs DEGREE_MACROS). */
export const LNG_MACROS: readonly string[] = [defineMacro('jd_lng', ['raw'], sqlDegree('raw', LONGITUDE))];
