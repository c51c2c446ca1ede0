import type { Command } from 'commander';
import { parseEncoding } from '../../ingest/encoding-detector.js';
import { parseMapOverride } from '../../ingest/column-plan.js';
import { ImportService } from '../../ingest/import.service.js';
import type { ImportReport } from '../../ingest/import-report.js';
import { SKIP_REASON_LABELS } from '../../ingest/staged-source.js';
import { JianduError } from '../../shared/errors.js';
import { printJson, withWarehouse, type GlobalOptions } from '../cli-context.js';
import { ProgressReporter } from '../progress-reporter.js';

interface ImportFlags {
  dataset: string;
  kind?: string;
  sheet?: string;
  encoding?: string;
  map: string[];
  agency?: string;
  force?: boolean;
  json?: boolean;
}

export function registerImportCommand(program: Command, global: () => GlobalOptions): void {
  program
    .command('import')
    .description('导入一个机关导出的文件（CSV/TSV、XLSX、JSON/NDJSON）为数据集的一个批次')
    .argument('<file>', '要导入的文件')
    .requiredOption('-d, --dataset <name>', '目标数据集名称（不存在则创建）')
    .option('-k, --kind <kind>', '数据集类型（jiandu kinds 查看）；不指定则按表头和数据推断各列类型')
    .option('--sheet <name|index>', 'XLSX 的工作表名称或序号（从 1 开始）')
    .option('--encoding <enc>', '文本编码：utf-8、gbk、gb18030、big5、utf-16le（默认自动识别）')
    .option('--map <表头=字段[:类型]>', '指定某列对应的字段，可重复', (v: string, acc: string[]) => [...acc, v], [])
    .option('--agency <text>', '提供数据的单位，记入批次来源')
    .option('--force', '同一文件已导入过时仍然导入')
    .option('--json', '以 JSON 输出导入报告')
    .action(async (file: string, flags: ImportFlags) => {
      const encoding = flags.encoding === undefined ? undefined : parseEncoding(flags.encoding);
      if (flags.encoding !== undefined && !encoding) throw new JianduError('invalid_argument', `不支持的编码：${flags.encoding}`);
      const sheet = flags.sheet === undefined ? undefined : /^\d+$/.test(flags.sheet) ? Number(flags.sheet) : flags.sheet;
      const progress = new ProgressReporter();
      const report = await withWarehouse(global(), async (wh, ws) => {
        try {
          return await new ImportService(wh, ws).import({
            file,
            dataset: flags.dataset,
            kind: flags.kind,
            sheet,
            encoding,
            map: flags.map.map(parseMapOverride),
            agency: flags.agency,
            force: flags.force,
            onProgress: (f, phase) => progress.update(f, phase),
          });
        } finally {
          progress.stop();
        }
      });
      if (flags.json) printJson(report);
      else printImportReport(report);
    });
}

function printImportReport(r: ImportReport): void {
  const lines = [
    `已导入 ${r.file} → 数据集“${r.dataset}”，批次 ${r.batchId}（${r.format}${r.encoding ? `，${r.encoding}` : ''}${r.sheet ? `，工作表“${r.sheet}”` : ''}）`,
    `  读取 ${r.rowsRead} 行：导入 ${r.rowsImported}，隔离 ${r.rowsQuarantined}，非数据行 ${r.skippedRows.length}`,
  ];
  if (r.quarantineFile) lines.push(`  隔离文件：${r.quarantineFile}`);
  for (const s of r.skippedRows) lines.push(`  跳过 ${s.line != null ? `第 ${s.line} 行` : ''}（${SKIP_REASON_LABELS[s.reason]}）：${s.text.slice(0, 40)}`);
  lines.push('  列映射：');
  for (const c of r.columns) {
    const bad = r.invalid[c.field] ?? 0;
    lines.push(`    ${c.header} → ${c.field}（${c.type}）${bad ? `，${bad} 个值未通过校验` : ''}`);
  }
  for (const w of r.warnings) lines.push(`  注意：${w}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
