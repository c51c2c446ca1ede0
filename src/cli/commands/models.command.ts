import type { Command } from 'commander';
import { todayInDisplayZone } from '../../shared/display-time.js';
import { DatasetRepository } from '../../warehouse/dataset.repository.js';
import { bindInputs } from '../../rules/input-binder.js';
import { compileModel, type Dialect } from '../../rules/model-compiler.js';
import { prepareModel, queryFor } from '../../rules/model-executor.js';
import { isSqlRule } from '../../rules/spec/model-spec.js';
import { AS_OF_PARAMETER } from '../../rules/sql-model-executor.js';
import { describeModel, loadModels, selectModels } from '../../rules/model-registry.js';
import { resolveParameters } from '../../rules/parameter-values.js';
import { JianduError } from '../../shared/errors.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { printJson, withWarehouse, type GlobalOptions } from '../cli-context.js';
import { registerModelPackageCommands } from './model-package.command.js';

export function registerModelsCommand(program: Command, global: () => GlobalOptions): void {
  const models = program.command('models').description('法律监督模型：列出、查看 SQL、导出导入模型包、用样例检验');
  models
    .command('list')
    .description('列出可用的模型（内置模型库和本工作区的模型）')
    .option('--json', '以 JSON 输出')
    .action((flags: { json?: boolean }) => {
      const ws = openWorkspace({ workspace: global().workspace });
      const entries = loadModels(ws.root);
      if (flags.json) {
        printJson(entries.map(describeModel));
        return;
      }
      for (const { spec, origin } of entries) {
        process.stdout.write(`${spec.id}\t${spec.name}\t${spec.lineOfWork}\tv${spec.version}\t${origin === 'builtin' ? '内置' : '工作区'}\n`);
      }
    });
  registerModelPackageCommands(models, global);
  models
    .command('sql')
    .description('显示模型编译成的 SQL 及其绑定参数（参数值从不拼接进 SQL）')
    .argument('<model>')
    .option('--dialect <dialect>', 'duckdb 或 postgres', 'duckdb')
    .option('--as-of <date>', '运行日期 YYYY-MM-DD（默认今天）')
    .action(async (id: string, flags: { dialect: string; asOf?: string }) => {
      if (flags.dialect !== 'duckdb' && flags.dialect !== 'postgres') throw new JianduError('invalid_argument', `--dialect 只能是 duckdb 或 postgres：${flags.dialect}`);
      const dialect: Dialect = flags.dialect;
      await withWarehouse(global(), async (wh, ws) => {
        const [entry] = selectModels(loadModels(ws.root), [id]);
        if (!entry) return;
        const datasets = await new DatasetRepository(wh).list();
        const binding = bindInputs(entry.spec, datasets, entry.bindings);
        if (isSqlRule(entry.spec.rule)) {
          // Expert SQL is run as written (DuckDB), its named parameters bound by the runner.
          process.stdout.write(`-- ${entry.spec.name}（专家 SQL，按原文在 DuckDB 中只读运行；$${AS_OF_PARAMETER} 为运行日期）\n${entry.spec.rule.sql.trim()};\n`);
          return;
        }
        const asOf = flags.asOf ?? todayInDisplayZone();
        // DuckDB: the form the runner would run with the facts known about the data (see queryFor);
        // printing measures nothing (a measurement would change what the next run chooses).
        const q =
          dialect === 'duckdb'
            ? await queryFor(wh, prepareModel(entry.spec, datasets, { asOf, bindings: entry.bindings }), { measureFacts: false })
            : compileModel(entry.spec, { dialect, ...binding, parameters: resolveParameters(entry.spec, {}), asOf });
        process.stdout.write(`-- ${entry.spec.name}（${dialect}）\n${q.sql};\n`);
        q.parameters.forEach((p, i) => process.stdout.write(`-- $${i + 1} = ${JSON.stringify(p)}\n`));
      });
    });
}
