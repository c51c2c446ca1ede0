import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineMetres, offsetPoint, SiteGrid } from '../../src/synth/geo.js';
import { SeededRng } from '../../src/synth/rng.js';

describe('synthetic geography', () => {
  it('an offset of d metres is d metres by the haversine the models use', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 22, max: 41, noNaN: true }),
        fc.double({ min: 100, max: 122, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (lat, lng, d, bearing) => {
          expect(Math.abs(haversineMetres({ lat, lng }, offsetPoint({ lat, lng }, d, bearing)) - d)).toBeLessThan(1e-3);
        },
      ),
    );
  });

  it('sites are at least 3.1 km apart', () => {
    const grid = new SiteGrid(new SeededRng(1));
    const sites = Array.from({ length: 1200 }, () => grid.site());
    let min = Infinity;
    for (let i = 0; i < sites.length; i++) {
      for (let j = i + 1; j < sites.length; j++) min = Math.min(min, haversineMetres(sites[i]!, sites[j]!));
    }
    expect(min).toBeGreaterThan(3100);
  });
});
