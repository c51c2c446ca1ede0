import fc from 'fast-check';
import gcoordImport from 'gcoord';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWgs84 } from './coord-transform.js';
import { openMacroConnection, type MacroConnection } from './sql-batch.js';

type Gcoord = typeof gcoordImport.default;
const gcoord: Gcoord = (gcoordImport as { transform?: unknown }).transform === undefined ? gcoordImport.default : (gcoordImport as unknown as Gcoord);
type Pair = [number, number];

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

/** jd_wgs_lng / jd_wgs_lat over many points in one query. */
async function sqlToWgs(points: readonly (readonly [number | null, number | null, string | null])[]): Promise<(Pair | null)[]> {
  const values = points.map(([lng, lat, sys]) => `${lng ?? ''}|${lat ?? ''}|${sys ?? ''}`);
  const sql = `SELECT jd_wgs_lng(l, t, s) AS lng, jd_wgs_lat(l, t, s) AS lat FROM (
    SELECT TRY_CAST(split_part(v, '|', 1) AS DOUBLE) AS l, TRY_CAST(split_part(v, '|', 2) AS DOUBLE) AS t, nullif(split_part(v, '|', 3), '') AS s, i
    FROM (SELECT unnest($1::VARCHAR[]) AS v, generate_subscripts($1::VARCHAR[], 1) AS i)) ORDER BY i`;
  const reader = await db.conn.runAndReadAll(sql, [listValue(values)], [LIST(VARCHAR)]);
  return reader.getRowObjectsJson().map((r) => (r['lng'] === null || r['lat'] === null ? null : [Number(r['lng']), Number(r['lat'])]));
}

const close = (a: Pair | null, b: Pair | null, tol: number): boolean =>
  a === null || b === null ? a === b : Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol;
const pair = (p: { lng: number; lat: number } | null): Pair | null => (p === null ? null : [p.lng, p.lat]);

// domain.md §6 test vectors (gcoord, eviltransform): [system of input, input, WGS-84 expected, tolerance].
const VECTORS: readonly [string, Pair, Pair, number][] = [
  ['gcj02', [123, 45], [122.99395597, 44.99804071], 1e-8], // gcoord GCJ02.spec.ts
  ['gcj02', [123.00607541, 45.00197815], [123, 45], 1e-6], // inverse of WGS→GCJ [123,45]
  ['gcj02', [121.531541859215, 31.17530398364597], [121.5272106, 31.1774276], 1e-6], // eviltransform
  ['gcj02', [116.38404722455657, 39.91334545536069], [116.377817, 39.911954], 1e-6], // eviltransform
  // BD-09 → GCJ-02 is itself an approximate inverse in gcoord (≈1e-6°).
  ['bd09', [116.41661560068297, 39.92196580126834], [116.403988, 39.914266], 2e-6], // gcoord README WGS→BD
  ['bd09', [123.00636499, 45.00636899], [122.99395597, 44.99804071], 2e-6], // GCJ→BD [123,45], then GCJ→WGS
  ['wgs84', [116.403988, 39.914266], [116.403988, 39.914266], 0],
];

describe('toWgs84 (domain.md §6)', () => {
  it('reproduces the test vectors', () => {
    for (const [sys, input, expected, tol] of VECTORS) {
      const out = pair(toWgs84(input[0], input[1], sys));
      expect(close(out, expected, tol), `${sys} ${input.join(',')} → ${out?.join(',')}`).toBe(true);
    }
  });

  it('matches gcoord.transform exactly wherever gcoord terminates', () => {
    fc.assert(
      fc.property(fc.double({ min: 73, max: 137, noNaN: true }), fc.double({ min: 1, max: 55, noNaN: true }), fc.constantFrom('gcj02', 'bd09'), (lng, lat, sys) => {
        const expected = gcoord.transform<Pair>([lng, lat], sys === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
        expect(pair(toWgs84(lng, lat, sys))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('treats positions outside the China box as WGS-84 already, and rejects bad input', () => {
    expect(toWgs84(2.35, 48.85, 'GCJ-02')).toEqual({ lng: 2.35, lat: 48.85 });
    expect(toWgs84(116.4, 39.9, '未知')).toBeNull();
    expect(toWgs84(null, 39.9, 'gcj02')).toBeNull();
    expect(toWgs84(181, 39.9, 'gcj02')).toBeNull();
    expect(toWgs84(Number.NaN, 39.9, 'gcj02')).toBeNull();
    // gcoord's own loop never ends here (western / southern edge of its box); ours stops after 2 steps.
    expect(toWgs84(72.00446704968262, 4.53271169365424, 'gcj02')).not.toBeNull();
    expect(toWgs84(100.5, 0.8295, 'gcj02')).not.toBeNull();
  });
});

describe('jd_wgs_lng / jd_wgs_lat', () => {
  it('reproduce the test vectors', async () => {
    const out = await sqlToWgs(VECTORS.map(([sys, [lng, lat]]) => [lng, lat, sys]));
    VECTORS.forEach(([sys, input, expected, tol], i) => {
      expect(close(out[i] ?? null, expected, tol), `${sys} ${input.join(',')} → ${out[i]?.join(',')}`).toBe(true);
    });
  });

  it('agree with toWgs84 (gcoord) within 1e-9° on random points, all systems, edges and junk', async () => {
    const inBox = fc.tuple(fc.double({ min: 72.004, max: 137.8347, noNaN: true }), fc.double({ min: 0.8293, max: 55.8271, noNaN: true }));
    const westEdge = fc.tuple(fc.double({ min: 72.004, max: 72.02, noNaN: true }), fc.double({ min: 0.8293, max: 55.8271, noNaN: true }));
    const southEdge = fc.tuple(fc.double({ min: 72.004, max: 137.8347, noNaN: true }), fc.double({ min: 0.8293, max: 0.84, noNaN: true }));
    const anywhere = fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }));
    const system = fc.constantFrom<string | null>('gcj02', 'GCJ-02', '火星', 'bd09', '百度坐标', 'wgs84', 'GPS', '未知', null);
    const points = fc.sample(
      fc.tuple(fc.oneof({ weight: 4, arbitrary: inBox }, { weight: 1, arbitrary: westEdge }, { weight: 1, arbitrary: southEdge }, { weight: 1, arbitrary: anywhere }), system).map(([[lng, lat], sys]) => [lng, lat, sys] as const),
      400,
    );
    const sql = await sqlToWgs(points);
    const bad = points.filter(([lng, lat, sys], i) => !close(sql[i] ?? null, pair(toWgs84(lng, lat, sys)), 1e-9));
    expect(bad).toEqual([]);
  });
});
