/**
 * Checks synthetic-county scenarios against their models, for whoever writes a scenario.
 *
 *   npx tsx scripts/check-scenario.ts MODEL_ID [MODEL_ID ...] [--scale 0.2] [--seed 1] [--plain] [--keep]
 *
 * Generates a county with only these scenarios (messy agency files; `--plain` writes UTF-8 CSV
 * with canonical headers and values instead, to tell scenario bugs from import bugs), imports it
 * through the normal import path into a scratch workspace, runs EVERY library model whose data is
 * present, and prints precision and recall per model against the ground truth. Models other than
 * the checked ones must find nothing. Exits 1 on any mismatch. `--keep` keeps the scratch folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { executeModel, prepareModel } from '../src/rules/model-executor.js';
import { loadModels } from '../src/rules/model-registry.js';
import { importCounty, readGroundTruth, scoreAgainstGroundTruth } from '../src/synth/county-proof.js';
import { synthesizeCounty } from '../src/synth/synth.service.js';
import { DatasetRepository } from '../src/warehouse/dataset.repository.js';
import { Warehouse } from '../src/warehouse/warehouse.js';
import { openWorkspace } from '../src/workspace/workspace.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const scale = Number(option(args, '--scale') ?? '0.2');
  const seed = Number(option(args, '--seed') ?? '1');
  const plain = args.includes('--plain');
  const keep = args.includes('--keep');
  const models = args.filter((a) => !a.startsWith('--'));
  const root = mkdtempSync(path.join(os.tmpdir(), 'jiandu-check-scenario-'));
  const countyDir = path.join(root, 'county');
  try {
    let t = performance.now();
    const manifest = await synthesizeCounty({ outDir: countyDir, scale, seed, models, plain });
    console.log(`synth: ${manifest.rows} rows, ${manifest.files.length} files in ${Math.round(performance.now() - t)} ms`);
    for (const s of manifest.scenarios) console.log(`  ${s.model}: ${s.rows} rows, ${s.leads} planted leads, ${s.nearMisses} near misses`);
    const ws = openWorkspace({ workspace: path.join(root, 'ws') });
    const wh = await Warehouse.open(ws.warehousePath);
    try {
      t = performance.now();
      await importCounty(wh, ws, countyDir, manifest, (file, _i, _n, report) => {
        if (report === 'already_imported') return;
        const invalid = Object.entries(report.invalid).filter(([, n]) => n > 0);
        console.log(
          `  import ${file}: ${report.rowsImported} imported, ${report.rowsQuarantined} quarantined, ${report.skippedRows.length} skipped` +
            (invalid.length > 0 ? `; invalid ${invalid.map(([f, n]) => `${f}=${n}`).join(' ')}` : ''),
        );
      });
      console.log(`import: ${Math.round(performance.now() - t)} ms`);
      const datasets = await new DatasetRepository(wh).list();
      const found = new Map<string, Record<string, unknown>[]>();
      for (const entry of loadModels(ws.root)) {
        let prepared;
        try {
          prepared = prepareModel(entry.spec, datasets, { asOf: manifest.asOf });
        } catch (error) {
          // Its data is not in this county: fine for other models, a failure for a checked one.
          if (models.includes(entry.spec.id)) console.log(`cannot run ${entry.spec.id}: ${(error as Error).message}`);
          continue;
        }
        const subjects: Record<string, unknown>[] = [];
        for await (const batch of executeModel(wh, prepared, manifest.asOf, { queryMs: 0 })) subjects.push(...batch.map((h) => h.subject));
        found.set(entry.spec.id, subjects);
      }
      let failed = false;
      for (const s of scoreAgainstGroundTruth(readGroundTruth(countyDir, manifest), found)) {
        const ok = s.precision === 1 && s.recall === 1;
        failed ||= !ok;
        console.log(`${ok ? 'PASS' : 'FAIL'} ${s.model}: expected ${s.expected}, found ${s.found}, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
        for (const m of s.missing.slice(0, 10)) console.log(`    missing    ${m}`);
        for (const u of s.unexpected.slice(0, 10)) console.log(`    unexpected ${u}`);
      }
      return failed ? 1 : 0;
    } finally {
      wh.close();
    }
  } finally {
    if (keep) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

process.exitCode = await main();
