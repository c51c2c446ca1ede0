// Coordinates for distance fixtures, computed from metres the way a surveyor's rule of thumb
// does (111,000 m per degree of latitude, cos(lat) of that per degree of longitude) and checked
// with an independent haversine, so test data never depends on the code under test.

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** Metres per degree of latitude used to place fixture points. */
export const METRES_PER_DEGREE = 111_000;

/** Mean Earth radius (IUGG), the one the compiler's haversine uses. */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * The point `north` metres north and `east` metres east of `from` (negative = south / west).
 *
 * @example offsetMetres({ lat: 26.58, lng: 106.71 }, { north: 100 }).lat // 26.58090090…
 */
export function offsetMetres(from: LatLng, by: { north?: number; east?: number }): LatLng {
  const north = by.north ?? 0;
  const east = by.east ?? 0;
  return {
    lat: from.lat + north / METRES_PER_DEGREE,
    lng: from.lng + east / (METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180)),
  };
}

/** Great-circle distance in metres (haversine), to check fixture distances independently. */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const rad = (d: number): number => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
