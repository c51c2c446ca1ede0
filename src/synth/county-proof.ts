import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportService } from '../ingest/import.service.js';
import { subjectKey } from '../rules/model-test.service.js';
import { JianduError } from '../shared/errors.js';
import type { ImportReport } from '../ingest/import-report.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ExpectedLead } from './county-context.js';
import { GROUND_TRUTH_FILE, MANIFEST_FILE, type CountyManifest } from './synth.service.js';

export function readManifest(dir: string): CountyManifest {
  return JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as CountyManifest;
}

export function readGroundTruth(dir: string, manifest: CountyManifest): ExpectedLead[] {
  const text = readFileSync(path.join(dir, manifest.groundTruth || GROUND_TRUTH_FILE), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ExpectedLead);
}

export interface CountyImport {
  readonly reports: readonly ImportReport[];
  /** Files this workspace had already imported (same content into the same dataset), left alone. */
  readonly alreadyImported: readonly string[];
}

/**
 * Imports every agency file of a county through the normal import path: one dataset per kind
 * (named after the kind), each file one batch with its agency. A file already imported is
 * skipped, so an interrupted or repeated import of a county completes what is missing.
 */
export async function importCounty(
  wh: Warehouse,
  ws: Workspace,
  dir: string,
  manifest: CountyManifest,
  onFile?: (file: string, index: number, total: number, report: ImportReport | 'already_imported') => void,
): Promise<CountyImport> {
  const importer = new ImportService(wh, ws);
  const reports: ImportReport[] = [];
  const alreadyImported: string[] = [];
  for (const [i, f] of manifest.files.entries()) {
    try {
      const report = await importer.import({ file: path.join(dir, f.file), dataset: f.kind, kind: f.kind, agency: f.agency });
      reports.push(report);
      onFile?.(f.file, i, manifest.files.length, report);
    } catch (error) {
      if (!(error instanceof JianduError && error.code === 'duplicate_import')) throw error;
      alreadyImported.push(f.file);
      onFile?.(f.file, i, manifest.files.length, 'already_imported');
    }
  }
  return { reports, alreadyImported };
}

export interface ModelScore {
  readonly model: string;
  readonly expected: number;
  readonly found: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
}

/**
 * Scores each model's leads against the ground truth. A model with no expected and no found leads
 * scores 1/1; precision is 1 when nothing was found, recall is 1 when nothing was expected.
 */
export function scoreAgainstGroundTruth(truth: readonly ExpectedLead[], found: ReadonlyMap<string, readonly Readonly<Record<string, unknown>>[]>): ModelScore[] {
  const models = [...new Set([...truth.map((t) => t.model), ...found.keys()])].sort();
  return models.map((model) => {
    const want = new Set(truth.filter((t) => t.model === model).map((t) => subjectKey(t.subject)));
    const got = new Set((found.get(model) ?? []).map(subjectKey));
    const tp = [...got].filter((k) => want.has(k)).length;
    return {
      model,
      expected: want.size,
      found: got.size,
      truePositives: tp,
      precision: got.size === 0 ? 1 : tp / got.size,
      recall: want.size === 0 ? 1 : tp / want.size,
      missing: [...want].filter((k) => !got.has(k)),
      unexpected: [...got].filter((k) => !want.has(k)),
    };
  });
}
