import type { ScenarioContext } from './scenario.js';

/** Calls `fn` once per row group: `perUnit` groups per scale unit, rounded, and at least `min`. */
export function repeatScaled(ctx: ScenarioContext, perUnit: number, fn: (i: number) => void, min = 0): void {
  const n = Math.max(min, Math.round(perUnit * ctx.scale));
  for (let i = 0; i < n; i++) fn(i);
}

/** What every scenario plants after its background rows: violations and groups of hard near misses. */
export interface PlantingGenerator {
  planted(i: number): void;
  nearMisses(): void;
}

/**
 * The planted violations (8 per scale unit) and near-miss groups (`missesPerUnit`, 2 by default),
 * at least one of each at any scale, so a tiny county still proves every model.
 */
export function plantWithNearMisses(ctx: ScenarioContext, g: PlantingGenerator, missesPerUnit = 2): void {
  repeatScaled(ctx, 8, (i) => g.planted(i), 1);
  repeatScaled(ctx, missesPerUnit, () => g.nearMisses(), 1);
}
