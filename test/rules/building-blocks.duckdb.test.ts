import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../src/warehouse/dataset.repository.js';
import { buildingBlockSuite } from './building-blocks.case.js';
import { buildFixture, duckdbEngine, type Fixture } from './support/dialect-harness.js';
import { fixtureCatalogue } from './support/fixture-catalogue.js';
import { CELL_100M, PLACES } from './support/fixture-data.js';
import { haversineMetres } from './support/geo-offset.js';

buildingBlockSuite('duckdb', duckdbEngine);

// The distances the `near` blocks rely on, checked independently of the compiler.
describe('fixture geometry', () => {
  it('puts the shops where the near blocks say, with a metre or so to spare', () => {
    expect(haversineMetres(PLACES.t01, PLACES.k1)).toBeCloseTo(98.97, 2);
    expect(haversineMetres(PLACES.t02, PLACES.k1)).toBeCloseTo(101.08, 2);
    expect(haversineMetres(PLACES.t03, PLACES.k2)).toBeGreaterThan(70);
    expect(haversineMetres(PLACES.t03, PLACES.k2)).toBeLessThan(72);
    expect(haversineMetres(PLACES.t04, PLACES.k2)).toBeGreaterThan(300);
    expect(haversineMetres(PLACES.k1, PLACES.k2)).toBeGreaterThan(2_000);
  });

  it('puts T03 in the diagonal neighbour of K2’s 100 m grid cell', () => {
    const cell = (p: { lat: number; lng: number }): [number, number] => [Math.floor(p.lat / CELL_100M.lat), Math.floor(p.lng / CELL_100M.lng)];
    const [ky, kx] = cell(PLACES.k2);
    expect(cell(PLACES.t03)).toEqual([ky - 1, kx - 1]);
    // …and K2 itself clear of the border (5 m ≈ 5.5 % of a latitude cell), away from rounding.
    expect(PLACES.k2.lat / CELL_100M.lat - ky).toBeGreaterThan(0.04);
    expect(PLACES.k2.lng / CELL_100M.lng - kx).toBeGreaterThan(0.01);
  });
});

// The compile-only tests (SQL snapshots, property) bind models to a catalogue built from the kind
// definitions; it must be what importing the fixture really produces.
describe('fixture catalogue', () => {
  let fx: Fixture | undefined;
  beforeAll(async () => {
    fx = await buildFixture();
  });
  afterAll(() => fx?.dispose());

  it('equals the warehouse catalogue after import, creation times aside', () => {
    const strip = (d: DatasetRecord): Omit<DatasetRecord, 'createdAt'> => ({ name: d.name, kind: d.kind, nextRowId: d.nextRowId, fields: d.fields });
    expect(fixtureCatalogue().map(strip)).toEqual(fx?.datasets.map(strip));
  });
});
