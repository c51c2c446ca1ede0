import type { Command } from 'commander';
import { RunService } from '../../leads/run.service.js';
import { loadModels, selectModels } from '../../rules/model-registry.js';
import { parseParamOptions } from '../../rules/parameter-values.js';
import { printJson, withStores, type GlobalOptions } from '../cli-context.js';
import { EXIT_USER_ERROR } from '../exit-codes.js';

export function registerRunCommand(program: Command, global: () => GlobalOptions): void {
  program
    .command('run')
    .description('运行法律监督模型，把线索存入工作流库（不指定模型则运行全部）')
    .argument('[models...]', '模型 id')
    .option('--as-of <date>', '运行日期 YYYY-MM-DD：期限按此日计算（默认今天）')
    .option('--param <模型.参数=值>', '覆盖模型参数，可重复', (v: string, acc: string[]) => [...acc, v], [])
    .option('--json', '以 JSON 输出')
    .action(async (ids: string[], flags: { asOf?: string; param: string[]; json?: boolean }) => {
      const summary = await withStores(global(), async (wh, store, ws) => {
        const models = selectModels(loadModels(ws.root), ids);
        const parameters = parseParamOptions(flags.param);
        return new RunService(wh, store).run({
          models,
          asOf: flags.asOf,
          parameters,
          onModel: (id, phase) => {
            if (!flags.json && phase === 'start' && process.stderr.isTTY) process.stderr.write(`运行 ${id} …\n`);
          },
        });
      });
      if (flags.json) printJson(summary);
      else {
        process.stdout.write(`运行 #${summary.runId}（运行日期 ${summary.asOf}）\n`);
        for (const m of summary.models) {
          process.stdout.write(
            m.error
              ? `  ${m.model}: 失败：${m.error}\n`
              : `  ${m.model}: 线索 ${m.leads}（新增 ${m.new}，再次发现 ${m.seenAgain}，已消除 ${m.cleared}），用时 ${m.durationMs} ms\n`,
          );
        }
      }
      if (summary.models.some((m) => m.error)) process.exitCode = EXIT_USER_ERROR;
    });
}
