import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DatasetRepository } from '../../warehouse/dataset.repository.js';
import { bindInputs } from '../../rules/input-binder.js';
import { exportModelPackage, installModelPackage } from '../../rules/model-package.js';
import { loadModels, selectModels, workspaceModelsDir } from '../../rules/model-registry.js';
import { testModel } from '../../rules/model-test.service.js';
import { JianduError } from '../../shared/errors.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { printJson, withWarehouse, type GlobalOptions } from '../cli-context.js';
import { EXIT_USER_ERROR } from '../exit-codes.js';

function parseBindings(maps: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of maps) {
    const eq = m.indexOf('=');
    const key = eq < 0 ? '' : m.slice(0, eq).trim();
    const target = eq < 0 ? '' : m.slice(eq + 1).trim();
    if (!key || !target) throw new JianduError('invalid_argument', `--map 的格式应为 输入别名=数据集名称 或 输入别名.字段=列名，收到：${m}`);
    out[key] = target;
  }
  return out;
}

/** The `alias.field → column` mappings of one input, as `{ field: column }`. */
function mappedColumns(bindings: Readonly<Record<string, string>>, alias: string): Record<string, string> {
  const prefix = `${alias}.`;
  return Object.fromEntries(Object.entries(bindings).flatMap(([key, column]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), column]] : [])));
}

export function registerModelPackageCommands(models: Command, global: () => GlobalOptions): void {
  models
    .command('export')
    .description('把模型连同样例数据和预期线索导出为一个模型包（JSON），供其他院使用')
    .argument('<model>')
    .option('-o, --out <file>', '输出文件（默认 <模型>.jiandu-model.json）')
    .action((id: string, flags: { out?: string }) => {
      const ws = openWorkspace({ workspace: global().workspace });
      const [entry] = selectModels(loadModels(ws.root), [id]);
      if (!entry) return;
      const file = flags.out ?? `${entry.spec.id}.jiandu-model.json`;
      writeFileSync(file, `${JSON.stringify(exportModelPackage(entry), null, 2)}\n`);
      process.stdout.write(`已导出模型“${entry.spec.name}”到 ${file}\n`);
    });
  models
    .command('import')
    .description('导入模型包到本工作区，并说明本工作区缺少哪些数据、如何对应')
    .argument('<file>')
    .option('--map <输入别名=数据集|输入别名.字段=列名>', '把模型的输入对应到本工作区的数据集，或把模型的字段对应到数据集中另一名称的列；可重复', (v: string, acc: string[]) => [...acc, v], [])
    .option('--json', '以 JSON 输出')
    .action(async (file: string, flags: { map: string[]; json?: boolean }) => {
      const result = await withWarehouse(global(), async (wh, ws) => {
        const bindings = parseBindings(flags.map);
        const { dir, spec } = installModelPackage(readFileSync(file, 'utf8'), file, workspaceModelsDir(ws.root), bindings);
        let missing: string[] = [];
        try {
          bindInputs(spec, await new DatasetRepository(wh).list(), bindings);
        } catch (error) {
          if (!(error instanceof JianduError)) throw error;
          missing = (error.details['problems'] as string[] | undefined) ?? [error.message];
        }
        return { model: spec.id, name: spec.name, dir, ready: missing.length === 0, missing, inputs: spec.inputs.map((i) => ({ alias: i.alias, kind: i.kind ?? null, dataset: bindings[i.alias] ?? i.dataset ?? null, fields: i.fields, columns: mappedColumns(bindings, i.alias) })) };
      });
      if (flags.json) {
        printJson(result);
        return;
      }
      process.stdout.write(`已导入模型“${result.name}”（${result.model}）到 ${result.dir}\n`);
      if (result.ready) process.stdout.write('本工作区的数据已齐备，可以运行：jiandu run ' + result.model + '\n');
      else {
        process.stdout.write('本工作区还缺少：\n' + result.missing.map((m) => `  - ${m}\n`).join(''));
        process.stdout.write(`导入所缺数据，或重新导入模型包并用 --map 输入别名=已有数据集、--map 输入别名.字段=列名 指定对应关系。\n`);
      }
    });
  models
    .command('test')
    .description('用模型自带的样例数据检验模型：线索须与预期完全一致')
    .argument('[models...]')
    .option('--json', '以 JSON 输出')
    .action(async (ids: string[], flags: { json?: boolean }) => {
      const ws = openWorkspace({ workspace: global().workspace });
      const entries = selectModels(loadModels(ws.root), ids);
      const results = [];
      for (const e of entries) results.push(await testModel(e));
      if (flags.json) printJson(results);
      else
        for (const r of results) {
          const label = r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'SKIP';
          process.stdout.write(`${label} ${r.model}${r.status === 'no_fixtures' ? '（没有样例数据）' : `：预期 ${r.expected} 条，发现 ${r.found} 条`}\n`);
          for (const m of r.missing) process.stdout.write(`     缺少：${m}\n`);
          for (const u of r.unexpected) process.stdout.write(`     多出：${u}\n`);
        }
      if (results.some((r) => r.status === 'fail')) process.exitCode = EXIT_USER_ERROR;
    });
}
