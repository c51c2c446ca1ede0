import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Scenario } from '../scenario.js';

/**
 * Every scenario in this folder, ordered by model id: each `<model_id>.ts` exports `scenario`.
 * Discovered at run time so a new model's scenario needs no registration beside its own file.
 */
export async function loadScenarios(): Promise<Scenario[]> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here)
    .filter((f) => /^[a-z][a-z0-9_]*\.(js|ts)$/.test(f) && !f.startsWith('index.') && !f.endsWith('.d.ts'))
    .sort();
  const scenarios: Scenario[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { scenario?: Scenario };
    if (!mod.scenario) throw new Error(`合成场景文件 ${f} 没有导出 scenario`);
    scenarios.push(mod.scenario);
  }
  return scenarios.sort((a, b) => a.model.localeCompare(b.model));
}
