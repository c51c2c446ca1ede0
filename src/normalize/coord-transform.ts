import gcoordImport from 'gcoord';
import { normalizeCoordSystem } from './coord-system.js';
import { defineMacro, sqlLet } from './sql-macro.js';

/**
 * Conversion of GCJ-02 / BD-09 coordinates to WGS-84 (domain.md §6).
 *
 * TS uses the `gcoord` package. Its GCJ02→WGS84 is a fixed-point iteration
 * w ← w − (gcj(w) − g) that stops once the residual is within 1e-6°; it loops forever for some
 * GCJ points within ~0.01° inside the western edge of its China bounding box (lng 72.004…), where
 * the guess leaves the box and the forward transform becomes the identity, so the iterates
 * oscillate. We therefore run gcoord's own loop here, calling gcoord's WGS84→GCJ02 for each step,
 * capped at {@link GCJ_MAX_ITERATIONS}. Everywhere gcoord terminates the result is identical
 * (it needs at most 2 steps inside the box, measured on 2 million random points).
 *
 * SQL implements the same formulas with the same operation order (so IEEE results agree up to
 * the last-bit differences of the platform's sin/cos) and the same capped, early-stopping loop,
 * unrolled as nested lambdas.
 */

type Gcoord = typeof gcoordImport.default;
/**
 * gcoord is CommonJS (`module.exports = exported`) but its typings say `export default`, so under
 * NodeNext TypeScript types the default import as the module namespace, while Node and Vite hand
 * over `module.exports` itself. Accept either shape.
 */
const gcoord: Gcoord =
  (gcoordImport as { transform?: unknown }).transform === undefined
    ? gcoordImport.default
    : (gcoordImport as unknown as Gcoord);

/** Iteration cap of the GCJ-02 → WGS-84 inversion (gcoord converges in ≤ 2 inside its box). */
export const GCJ_MAX_ITERATIONS = 8;
const TOLERANCE = 1e-6;

/** A WGS-84 position. */
export interface LngLat {
  readonly lng: number;
  readonly lat: number;
}

/** gcoord's China bounding box; outside it GCJ-02 equals WGS-84 (domain.md §6). */
function inChinaBbox(lng: number, lat: number): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function gcjToWgs(lng: number, lat: number): LngLat {
  if (!inChinaBbox(lng, lat)) return { lng, lat };
  let w: [number, number] = [lng, lat];
  let t = gcoord.transform<[number, number]>(w, gcoord.WGS84, gcoord.GCJ02);
  let dx = t[0] - lng;
  let dy = t[1] - lat;
  for (let i = 0; i < GCJ_MAX_ITERATIONS && (Math.abs(dx) > TOLERANCE || Math.abs(dy) > TOLERANCE); i++) {
    w = [w[0] - dx, w[1] - dy];
    t = gcoord.transform<[number, number]>(w, gcoord.WGS84, gcoord.GCJ02);
    dx = t[0] - lng;
    dy = t[1] - lat;
  }
  return { lng: w[0], lat: w[1] };
}

/**
 * Converts a position in `system` (raw text: 'WGS84', 'GCJ-02', '火星', '高德', '百度', … see
 * normalizeCoordSystem) to WGS-84; null when a coordinate is missing or not finite, or the
 * system is unknown.
 *
 * @example toWgs84(123, 45, 'GCJ02') // { lng: 122.99395597…, lat: 44.99804071… }
 */
export function toWgs84(lng: number | null, lat: number | null, system: string | null): LngLat | null {
  const cs = normalizeCoordSystem(system);
  if (lng === null || lat === null || cs === null || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  switch (cs) {
    case 'wgs84':
      return { lng, lat };
    case 'gcj02':
      return gcjToWgs(lng, lat);
    case 'bd09': {
      const [gLng, gLat] = gcoord.transform<[number, number]>([lng, lat], gcoord.BD09, gcoord.GCJ02);
      return gcjToWgs(gLng, gLat);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// SQL: gcoord 1.0.7 src (dist/gcoord.esm-bundler.js), transcribed with identical operation order.

const PI = 'pi()';
/**
 * A non-integer constant as DOUBLE. A bare `0.2` is a DECIMAL literal in DuckDB, and
 * `6378245.0 * (1 - 0.0066…)` would then be computed exactly in DECIMAL instead of in doubles as
 * gcoord does; parsing the text as DOUBLE yields exactly the JS literal's value.
 */
const d = (x: number): string => `CAST('${x}' AS DOUBLE)`;
const transformLat = (x: string, y: string): string =>
  `(-100 + 2 * ${x} + 3 * ${y} + ${d(0.2)} * ${y} * ${y} + ${d(0.1)} * ${x} * ${y} + ${d(0.2)} * sqrt(abs(${x})) + ((20 * sin(6 * ${x} * ${PI}) + 20 * sin(2 * ${x} * ${PI})) * 2) / 3 + ((20 * sin(${y} * ${PI}) + 40 * sin((${y} / 3) * ${PI})) * 2) / 3 + ((160 * sin((${y} / 12) * ${PI}) + 320 * sin((${y} * ${PI}) / 30)) * 2) / 3)`;
const transformLon = (x: string, y: string): string =>
  `(300 + ${x} + 2 * ${y} + ${d(0.1)} * ${x} * ${x} + ${d(0.1)} * ${x} * ${y} + ${d(0.1)} * sqrt(abs(${x})) + ((20 * sin(6 * ${x} * ${PI}) + 20 * sin(2 * ${x} * ${PI})) * 2) / 3 + ((20 * sin(${x} * ${PI}) + 40 * sin((${x} / 3) * ${PI})) * 2) / 3 + ((150 * sin((${x} / 12) * ${PI}) + 300 * sin((${x} / 30) * ${PI})) * 2) / 3)`;

const A = '6378245';
const EE = d(0.006693421622965823);

const step = (k: number): string =>
  `CASE WHEN abs(s${k}.dx) > ${d(TOLERANCE)} OR abs(s${k}.dy) > ${d(TOLERANCE)} THEN jd__gcj_resid(s${k}.lng - s${k}.dx, s${k}.lat - s${k}.dy, glng, glat) ELSE s${k} END`;

function unrolled(k: number): string {
  return k === GCJ_MAX_ITERATIONS ? `{'lng': s${k}.lng, 'lat': s${k}.lat}` : sqlLet(step(k), `s${k + 1}`, unrolled(k + 1));
}

/** DDL of the coordinate macros (needs COORD_SYSTEM_MACROS). */
export const COORD_TRANSFORM_MACROS: readonly string[] = [
  defineMacro('jd__in_china', ['lng', 'lat'], `lng >= ${d(72.004)} AND lng <= ${d(137.8347)} AND lat >= ${d(0.8293)} AND lat <= ${d(55.8271)}`),
  // WGS-84 → GCJ-02 of a point, as STRUCT(lng, lat); `lng`, `lat` should be cheap (lambda params).
  defineMacro(
    'jd__wgs_to_gcj',
    ['lng', 'lat'],
    `CASE WHEN jd__in_china(lng, lat) THEN ${sqlLet(
      `1 - ${EE} * sin((lat / 180) * ${PI}) * sin((lat / 180) * ${PI})`,
      'magic',
      `{'lng': lng + (${transformLon('(lng - 105)', '(lat - 35)')} * 180) / ((${A} / sqrt(magic)) * cos((lat / 180) * ${PI}) * ${PI}), 'lat': lat + (${transformLat('(lng - 105)', '(lat - 35)')} * 180) / (((${A} * (1 - ${EE})) / (magic * sqrt(magic))) * ${PI})}`,
    )} ELSE {'lng': lng, 'lat': lat} END`,
  ),
  // The loop state: guess w and residual d = gcj(w) − g.
  defineMacro(
    'jd__gcj_resid',
    ['wlng', 'wlat', 'glng', 'glat'],
    sqlLet(
      `{'lng': wlng, 'lat': wlat}`,
      'w',
      sqlLet('jd__wgs_to_gcj(w.lng, w.lat)', 't', `{'lng': w.lng, 'lat': w.lat, 'dx': t.lng - glng, 'dy': t.lat - glat}`),
    ),
  ),
  defineMacro(
    'jd__gcj_to_wgs',
    ['glng', 'glat'],
    `CASE WHEN jd__in_china(glng, glat) THEN ${sqlLet('jd__gcj_resid(glng, glat, glng, glat)', 's0', unrolled(0))} ELSE {'lng': glng, 'lat': glat} END`,
  ),
  defineMacro(
    'jd__bd_to_gcj',
    ['lng', 'lat'],
    sqlLet(
      `{'x': lng - ${d(0.0065)}, 'y': lat - ${d(0.006)}}`,
      'p',
      sqlLet(
        `{'z': sqrt(p.x * p.x + p.y * p.y) - ${d(0.00002)} * sin(p.y * ((${PI} * 3000) / 180)), 'theta': atan2(p.y, p.x) - ${d(0.000003)} * cos(p.x * ((${PI} * 3000) / 180))}`,
        'q',
        `{'lng': q.z * cos(q.theta), 'lat': q.z * sin(q.theta)}`,
      ),
    ),
  ),
  defineMacro(
    'jd__wgs',
    ['lng', 'lat', 'sys'],
    sqlLet(
      `{'lng': CAST(lng AS DOUBLE), 'lat': CAST(lat AS DOUBLE), 'cs': jd_coord_system(sys)}`,
      'i',
      `CASE WHEN i.lng IS NULL OR i.lat IS NULL OR NOT isfinite(i.lng) OR NOT isfinite(i.lat) THEN NULL WHEN i.cs = 'wgs84' THEN {'lng': i.lng, 'lat': i.lat} WHEN i.cs = 'gcj02' THEN jd__gcj_to_wgs(i.lng, i.lat) WHEN i.cs = 'bd09' THEN ${sqlLet('jd__bd_to_gcj(i.lng, i.lat)', 'b', 'jd__gcj_to_wgs(b.lng, b.lat)')} END`,
    ),
  ),
  defineMacro('jd_wgs_lng', ['lng', 'lat', 'sys'], "struct_extract(jd__wgs(lng, lat, sys), 'lng')"),
  defineMacro('jd_wgs_lat', ['lng', 'lat', 'sys'], "struct_extract(jd__wgs(lng, lat, sys), 'lat')"),
];
