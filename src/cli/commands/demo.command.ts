import type { Command } from 'commander';
import { runDemo, type DemoResult } from '../../demo/demo.service.js';
import { startApiServer } from '../../server/api-server.js';
import { openWorkflowDb } from '../../store/index.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { openWarehouse, printJson, type GlobalOptions } from '../cli-context.js';
import { parseNumberOption } from './synth.command.js';

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

function table(result: DemoResult): string {
  const lines = ['', '模型\t线索\t新增\t真值\t查准率\t查全率\t用时(ms)'];
  const scores = new Map(result.scores.map((s) => [s.model, s]));
  for (const m of result.run.models) {
    const s = scores.get(m.model);
    lines.push(`${m.model}\t${m.error ? '失败' : m.leads}\t${m.new}\t${s?.expected ?? '-'}\t${s ? pct(s.precision) : '-'}\t${s ? pct(s.recall) : '-'}\t${m.durationMs}`);
  }
  for (const s of result.skipped) lines.push(`${s.model}\t未运行（缺数据）`);
  return lines.join('\n');
}

export function registerDemoCommand(program: Command, global: () => GlobalOptions): void {
  program
    .command('demo')
    .description('演示：生成合成县 → 正常导入 → 运行全部模型 → 线索表；随后提供 JSON 接口（npm start 运行此命令）')
    .option('--scale <n>', '合成县规模', '1')
    .option('--seed <s>', '随机种子', '1')
    .option('--as-of <date>', '新合成县的运行日期（默认今天）')
    .option('--no-serve', '只生成、导入、运行，不启动接口服务')
    .option('--port <port>', '接口端口', '8080')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--json', '以 JSON 输出结果')
    .action(async (flags: { scale: string; seed: string; asOf?: string; serve: boolean; port: string; host: string; json?: boolean }) => {
      const ws = openWorkspace({ workspace: global().workspace });
      const wh = await openWarehouse(ws);
      const store = await openWorkflowDb({ workflowDir: ws.workflowDir, databaseUrl: process.env['DATABASE_URL'] });
      try {
        const result = await runDemo(wh, store, ws, {
          scale: parseNumberOption('--scale', flags.scale, 1),
          seed: parseNumberOption('--seed', flags.seed, 1),
          asOf: flags.asOf,
          onStep: (m) => {
            if (!flags.json) process.stderr.write(`${m}\n`);
          },
        });
        if (flags.json) printJson({ countyDir: result.countyDir, runId: result.run.runId, asOf: result.run.asOf, models: result.run.models, skipped: result.skipped, scores: result.scores });
        else process.stdout.write(`${table(result)}\n`);
        if (!flags.serve) return;
        const server = await startApiServer({ wh, store, ws, port: parseNumberOption('--port', flags.port, 8080), host: flags.host });
        process.stderr.write(`\nJSON 接口：${server.url}/api （数据集 /api/datasets、模型 /api/models、运行 /api/runs、线索 /api/leads）；Ctrl+C 退出\n`);
        await new Promise<void>((resolve) => {
          const stop = (): void => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
      } finally {
        await store.close();
        wh.close();
      }
    });
}
