import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// End to end through the built command: import, run, re-run, clear, inspect; model packages.
let dir: string;
let ws: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-runs-'));
  ws = path.join(dir, 'ws');
  writeFileSync(path.join(dir, 'reg.csv'), '案件编号,案件名称,立案日期,办案单位,嫌疑人身份证号\nA1,张某盗窃案,2019-01-01,城关派出所,11010519491231002X\nA2,李某诈骗案,2019-02-01,城关派出所,\nA3,王某伤害案,2024-01-01,城关派出所,\n');
  writeFileSync(path.join(dir, 'closure.csv'), '案件编号,撤案日期\nA2,2020-01-01\n');
  for (const [file, dataset, kind] of [['reg.csv', 'regs', 'police_case_registration'], ['closure.csv', 'closures', 'police_case_closure']] as const) {
    const r = runCli(['import', path.join(dir, file), '--dataset', dataset, '--kind', kind], ws);
    expect(r.status, r.stderr).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface RunJson {
  runId: number;
  asOf: string;
  models: { model: string; leads: number; new: number; seenAgain: number; cleared: number; durationMs: number }[];
}

function run(args: string[]): RunJson {
  const r = runCli(['run', 'hanging_criminal_cases', '--json', ...args], ws);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RunJson;
}

describe('running models and following leads across runs', () => {
  it('lists models with the documented keys', () => {
    const r = runCli(['models', 'list', '--json'], ws);
    const models = JSON.parse(r.stdout) as Record<string, unknown>[];
    const m = models.find((x) => x['id'] === 'hanging_criminal_cases');
    for (const key of ['id', 'name', 'lineOfWork', 'version', 'parameters', 'legalBasis', 'inputs']) expect(m).toHaveProperty(key);
  });

  it('finds a lead, finds it again without duplicating it, and notices when it clears', () => {
    const first = run(['--as-of', '2024-06-30']);
    expect(first.models[0]).toMatchObject({ model: 'hanging_criminal_cases', leads: 1, new: 1, seenAgain: 0, cleared: 0 });
    const again = run(['--as-of', '2024-06-30']);
    expect(again.models[0]).toMatchObject({ leads: 1, new: 0, seenAgain: 1, cleared: 0 });
    // With a longer threshold the case no longer qualifies: the lead is cleared, not deleted.
    const longer = run(['--as-of', '2024-06-30', '--param', 'hanging_criminal_cases.days=3650']);
    expect(longer.models[0]).toMatchObject({ leads: 0, cleared: 1 });
    const leads = JSON.parse(runCli(['leads', 'list', '--json'], ws).stdout) as { id: number; status: string; clearedAt: string | null }[];
    expect(leads).toHaveLength(1);
    expect(leads[0]?.status).toBe('cleared');
    expect(leads[0]?.clearedAt).not.toBeNull();
    // In text: the list gives the day it was found; the lead when it was found and cleared, by
    // which runs, and its history, in Beijing time.
    expect(runCli(['leads', 'list'], ws).stdout).toMatch(new RegExp(`^#${leads[0]?.id}\\t已消除\\t\\d{4}-\\d\\d-\\d\\d\\thanging_criminal_cases\\t`, 'm'));
    const text = runCli(['leads', 'show', String(leads[0]?.id)], ws).stdout;
    const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d';
    expect(text).toMatch(new RegExp(`发现：${time}（运行 #${first.runId}）.*消除：${time}（运行 #${longer.runId}）`));
    expect(text).toMatch(new RegExp(`经过：\\n  ${time} 发现（运行 #${first.runId}）\\n  ${time} 再次命中（运行 #${again.runId}）\\n  ${time} 消除（运行 #${longer.runId}）`));
  });

  it('shows a lead with its evidence rows and the conditions that matched, masking ID numbers', () => {
    run(['--as-of', '2024-06-30']);
    const list = JSON.parse(runCli(['leads', 'list', '--status', 'open', '--json'], ws).stdout) as { id: number }[];
    const id = String(list[0]?.id);
    const show = JSON.parse(runCli(['leads', 'show', id, '--json'], ws).stdout) as {
      reason: string;
      evidenceRows: { dataset: string; fields: { name: string; value: string | null }[] }[];
      explanation: { matched: boolean }[];
    };
    expect(show.reason).toContain('A1');
    expect(show.evidenceRows).toHaveLength(1);
    expect(show.evidenceRows[0]?.dataset).toBe('regs');
    expect(show.evidenceRows[0]?.fields.find((f) => f.name === 'suspect_id_number')?.value).toBe('110105********002X');
    expect(show.explanation.every((x) => x.matched)).toBe(true);
    const unmasked = runCli(['leads', 'show', id, '--unmask'], ws).stdout;
    expect(unmasked).toContain('11010519491231002X');
  });

  it('prints the SQL of a model with its values bound, for both dialects', () => {
    for (const dialect of ['duckdb', 'postgres']) {
      const r = runCli(['models', 'sql', 'hanging_criminal_cases', '--dialect', dialect, '--as-of', '2024-06-30'], ws);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(dialect === 'duckdb' ? /ANTI JOIN/ : /NOT EXISTS/);
      expect(r.stdout).not.toMatch(/'2024-06-30'/);
      expect(r.stdout).toMatch(/-- \$\d+ = "2024-06-30"/);
    }
  });

  it('tests a model on its fixtures, and exports and imports it as a package', () => {
    expect(runCli(['models', 'test', 'hanging_criminal_cases'], ws).stdout).toContain('PASS hanging_criminal_cases');
    const pkg = path.join(dir, 'pkg.json');
    expect(runCli(['models', 'export', 'hanging_criminal_cases', '--out', pkg], ws).status).toBe(0);
    expect(JSON.parse(readFileSync(pkg, 'utf8'))).toMatchObject({ format: 'jiandu-model-package', model: { id: 'hanging_criminal_cases' } });
    const other = path.join(dir, 'other');
    const imported = JSON.parse(runCli(['models', 'import', pkg, '--json'], other).stdout) as { ready: boolean; missing: string[] };
    expect(imported.ready).toBe(false);
    expect(imported.missing.join('\n')).toContain('police_case_registration');
    const bad = runCli(['models', 'import', pkg, '--map', 'nosuch=regs'], other);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('nosuch');
  });

  it('binds a model field to a column of another name with --map alias.field=column', () => {
    const pkg = path.join(dir, 'pkg-fields.json');
    expect(runCli(['models', 'export', 'hanging_criminal_cases', '--out', pkg], ws).status).toBe(0);
    // Another office keeps its closures in a ledger of its own: no kind, the case number under 档案号.
    const office = path.join(dir, 'office');
    expect(runCli(['import', path.join(dir, 'reg.csv'), '--dataset', 'regs', '--kind', 'police_case_registration'], office).status).toBe(0);
    writeFileSync(path.join(dir, 'ledger.csv'), '档案号,撤案日期\nA2,2020-01-01\n');
    expect(runCli(['import', path.join(dir, 'ledger.csv'), '--dataset', '撤案台账'], office).status).toBe(0);

    const unmapped = JSON.parse(runCli(['models', 'import', pkg, '--map', 'closure=撤案台账', '--json'], office).stdout) as { ready: boolean; missing: string[] };
    expect(unmapped.ready).toBe(false);
    expect(unmapped.missing.join('\n')).toMatch(/缺少.*case_no.*--map closure\.case_no=列名.*档案号/);

    const typo = runCli(['models', 'import', pkg, '--map', 'closure=撤案台账', '--map', 'closure.case_number=档案号'], office);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('case_number');

    const mapped = runCli(['models', 'import', pkg, '--map', 'closure=撤案台账', '--map', 'closure.case_no=档案号', '--json'], office);
    expect(mapped.status, mapped.stderr).toBe(0);
    const installed = JSON.parse(mapped.stdout) as { ready: boolean; inputs: { alias: string; dataset: string | null; columns: Record<string, string> }[] };
    expect(installed.ready).toBe(true);
    expect(installed.inputs.find((i) => i.alias === 'closure')).toMatchObject({ dataset: '撤案台账', columns: { case_no: '档案号' } });

    expect(runCli(['models', 'sql', 'hanging_criminal_cases'], office).stdout).toContain('"档案号" AS "case_no"');
    const here = runCli(['run', 'hanging_criminal_cases', '--as-of', '2024-06-30', '--json'], office);
    const there = runCli(['run', 'hanging_criminal_cases', '--as-of', '2024-06-30', '--json'], ws);
    expect(here.status, here.stderr).toBe(0);
    const leadsHere = (JSON.parse(here.stdout) as RunJson).models[0]?.leads;
    const listed = JSON.parse(runCli(['leads', 'list', '--json'], office).stdout) as { subject: Record<string, unknown> }[];
    // A2 was closed (found through the mapped column); A1 is the case left hanging.
    expect(listed.map((l) => JSON.stringify(l.subject))).toEqual([expect.stringContaining('A1')]);
    expect(leadsHere).toBe((JSON.parse(there.stdout) as RunJson).models[0]?.leads);
  });
});
