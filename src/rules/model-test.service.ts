import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ImportService } from '../ingest/import.service.js';
import { JianduError } from '../shared/errors.js';
import { DatasetRepository } from '../warehouse/dataset.repository.js';
import { Warehouse } from '../warehouse/warehouse.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { LeadHit } from './lead-hit-mapper.js';
import { executeRunnable, prepareRunnable } from './runnable-model.js';
import { EXPECTED_FILE, FIXTURES_DIR } from './model-package.js';
import type { ModelEntry } from './model-registry.js';

/** expected.yaml: the run date, parameter overrides, and the subjects of the leads the fixtures must produce. */
const expectedSchema = z.strictObject({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  leads: z.array(z.strictObject({ subject: z.record(z.string(), z.union([z.string(), z.number()])), note: z.string().optional() })),
});

export interface ModelTestResult {
  readonly model: string;
  readonly status: 'pass' | 'fail' | 'no_fixtures';
  readonly expected: number;
  readonly found: number;
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
  readonly message?: string;
}

/** A lead subject as one comparable text: keys sorted, `key=value` joined. */
export function subjectKey(subject: Readonly<Record<string, unknown>>): string {
  return Object.keys(subject)
    .sort()
    .map((k) => `${k}=${String(subject[k])}`)
    .join('；');
}

/**
 * Proves a model on its own fixtures: imports `fixtures/<alias>.csv` through the normal import
 * path (as the input's dataset kind) into a scratch workspace, runs the model as of the expected
 * date, and compares the subjects of its leads with expected.yaml — missing and unexpected leads
 * are both failures.
 */
export async function testModel(entry: ModelEntry): Promise<ModelTestResult> {
  const base = { model: entry.spec.id, expected: 0, found: 0, missing: [], unexpected: [] };
  const fixtures = entry.dir ? path.join(entry.dir, FIXTURES_DIR) : '';
  const expectedFile = entry.dir ? path.join(entry.dir, EXPECTED_FILE) : '';
  if (!entry.dir || !existsSync(fixtures) || !existsSync(expectedFile)) return { ...base, status: 'no_fixtures' };
  const parsed = expectedSchema.safeParse(parseYaml(readFileSync(expectedFile, 'utf8')));
  if (!parsed.success) {
    throw new JianduError('invalid_argument', `${expectedFile} 格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；')}`);
  }
  const expected = parsed.data;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'jiandu-model-test-'));
  const ws = openWorkspace({ workspace: scratch });
  const wh = await Warehouse.open(ws.warehousePath);
  try {
    const files = readdirSync(fixtures);
    const importer = new ImportService(wh, ws);
    for (const input of entry.spec.inputs) {
      const file = files.find((f) => f.replace(/\.[^.]+$/, '') === input.alias);
      if (!file) throw new JianduError('not_found', `模型“${entry.spec.id}”缺少输入“${input.alias}”的样例文件 fixtures/${input.alias}.csv`);
      await importer.import({ file: path.join(fixtures, file), dataset: input.dataset ?? input.alias, kind: input.kind });
    }
    const params = Object.fromEntries(Object.entries(expected.parameters ?? {}).map(([k, v]) => [k, String(v)]));
    const model = prepareRunnable(entry.spec, await new DatasetRepository(wh).list(), { asOf: expected.asOf, parameters: params });
    const hits: LeadHit[] = [];
    for await (const batch of executeRunnable(wh, model, expected.asOf, { queryMs: 0 })) hits.push(...batch);
    const want = new Set(expected.leads.map((l) => subjectKey(l.subject)));
    const got = new Set(hits.map((h) => subjectKey(h.subject)));
    const missing = [...want].filter((k) => !got.has(k));
    const unexpected = [...got].filter((k) => !want.has(k));
    return { ...base, status: missing.length === 0 && unexpected.length === 0 ? 'pass' : 'fail', expected: want.size, found: got.size, missing, unexpected };
  } finally {
    wh.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
