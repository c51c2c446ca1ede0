import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { JianduError } from '../shared/errors.js';
import { CountyContext, type ExpectedLead } from './county-context.js';
import { CountyWriter } from './county-writer.js';
import { SiteGrid } from './geo.js';
import { IdentityFactory } from './identities.js';
import { SeededRng } from './rng.js';
import type { Scenario } from './scenario.js';
import { loadScenarios } from './scenarios/index.js';
import type { AgencyFileRecord } from './writers/agency-file.js';

/** The default run date the ground truth holds for. */
export const COUNTY_AS_OF = '2024-06-30';
export const MANIFEST_FILE = 'manifest.json';
export const GROUND_TRUTH_FILE = 'ground-truth.ndjson';

export interface SynthOptions {
  readonly outDir: string;
  readonly scale?: number;
  readonly seed?: number;
  /** The run date the ground truth holds for (default 2024-06-30, so the same seed gives the same files). */
  readonly asOf?: string;
  /** Only these models' scenarios (default: every scenario). */
  readonly models?: readonly string[];
  /** UTF-8 CSV with canonical headers and canonical values: for checking a scenario's logic alone. */
  readonly plain?: boolean;
  readonly onScenario?: (model: string, index: number, total: number) => void;
}

export interface ScenarioSummary {
  readonly model: string;
  readonly rows: number;
  readonly leads: number;
  readonly nearMisses: number;
}

export interface CountyManifest {
  readonly generator: 'jiandu synth';
  readonly seed: number;
  readonly scale: number;
  readonly asOf: string;
  readonly plain: boolean;
  readonly rows: number;
  readonly groundTruth: string;
  readonly files: readonly AgencyFileRecord[];
  readonly scenarios: readonly ScenarioSummary[];
}

/**
 * Generates a synthetic county as agency files: every scenario in turn writes its rows through
 * one county writer (shared identities and sites, so no two scenarios collide by accident), the
 * expected leads stream to ground-truth.ndjson, and manifest.json lists the files and counts.
 * Memory stays bounded: rows go straight to their files.
 */
export async function synthesizeCounty(options: SynthOptions): Promise<CountyManifest> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const asOf = options.asOf ?? COUNTY_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new JianduError('invalid_argument', `--as-of 应为日期 YYYY-MM-DD：${asOf}`);
  if (!(scale > 0) || scale > 10_000) throw new JianduError('invalid_argument', `--scale 应为正数（不超过 10000）：${scale}`);
  if (!Number.isInteger(seed) || seed < 0) throw new JianduError('invalid_argument', `--seed 应为非负整数：${seed}`);
  const all = await loadScenarios();
  const scenarios = selectScenarios(all, options.models ?? []);
  mkdirSync(options.outDir, { recursive: true });
  const clash = readdirSync(options.outDir).find((f) => f === MANIFEST_FILE || f.endsWith('.xlsx') || f.endsWith('.csv'));
  if (clash) throw new JianduError('conflict', `输出目录 ${options.outDir} 已有数据文件（${clash}）：请换一个空目录`);

  const writer = new CountyWriter(options.outDir, seed, options.plain === true);
  const truthFd = openSync(path.join(options.outDir, GROUND_TRUTH_FILE), 'w');
  const identities = new IdentityFactory(new SeededRng(`${seed}:identities`), asOf);
  const sites = new SiteGrid(new SeededRng(`${seed}:sites`));
  const serials = new Map<string, number>();
  const summaries: ScenarioSummary[] = [];
  let truth: string[] = [];
  const flushTruth = (): void => {
    if (truth.length > 0) writeSync(truthFd, truth.join(''));
    truth = [];
  };
  try {
    scenarios.forEach((scenario, index) => {
      options.onScenario?.(scenario.model, index, scenarios.length);
      const ctx = new CountyContext(
        scenario.model,
        {
          scale,
          asOf,
          identities,
          sites,
          serials,
          emit: (kind, row) => {
            if (!scenario.kinds.includes(kind)) throw new Error(`场景“${scenario.model}”写入了未声明的数据集类型“${kind}”`);
            writer.write(kind, row);
          },
          expectLead: (lead: ExpectedLead) => {
            truth.push(`${JSON.stringify(lead)}\n`);
            if (truth.length >= 10_000) flushTruth();
          },
        },
        new SeededRng(`${seed}:scenario:${scenario.model}`),
      );
      scenario.generate(ctx);
      flushTruth();
      summaries.push({ model: scenario.model, rows: ctx.rows, leads: ctx.leads, nearMisses: ctx.nearMisses });
    });
  } finally {
    closeSync(truthFd);
  }
  const files = writer.close();
  const manifest: CountyManifest = {
    generator: 'jiandu synth',
    seed,
    scale,
    asOf,
    plain: options.plain === true,
    rows: summaries.reduce((n, s) => n + s.rows, 0),
    groundTruth: GROUND_TRUTH_FILE,
    files,
    scenarios: summaries,
  };
  writeFileSync(path.join(options.outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function selectScenarios(all: readonly Scenario[], models: readonly string[]): Scenario[] {
  if (models.length === 0) return [...all];
  return models.map((m) => {
    const s = all.find((x) => x.model === m);
    if (!s) throw new JianduError('not_found', `没有模型“${m}”的合成场景。可用：${all.map((x) => x.model).join('、')}`);
    return s;
  });
}

export function isCountyDir(dir: string): boolean {
  return existsSync(path.join(dir, MANIFEST_FILE));
}
