import type { Command } from 'commander';
import { displayTime } from '../../shared/display-time.js';
import { JianduError } from '../../shared/errors.js';
import { LeadRepository, type LeadEvent, type LeadStatus } from '../../store/index.js';
import { leadListItems, loadLeadDetail } from '../../leads/lead-detail.js';
import { printJson, withStores, type GlobalOptions } from '../cli-context.js';

const STATUSES: readonly LeadStatus[] = ['open', 'cleared'];
const STATUS_LABELS: Readonly<Record<string, string>> = { open: '待处理', cleared: '已消除' };

export function registerLeadsCommand(program: Command, global: () => GlobalOptions): void {
  const leads = program.command('leads').description('查看模型发现的线索');
  leads
    .command('list')
    .description('列出线索')
    .option('-m, --model <model>', '只看一个模型的线索')
    .option('-s, --status <status>', `按状态筛选：${STATUSES.join('、')}`)
    .option('--limit <n>', '最多列出多少条', '100')
    .option('--unmask', '显示完整的身份证号和电话（默认脱敏，标题和理由中的也脱敏）')
    .option('--json', '以 JSON 输出')
    .action(async (flags: { model?: string; status?: string; limit: string; unmask?: boolean; json?: boolean }) => {
      if (flags.status !== undefined && !STATUSES.includes(flags.status as LeadStatus)) {
        throw new JianduError('invalid_argument', `--status 只能是 ${STATUSES.join('、')}：${flags.status}`);
      }
      const items = await withStores(global(), async (wh, store) => {
        const rows = await new LeadRepository(store.db).listLeads({ modelId: flags.model, status: flags.status as LeadStatus | undefined, limit: Number(flags.limit) });
        return leadListItems(wh, rows, flags.unmask === true);
      });
      if (flags.json) {
        printJson(items);
        return;
      }
      if (items.length === 0) process.stdout.write('没有线索。\n');
      // Found on (Beijing date), for triage: what is new since the last look.
      for (const l of items) {
        const found = displayTime(l['firstSeenAt'] as Date).slice(0, 10);
        process.stdout.write(`#${String(l['id'])}\t${STATUS_LABELS[String(l['status'])] ?? String(l['status'])}\t${found}\t${String(l['modelId'])}\t${String(l['severity'])}\t${String(l['title'])}\n`);
      }
    });
  leads
    .command('show')
    .description('查看一条线索：理由、证据行（取自数据仓库）、命中的条件及其取值')
    .argument('<id>')
    .option('--unmask', '显示完整的身份证号、电话和姓名（默认脱敏）')
    .option('--json', '以 JSON 输出')
    .action(async (id: string, flags: { unmask?: boolean; json?: boolean }) => {
      if (!/^\d+$/.test(id)) throw new JianduError('invalid_argument', `线索编号应为数字：${id}`);
      const detail = await withStores(global(), async (wh, store) => {
        const found = await loadLeadDetail(wh, store, Number(id), flags.unmask === true);
        if (!found) throw new JianduError('not_found', `线索 ${id} 不存在`);
        return found;
      });
      if (flags.json) {
        printJson(detail);
        return;
      }
      const out = [
        `线索 #${detail.id}（${STATUS_LABELS[detail.status] ?? detail.status}）${detail.title}`,
        `模型：${detail.modelId} v${detail.modelVersion}   严重程度：${detail.severity}${detail.amount !== null ? `   金额：${detail.amount} 元` : ''}`,
        `理由：${detail.reason}`,
        `发现：${displayTime(detail.firstSeenAt)}（运行 #${detail.firstSeenRun}）   最近命中：${displayTime(detail.lastSeenAt)}（运行 #${detail.lastSeenRun}）` +
          (detail.clearedAt ? `   消除：${displayTime(detail.clearedAt)}（运行 #${detail.clearedRun ?? ''}）` : ''),
        ...historyLines(detail.events),
        '命中条件：',
        ...(Array.isArray(detail.explanation) ? (detail.explanation as { condition: string; matched: boolean; values: Record<string, unknown> }[]) : []).map(
          (x) => `  ${x.matched ? '✓' : '✗'} ${x.condition}${Object.keys(x.values).length ? `（${Object.entries(x.values).map(([k, v]) => `${k}=${String(v)}`).join('，')}）` : ''}`,
        ),
        '证据：',
      ];
      for (const r of detail.evidenceRows) {
        out.push(`  [${r.alias ?? ''}] 数据集 ${r.dataset} 批次 ${r.batchId} 行 ${r.rowId}${r.line != null ? `（源文件第 ${r.line} 行）` : ''}${r.found ? '' : '（该行已不在仓库中）'}`);
        for (const f of r.fields) if (f.value !== null) out.push(`      ${f.label}：${f.value}`);
      }
      if (detail.masked) out.push('（身份证号、电话、姓名已脱敏；--unmask 显示完整信息）');
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

const EVENT_LABELS: Readonly<Record<string, string>> = { created: '发现', seen_again: '再次命中', cleared: '消除', reopened: '重新出现' };

/** Entries of a lead's history shown in text; older ones are counted, not listed (`--json` has all). */
const HISTORY_SHOWN = 12;

/** A lead's history, newest last, one line per entry, in the display time zone. */
function historyLines(events: readonly LeadEvent[]): string[] {
  if (events.length === 0) return [];
  const shown = events.slice(-HISTORY_SHOWN);
  const lines = ['经过：'];
  if (events.length > shown.length) lines.push(`  （更早的 ${events.length - shown.length} 条从略，--json 可见全部）`);
  for (const e of shown) lines.push(`  ${displayTime(e.at)} ${EVENT_LABELS[e.event] ?? e.event}${e.runId !== null ? `（运行 #${e.runId}）` : ''}`);
  return lines;
}
