import type { Point, Rng } from './scenario.js';

/** The sphere the compiled models measure distances on (mean Earth radius, metres). */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle destination: the point `metres` from `from` along `bearingDeg` (0 = north, 90 = east). */
export function offsetPoint(from: Point, metres: number, bearingDeg: number): Point {
  const d = metres / EARTH_RADIUS_M;
  const b = bearingDeg * RAD;
  const lat1 = from.lat * RAD;
  const lng1 = from.lng * RAD;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / RAD, lng: lng2 / RAD };
}

/** Haversine distance in metres, the same formula the compiled SQL uses. */
export function haversineMetres(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

const SPACING_M = 3_400;
const JITTER_M = 150;
const COLUMNS = 450;
const ORIGIN: Point = { lat: 26.2, lng: 104.2 };

/**
 * Hands out sites on a grid 3.4 km apart (each jittered by at most 150 m), filled row by row
 * northwards from western Guizhou: any two sites are at least 3.1 km apart, so what a scenario
 * places within 1.4 km of its own site is more than 300 m from everyone else's.
 */
export class SiteGrid {
  private next = 0;

  constructor(private readonly rng: Rng) {}

  site(): Point {
    const n = this.next++;
    const row = Math.floor(n / COLUMNS);
    const col = n % COLUMNS;
    const lat = ORIGIN.lat + (row * SPACING_M) / (EARTH_RADIUS_M * RAD);
    if (lat > 41) throw new Error('合成县的地点已用尽（缩小规模）');
    const lng = ORIGIN.lng + (col * SPACING_M) / (EARTH_RADIUS_M * RAD * Math.cos(lat * RAD));
    return offsetPoint({ lat, lng }, this.rng.next() * JITTER_M, this.rng.next() * 360);
  }
}
