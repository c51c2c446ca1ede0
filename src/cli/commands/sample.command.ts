import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ImportService } from '../../ingest/import.service.js';
import { JianduError } from '../../shared/errors.js';
import { DatasetRepository } from '../../warehouse/dataset.repository.js';
import { withWarehouse, type GlobalOptions } from '../cli-context.js';

/** The sample exports shipped in `examples/agency-exports/`: file → dataset and kind. */
const SAMPLES: readonly { file: string; dataset: string; kind?: string; sheet?: string; agency: string }[] = [
  { file: '六枝特区烟草专卖局-零售许可台账.csv', dataset: 'tobacco_retailers', kind: 'tobacco_retailer', agency: '六枝特区烟草专卖局' },
  { file: '六枝特区住建局-施工许可台账.xlsx', dataset: 'construction_permits', kind: 'construction_permit', sheet: '施工许可', agency: '六枝特区住房和城乡建设局' },
];

function examplesDir(): string {
  // dist/cli/commands → package root
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/agency-exports');
}

export function registerSampleCommand(program: Command, global: () => GlobalOptions): void {
  program
    .command('sample')
    .description('导入随附的示例机关数据（npm start 运行此命令）')
    .action(async () => {
      const dir = examplesDir();
      if (!existsSync(dir)) throw new JianduError('not_found', `找不到示例数据目录：${dir}`);
      const present = new Set(readdirSync(dir));
      await withWarehouse(global(), async (wh, ws) => {
        const svc = new ImportService(wh, ws);
        const out: string[] = [`工作区：${ws.root}`];
        for (const s of SAMPLES.filter((x) => present.has(x.file))) {
          try {
            const r = await svc.import({ file: path.join(dir, s.file), dataset: s.dataset, kind: s.kind, sheet: s.sheet, agency: s.agency });
            out.push(`导入 ${s.file} → ${r.dataset}：读取 ${r.rowsRead} 行，导入 ${r.rowsImported}，隔离 ${r.rowsQuarantined}，非数据行 ${r.skippedRows.length}`);
            if (r.quarantineFile) out.push(`  隔离文件：${r.quarantineFile}`);
          } catch (error) {
            if (!(error instanceof JianduError && error.code === 'duplicate_import')) throw error;
            out.push(`已导入过 ${s.file}，跳过`);
          }
        }
        const repo = new DatasetRepository(wh);
        out.push('', '数据集：');
        for (const d of await repo.list()) out.push(`  ${d.name}（${d.kind ?? '自定义'}）：${await repo.rowCount(d.name)} 行`);
        out.push('', '接下来：jiandu datasets show <名称> 查看字段质量；jiandu import <文件> --dataset <名称> 导入自己的数据。');
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });
}
