import { BLANK_RANGES, NON_ASCII, charClass } from './char-class.js';
import { foldFullWidth, sqlFoldFullWidth } from './full-width.js';
import { jsRegExp, sqlRegex, sqlString } from './portable-regex.js';
import { defineMacro } from './sql-macro.js';

/**
 * Coordinate reference systems of Chinese map data (domain.md §6): WGS-84 from GPS devices,
 * GCJ-02 ("Mars coordinates", mandated for published maps: AMap/高德, Tencent/腾讯), and BD-09
 * (Baidu's further offset of GCJ-02).
 */
export type CoordSystem = 'wgs84' | 'gcj02' | 'bd09';

/** Spellings after dropping blanks, '-', '_' and a trailing 地图/坐标/坐标系, upper-cased if ASCII. */
export const COORD_SYSTEM_ALIASES: Readonly<Record<CoordSystem, readonly string[]>> = {
  wgs84: ['WGS84', 'WGS1984', 'WGS', 'GPS', 'EPSG:4326', '地球'],
  gcj02: ['GCJ02', 'GCJ', '火星', '高德', '腾讯', '国测局', '国测', 'GAODE', 'AMAP'],
  bd09: ['BD09', 'BD09LL', 'BD', '百度', 'BAIDU'],
};

const SEPARATOR = charClass([...BLANK_RANGES, [0x2d, 0x2d], [0x5f, 0x5f]]);
const SEPARATOR_G = jsRegExp(SEPARATOR, 'g');
const SUFFIX_PATTERN = '(?:地图)?(?:坐标系?)?$';
const SUFFIX_RE = jsRegExp(SUFFIX_PATTERN);
const NON_ASCII_RE = jsRegExp(NON_ASCII);

const LOOKUP = new Map<string, CoordSystem>(
  (Object.entries(COORD_SYSTEM_ALIASES) as [CoordSystem, readonly string[]][]).flatMap(([system, names]) =>
    names.map((name) => [name, system] as const),
  ),
);

/**
 * Normalises the name of a coordinate system; null when empty or unknown.
 *
 * @example normalizeCoordSystem('WGS-84') // 'wgs84'
 * @example normalizeCoordSystem('高德地图') // 'gcj02'
 * @example normalizeCoordSystem('百度坐标') // 'bd09'
 */
export function normalizeCoordSystem(raw: string | null): CoordSystem | null {
  if (raw === null) return null;
  const c = foldFullWidth(raw).replace(SEPARATOR_G, '').replace(SUFFIX_RE, '');
  // DuckDB's `upper` and JS's `toUpperCase` agree on pure-ASCII text only.
  const key = NON_ASCII_RE.test(c) ? c : c.toUpperCase();
  return LOOKUP.get(key) ?? null;
}

const C = `regexp_replace(regexp_replace(${sqlFoldFullWidth('raw')}, ${sqlRegex(SEPARATOR)}, '', 'g'), ${sqlRegex(SUFFIX_PATTERN)}, '')`;
const K = `CASE WHEN regexp_matches(${C}, ${sqlRegex(NON_ASCII)}) THEN ${C} ELSE upper(${C}) END`;
// A lookup by list position, not `IN (…)` or `CASE k WHEN …`: both expand into one comparison per
// alias, each with its own copy of the key expression (slow to plan, and recomputed at run time).
const ENTRIES = (Object.entries(COORD_SYSTEM_ALIASES) as [CoordSystem, readonly string[]][]).flatMap(([system, names]) =>
  names.map((name) => [name, system] as const),
);
const ALIAS_LIST = `[${ENTRIES.map(([name]) => sqlString(name)).join(', ')}]`;
const SYSTEM_LIST = `[${ENTRIES.map(([, system]) => sqlString(system)).join(', ')}]`;

/** DDL of `jd_coord_system(raw)` → VARCHAR 'wgs84' | 'gcj02' | 'bd09'. */
export const COORD_SYSTEM_MACROS: readonly string[] = [
  defineMacro('jd_coord_system', ['raw'], `${SYSTEM_LIST}[list_position(${ALIAS_LIST}, ${K})]`),
];
