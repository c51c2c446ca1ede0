import gcoordImport from 'gcoord';
import { normalizeCoordSystem } from './coord-system.js';
import { defineMacro, sqlLet } from './sql-macro.js';

/**
 * Conversion of GCJ-02 / BD-09 coordinates to WGS-84 (domain.md §6).
 *
 * TS uses the `gcoord` package. Its GCJ02→WGS84 is a fixed-point iteration
 * w ← w − (gcj(w) − g) that stops once the residual is within 1e-6°; it loops forever for GCJ
 * points in a thin band (≤ ~0.01°) inside the western and southern edges of its China bounding box
 * (lng 72.004…, lat 0.8293…), where the guess leaves the box and the forward transform becomes
 * the identity, so the iterates oscillate. We therefore run gcoord's own loop here, calling gcoord's WGS84→GCJ02 for each step,
 * capped at {@link GCJ_MAX_ITERATIONS}. Everywhere gcoord terminates the result is identical.
 *
 * SQL implements the same formulas with the same operation order (so IEEE results agree up to
 * the last-bit differences of the platform's sin/cos) and the same capped, early-stopping loop,
 * unrolled twice, each intermediate value bound by a lambda (see GCJ_TO_WGS below).
 *
 * Positions outside ±180° / ±90° are rejected (null) by both.
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

/**
 * Iteration cap of the GCJ-02 → WGS-84 inversion. On a 0.01° grid over gcoord's whole box (36
 * million points) its loop takes 1 or 2 steps, or never stops (12 083 points at the western and
 * southern edges); so 2 reproduces gcoord wherever gcoord returns.
 */
/** WGS-84 → GCJ-02 through gcoord (what a map an agency digitised on would store). */
export function wgs84ToGcj02(lng: number, lat: number): LngLatPair {
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  return [x, y];
}

export type LngLatPair = [lng: number, lat: number];

export const GCJ_MAX_ITERATIONS = 2;
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
 * normalizeCoordSystem) to WGS-84; null when a coordinate is missing or out of range, or the
 * system is unknown.
 *
 * @example toWgs84(123, 45, 'GCJ02') // { lng: 122.99395597…, lat: 44.99804071… }
 */
export function toWgs84(lng: number | null, lat: number | null, system: string | null): LngLat | null {
  const cs = normalizeCoordSystem(system);
  if (lng === null || lat === null || cs === null || !(Math.abs(lng) <= 180) || !(Math.abs(lat) <= 90)) return null;
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

const MAGIC = (lat: string): string => `(1 - ${EE} * sin((${lat} / 180) * ${PI}) * sin((${lat} / 180) * ${PI}))`;
const IN_CHINA = (lng: string, lat: string): string =>
  `((${lng} >= ${d(72.004)})::INTEGER * (${lng} <= ${d(137.8347)})::INTEGER * (${lat} >= ${d(0.8293)})::INTEGER * (${lat} <= ${d(55.8271)})::INTEGER)`;
/**
 * gcoord's WGS84ToGCJ02 of (lng, lat), CASE-free: the offset is computed everywhere and multiplied
 * by the bounding-box flag (inputs are limited to ±180/±90, so the offset is finite and
 * `w + offset·0 = w` exactly). CASE-free expressions let DuckDB share the repeated subterms.
 */
const forward = (lng: string, lat: string): string =>
  `{'lng': ${lng} + (${transformLon(`(${lng} - 105)`, `(${lat} - 35)`)} * 180) / ((${A} / sqrt(${MAGIC(lat)})) * cos((${lat} / 180) * ${PI}) * ${PI}) * ${IN_CHINA(lng, lat)}, ` +
  `'lat': ${lat} + (${transformLat(`(${lng} - 105)`, `(${lat} - 35)`)} * 180) / (((${A} * (1 - ${EE})) / (${MAGIC(lat)} * sqrt(${MAGIC(lat)}))) * ${PI}) * ${IN_CHINA(lng, lat)}}`;
/** 1 while the residual t − g exceeds gcoord's 1e-6 in either axis. */
const notConverged = (tl: string, tt: string, gl: string, gt: string): string =>
  `((abs(${tl} - ${gl}) > ${d(TOLERANCE)})::INTEGER | (abs(${tt} - ${gt}) > ${d(TOLERANCE)})::INTEGER)`;

// gcoord's GCJ02ToWGS84 with the loop unrolled twice. Every intermediate value is bound to a
// lambda parameter: the forward transform reads its input ~35 times, so without binding the
// expanded SQL would grow by that factor per step (and DuckDB does not share subexpressions
// inside lambdas or CASE branches anyway). g: the GCJ point; t = gcj(g); s: the guess w1 after the
// first step with its step flag; u = gcj(w1); the result is w2.
// Coordinates are bound as scalar lambda parameters (gl, gt, wl, wt): reading a struct field in
// a lambda body costs a function call per use, and the forward transform reads each ~17 times.
const F0 = `(${IN_CHINA('gl', 'gt')} * ${notConverged('t.lng', 't.lat', 'gl', 'gt')})`;
const bindScalars = (lng: string, lat: string, l: string, t: string, body: string): string => sqlLet(lng, l, sqlLet(lat, t, body));
const GCJ_TO_WGS = bindScalars(
  'g.lng',
  'g.lat',
  'gl',
  'gt',
  sqlLet(
    forward('gl', 'gt'),
    't',
    sqlLet(
      `{'f': ${F0}, 'wl': gl - (t.lng - gl) * ${F0}, 'wt': gt - (t.lat - gt) * ${F0}}`,
      's',
      bindScalars(
        's.wl',
        's.wt',
        'wl',
        'wt',
        sqlLet(
          forward('wl', 'wt'),
          'u',
          `{'lng': wl - (u.lng - gl) * (s.f * ${notConverged('u.lng', 'u.lat', 'gl', 'gt')}), 'lat': wt - (u.lat - gt) * (s.f * ${notConverged('u.lng', 'u.lat', 'gl', 'gt')})}`,
        ),
      ),
    ),
  ),
);

/** DDL of the coordinate macros (needs COORD_SYSTEM_MACROS). */
export const COORD_TRANSFORM_MACROS: readonly string[] = [
  // BD-09 → GCJ-02 (gcoord's BD09ToGCJ02; no bounding-box test there) as STRUCT(lng, lat).
  defineMacro(
    'jd__bd_to_gcj',
    ['lng', 'lat'],
    `{'lng': (sqrt((lng - ${d(0.0065)}) * (lng - ${d(0.0065)}) + (lat - ${d(0.006)}) * (lat - ${d(0.006)})) - ${d(0.00002)} * sin((lat - ${d(0.006)}) * ((${PI} * 3000) / 180))) * cos(atan2(lat - ${d(0.006)}, lng - ${d(0.0065)}) - ${d(0.000003)} * cos((lng - ${d(0.0065)}) * ((${PI} * 3000) / 180))), ` +
      `'lat': (sqrt((lng - ${d(0.0065)}) * (lng - ${d(0.0065)}) + (lat - ${d(0.006)}) * (lat - ${d(0.006)})) - ${d(0.00002)} * sin((lat - ${d(0.006)}) * ((${PI} * 3000) / 180))) * sin(atan2(lat - ${d(0.006)}, lng - ${d(0.0065)}) - ${d(0.000003)} * cos((lng - ${d(0.0065)}) * ((${PI} * 3000) / 180)))}`,
  ),
  // i: the inputs, bound once; out-of-range positions and unknown systems give NULL.
  defineMacro(
    'jd__wgs',
    ['lng', 'lat', 'sys'],
    sqlLet(
      `{'lng': CAST(lng AS DOUBLE), 'lat': CAST(lat AS DOUBLE), 'cs': jd_coord_system(sys)}`,
      'i',
      `CASE WHEN NOT (abs(i.lng) <= 180 AND abs(i.lat) <= 90) OR i.cs IS NULL THEN NULL WHEN i.cs = 'wgs84' THEN {'lng': i.lng, 'lat': i.lat} ELSE ${sqlLet(
        `CASE WHEN i.cs = 'bd09' THEN jd__bd_to_gcj(i.lng, i.lat) ELSE {'lng': i.lng, 'lat': i.lat} END`,
        'g',
        GCJ_TO_WGS,
      )} END`,
    ),
  ),
  defineMacro('jd_wgs_lng', ['lng', 'lat', 'sys'], "struct_extract(jd__wgs(lng, lat, sys), 'lng')"),
  defineMacro('jd_wgs_lat', ['lng', 'lat', 'sys'], "struct_extract(jd__wgs(lng, lat, sys), 'lat')"),
];
