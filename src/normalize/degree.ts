import { BLANK } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex, sqlString } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Shared parser of latitude/longitude text (see lat.ts, lng.ts).
 *
 * Accepted, after full-width folding and dropping blanks:
 * - decimal degrees with an optional sign and an optional trailing ° or 度: '26.57', '-0.5°';
 * - degrees-minutes(-seconds): 26°34'12.5" (also ′ ″ '' 分 秒, and decimal minutes 26°34.5′);
 * - an optional hemisphere, as a prefix or suffix letter (N/S/E/W, either case) or a Chinese
 *   prefix (北纬/南纬/东经/西经); S and W are negative. A hemisphere and a sign together are
 *   rejected, as are minutes or seconds ≥ 60 and fractional degrees followed by minutes.
 *
 * The value is computed as (degrees + minutes/60) + seconds/3600 in IEEE doubles in both TS and
 * SQL, so the two agree bit for bit; −0 becomes 0.
 */

export const DEGREE_PATTERN =
  '^(北纬|南纬|东经|西经|[NSEWnsew])?([+-])?(\\d{1,3})(\\.\\d+)?' +
  "(?:(?:°|度)(?:(\\d{1,2}(?:\\.\\d+)?)(?:['′]|分)(?:(\\d{1,2}(?:\\.\\d+)?)(?:\"|″|''|′′|秒)?)?)?)?" +
  '([NSEWnsew])?$';
const DEGREE_RE = jsRegExp(DEGREE_PATTERN);
const BLANK_G = jsRegExp(BLANK, 'g');
/** A plain signed decimal: the common case, parsed by a bare cast in SQL. */
export const PLAIN_DEGREE_PATTERN = '-?\\d{1,3}\\.\\d+';

/** The axis a degree value belongs to: its limit and hemisphere words. */
export interface DegreeAxis {
  readonly limit: number;
  readonly positive: readonly string[];
  readonly negative: readonly string[];
}

export const LATITUDE: DegreeAxis = { limit: 90, positive: ['N', 'n', '北纬'], negative: ['S', 's', '南纬'] };
export const LONGITUDE: DegreeAxis = { limit: 180, positive: ['E', 'e', '东经'], negative: ['W', 'w', '西经'] };

/**
 * Parses a degree value on `axis`; null when empty, malformed or out of range.
 *
 * @example parseDegree('26°34\'12.5"N', LATITUDE) // 26.570138888888888
 */
export function parseDegree(raw: string | null, axis: DegreeAxis): number | null {
  if (raw === null) return null;
  const g = DEGREE_RE.exec(foldFullWidth(raw).replace(BLANK_G, ''));
  if (g === null) return null;
  const [, pre = '', sign = '', degInt = '', degFrac = '', min = '', sec = '', suf = ''] = g;
  const hemisphere = pre + suf;
  if (pre !== '' && suf !== '') return null;
  const negativeHemisphere = axis.negative.includes(hemisphere);
  if (hemisphere !== '' && (sign !== '' || !(negativeHemisphere || axis.positive.includes(hemisphere)))) return null;
  if (min !== '' && (degFrac !== '' || Number(min) >= 60 || Number(sec || '0') >= 60)) return null;
  let v = Number(degInt + degFrac);
  if (min !== '') v = v + Number(min) / 60;
  if (sec !== '') v = v + Number(sec) / 3600;
  if (v > axis.limit) return null;
  return (sign === '-' || negativeHemisphere ? -v : v) + 0;
}

const list = (items: readonly string[]): string => `[${items.map(sqlString).join(', ')}]`;

/**
 * SQL expression: `raw` parsed on `axis` (fast path for plain decimals).
 *
 * @example defineMacro('jd_lat', ['raw'], sqlDegree('raw', LATITUDE))
 */
export function sqlDegree(raw: string, axis: DegreeAxis): string {
  return `CASE WHEN regexp_full_match(${raw}, ${sqlRegex(PLAIN_DEGREE_PATTERN)}) THEN jd__degree_in_range(TRY_CAST(${raw} AS DOUBLE), ${axis.limit}) ELSE jd__degree(${raw}, ${axis.limit}, ${list(axis.positive)}, ${list(axis.negative)}) END`;
}

/** DDL of the degree helpers used by `jd_lat` / `jd_lng`. */
export const DEGREE_MACROS: readonly string[] = [
  defineMacro('jd__degree_in_range', ['v', 'lim'], 'CASE WHEN abs(v) <= lim THEN v + 0.0 END'),
  defineMacro(
    'jd__degree',
    ['raw', 'lim', 'pos', 'neg'],
    `list_transform([regexp_extract(regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(BLANK)}, '', 'g'), ${sqlRegex(DEGREE_PATTERN)}, ['pre', 'sign', 'di', 'df', 'mi', 'se', 'suf'])], lambda g: ` +
      `list_transform([TRY_CAST(g.di || g.df AS DOUBLE) + coalesce(TRY_CAST(g.mi AS DOUBLE) / 60, 0) + coalesce(TRY_CAST(g.se AS DOUBLE) / 3600, 0)], lambda v: ` +
      `CASE WHEN g.di <> '' AND (g.pre = '' OR g.suf = '') ` +
      `AND (g.pre || g.suf = '' OR (g.sign = '' AND (list_contains(pos, g.pre || g.suf) OR list_contains(neg, g.pre || g.suf)))) ` +
      `AND (g.mi = '' OR (g.df = '' AND TRY_CAST(g.mi AS DOUBLE) < 60 AND coalesce(TRY_CAST(g.se AS DOUBLE), 0) < 60)) ` +
      `AND v <= lim THEN (CASE WHEN g.sign = '-' OR list_contains(neg, g.pre || g.suf) THEN -v ELSE v END) + 0.0 END)[1])[1]`,
  ),
];
