import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { RunService, type RunSummary } from '../leads/run.service.js';
import { todayInDisplayZone } from '../shared/display-time.js';
import { bindInputs } from '../rules/input-binder.js';
import { loadModels, type ModelEntry } from '../rules/model-registry.js';
import { JianduError } from '../shared/errors.js';
import { LeadRepository, type WorkflowDb } from '../store/index.js';
import { importCounty, readGroundTruth, readManifest, scoreAgainstGroundTruth, type ModelScore } from '../synth/county-proof.js';
import { isCountyDir, synthesizeCounty, type CountyManifest } from '../synth/synth.service.js';
import { DatasetRepository } from '../warehouse/dataset.repository.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { Workspace } from '../workspace/workspace.js';

export interface DemoOptions {
  readonly scale: number;
  readonly seed: number;
  /** Run date of a new county (default today); a county already in the workspace keeps its own. */
  readonly asOf?: string | undefined;
  readonly onStep?: (message: string) => void;
}

export interface DemoResult {
  readonly countyDir: string;
  readonly manifest: CountyManifest;
  readonly imported: number;
  readonly alreadyImported: number;
  readonly run: RunSummary;
  /** Models that could not run because the county has no data for them. */
  readonly skipped: readonly { model: string; reason: string }[];
  readonly scores: readonly ModelScore[];
}

/** Where the demo keeps its synthetic county inside the workspace. */
export function demoCountyDir(ws: Workspace): string {
  return path.join(ws.root, 'demo', 'county');
}

/**
 * The whole product on a synthetic county: generate it (or reuse the one this workspace already
 * has), import every agency file through the normal import path (files already imported are
 * skipped, so the demo can be re-run), run every model that has its data, and score the leads
 * against the county's ground truth.
 */
export async function runDemo(wh: Warehouse, store: WorkflowDb, ws: Workspace, options: DemoOptions): Promise<DemoResult> {
  const step = options.onStep ?? (() => undefined);
  const dir = demoCountyDir(ws);
  let manifest: CountyManifest;
  if (isCountyDir(dir)) {
    manifest = readManifest(dir);
    if (manifest.seed !== options.seed || manifest.scale !== options.scale) {
      throw new JianduError(
        'conflict',
        `工作区 ${ws.root} 已有另一个合成县（--seed ${manifest.seed} --scale ${manifest.scale}）；请用 --workspace 指定新的工作区，或沿用原参数`,
      );
    }
    step(`沿用已生成的合成县：${dir}（${manifest.rows} 行，运行日期 ${manifest.asOf}）`);
  } else {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    step(`生成合成县（规模 ${options.scale}，种子 ${options.seed}）…`);
    manifest = await synthesizeCounty({ outDir: dir, scale: options.scale, seed: options.seed, asOf: options.asOf ?? todayInDisplayZone() });
    step(`  ${manifest.files.length} 个机关文件，${manifest.rows} 行，写入 ${dir}`);
  }

  step('导入机关文件…');
  const { reports, alreadyImported } = await importCounty(wh, ws, dir, manifest, (file, i, total, report) => {
    step(
      report === 'already_imported'
        ? `  [${i + 1}/${total}] ${file}：已导入过，跳过`
        : `  [${i + 1}/${total}] ${file}：导入 ${report.rowsImported} 行，隔离 ${report.rowsQuarantined}，非数据行 ${report.skippedRows.length}`,
    );
  });

  const datasets = await new DatasetRepository(wh).list();
  const runnable: ModelEntry[] = [];
  const skipped: { model: string; reason: string }[] = [];
  for (const entry of loadModels(ws.root)) {
    try {
      bindInputs(entry.spec, datasets, entry.bindings);
      runnable.push(entry);
    } catch (error) {
      skipped.push({ model: entry.spec.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  step(`运行 ${runnable.length} 个模型（运行日期 ${manifest.asOf}）…`);
  const run = await new RunService(wh, store).run({ models: runnable, asOf: manifest.asOf, onModel: (id, phase) => phase === 'start' && step(`  ${id}`) });
  const leads = new LeadRepository(store.db);
  const found = new Map<string, Record<string, unknown>[]>();
  for (const entry of runnable) found.set(entry.spec.id, await leads.openSubjects(entry.spec.id));
  const scores = scoreAgainstGroundTruth(readGroundTruth(dir, manifest), found);
  return { countyDir: dir, manifest, imported: reports.length, alreadyImported: alreadyImported.length, run, skipped, scores };
}
