import { rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { displayTime } from '../../shared/display-time.js';
import { JianduError } from '../../shared/errors.js';
import { BatchRepository } from '../../warehouse/batch.repository.js';
import { printJson, withWarehouse, type GlobalOptions } from '../cli-context.js';

export function registerBatchesCommand(program: Command, global: () => GlobalOptions): void {
  const batches = program.command('batches').description('查看或撤销导入批次');
  batches
    .command('list')
    .description('列出导入批次及其来源')
    .option('-d, --dataset <name>', '只看一个数据集')
    .option('--json', '以 JSON 输出')
    .action(async (flags: { dataset?: string; json?: boolean }) => {
      const rows = await withWarehouse(global(), (wh) => new BatchRepository(wh).list(flags.dataset));
      if (flags.json) printJson(rows);
      else if (rows.length === 0) process.stdout.write('没有批次。\n');
      else
        for (const b of rows)
          process.stdout.write(`#${b.batchId}\t${b.dataset}\t${displayTime(b.importedAt)}\t${b.fileName}\t导入 ${b.rowsImported}\t隔离 ${b.rowsQuarantined}\t${b.agency ?? ''}\n`);
    });
  batches
    .command('remove')
    .description('撤销一个批次：删除它导入的全部行和它的隔离文件')
    .argument('<batchId>')
    .option('--json', '以 JSON 输出')
    .action(async (id: string, flags: { json?: boolean }) => {
      if (!/^\d+$/.test(id)) throw new JianduError('invalid_argument', `批次号应为数字：${id}`);
      const result = await withWarehouse(global(), (wh) => new BatchRepository(wh).remove(Number(id)));
      if (result.batch.quarantineFile) await rm(result.batch.quarantineFile, { force: true });
      if (flags.json) printJson({ batchId: result.batch.batchId, dataset: result.batch.dataset, rowsRemoved: result.rowsRemoved });
      else process.stdout.write(`已撤销批次 ${result.batch.batchId}（${result.batch.fileName}），从数据集“${result.batch.dataset}”删除 ${result.rowsRemoved} 行\n`);
    });
}
