import type { Command } from 'commander';
import { listKinds } from '../../catalog/index.js';
import { printJson } from '../cli-context.js';

export function registerKindsCommand(program: Command): void {
  program
    .command('kinds')
    .description('列出数据资源目录中的标准数据集类型及其字段')
    .option('--json', '以 JSON 输出')
    .action((flags: { json?: boolean }) => {
      const kinds = listKinds();
      if (flags.json) {
        printJson(kinds);
        return;
      }
      const out: string[] = [];
      for (const k of kinds) {
        out.push(`${k.id}  ${k.name}（${k.agency}）`);
        for (const f of k.fields) out.push(`    ${f.required ? '*' : ' '} ${f.name.padEnd(24)} ${f.type.padEnd(12)} ${f.label}：${f.aliases.join('/')}`);
      }
      out.push('', '* 为必需字段');
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
