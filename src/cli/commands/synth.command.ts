import type { Command } from 'commander';
import { JianduError } from '../../shared/errors.js';
import { synthesizeCounty } from '../../synth/synth.service.js';
import { printJson } from '../cli-context.js';

export function parseNumberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new JianduError('invalid_argument', `${name} 应为数字：${raw}`);
  return n;
}

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('生成一个合成县：各机关的导出文件（GBK CSV 与 XLSX）、埋设的违法线索和近似干扰，以及真值文件')
    .requiredOption('--out <dir>', '输出目录（须为空或不存在）')
    .option('--scale <n>', '规模：1 约 10 万行，300 约 3000 万行', '1')
    .option('--seed <s>', '随机种子：同一种子生成完全相同的文件', '1')
    .option('--as-of <date>', '真值所依据的运行日期 YYYY-MM-DD（默认 2024-06-30）')
    .option('--model <id...>', '只生成这些模型的场景')
    .option('--json', '以 JSON 输出清单')
    .action(async (flags: { out: string; scale: string; seed: string; asOf?: string; model?: string[]; json?: boolean }) => {
      const scale = parseNumberOption('--scale', flags.scale, 1);
      const seed = parseNumberOption('--seed', flags.seed, 1);
      const started = performance.now();
      const manifest = await synthesizeCounty({
        outDir: flags.out,
        scale,
        seed,
        asOf: flags.asOf,
        models: flags.model,
        onScenario: (model, i, total) => {
          if (!flags.json && process.stderr.isTTY) process.stderr.write(`[${i + 1}/${total}] ${model}\n`);
        },
      });
      if (flags.json) {
        printJson(manifest);
        return;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const out = [`合成县已写入 ${flags.out}：${manifest.files.length} 个文件，${manifest.rows} 行，用时 ${seconds} s（运行日期 ${manifest.asOf}）`];
      for (const s of manifest.scenarios) out.push(`  ${s.model}：${s.rows} 行，埋设线索 ${s.leads}，近似干扰 ${s.nearMisses}`);
      out.push(`真值：${manifest.groundTruth}；清单：manifest.json`);
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
