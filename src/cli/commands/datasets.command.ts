import type { Command } from 'commander';
import { displayTime } from '../../shared/display-time.js';
import { BatchRepository } from '../../warehouse/batch.repository.js';
import { DatasetRepository } from '../../warehouse/dataset.repository.js';
import { printJson, withWarehouse, type GlobalOptions } from '../cli-context.js';

export function registerDatasetsCommand(program: Command, global: () => GlobalOptions): void {
  const datasets = program.command('datasets').description('查看数据仓库中的数据集');
  datasets
    .command('list')
    .description('列出数据集：类型、行数、批次数')
    .option('--json', '以 JSON 输出')
    .action(async (flags: { json?: boolean }) => {
      const rows = await withWarehouse(global(), async (wh) => {
        const repo = new DatasetRepository(wh);
        const batches = new BatchRepository(wh);
        const out = [];
        for (const d of await repo.list()) {
          out.push({ name: d.name, kind: d.kind, rows: await repo.rowCount(d.name), batches: (await batches.list(d.name)).length, fields: d.fields.length, createdAt: d.createdAt });
        }
        return out;
      });
      if (flags.json) printJson(rows);
      else if (rows.length === 0) process.stdout.write('还没有数据集。用 jiandu import FILE --dataset NAME 导入。\n');
      else for (const r of rows) process.stdout.write(`${r.name}\t${r.kind ?? '自定义'}\t${r.rows} 行\t${r.batches} 批\n`);
    });
  datasets
    .command('show')
    .description('查看一个数据集：类型、行数、批次，以及每个字段的填充率和无效值个数')
    .argument('<name>')
    .option('--json', '以 JSON 输出')
    .action(async (name: string, flags: { json?: boolean }) => {
      const info = await withWarehouse(global(), async (wh) => {
        const repo = new DatasetRepository(wh);
        const d = await repo.get(name);
        const rows = await repo.rowCount(name);
        const stats = new Map((await repo.fieldStats(name)).map((s) => [s.field, s]));
        return {
          name: d.name,
          kind: d.kind,
          rows,
          createdAt: d.createdAt,
          batches: await new BatchRepository(wh).list(name),
          fields: d.fields.map((f) => {
            const s = stats.get(f.name);
            return { name: f.name, label: f.label, type: f.type, required: f.required, fillRate: rows ? (s?.filled ?? 0) / rows : 0, invalid: s?.invalid ?? 0 };
          }),
        };
      });
      if (flags.json) {
        printJson(info);
        return;
      }
      const out = [`数据集“${info.name}”（${info.kind ?? '自定义'}）：${info.rows} 行，${info.batches.length} 批`, '  批次：'];
      for (const b of info.batches) out.push(`    #${b.batchId} ${displayTime(b.importedAt)} ${b.fileName} 导入 ${b.rowsImported} 行，隔离 ${b.rowsQuarantined}${b.agency ? `，来自 ${b.agency}` : ''}`);
      out.push('  字段（填充率 / 无效值）：');
      for (const f of info.fields) out.push(`    ${f.name.padEnd(24)} ${f.type.padEnd(12)} ${(f.fillRate * 100).toFixed(1).padStart(5)}%  ${f.invalid}  ${f.label}`);
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
