import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// The expert's escape hatch end to end: an SQL model in the workspace runs like any other model.
const MODEL = `
id: hanging_cases_sql
name: 刑事挂案（专家 SQL）
version: 1
lineOfWork: 刑事
description: 立案满规定天数且无撤案记录的案件，以 SQL 写成。
legalBasis:
  - law: 人民检察院刑事诉讼规则
    article: 第五百六十四条第三款
    text: 公安机关立案后三个月以内未侦查终结的，人民检察院可以向公安机关发出立案监督案件催办函。
parameters:
  - name: days
    type: integer
    default: 730
    label: 立案后未处理天数
inputs:
  - alias: reg
    dataset: regs
    fields: [case_no, case_name, filed_date, handling_unit]
  - alias: closure
    dataset: closures
    fields: [case_no]
rule:
  sql: |
    SELECT r.case_no AS "reg.case_no", r.case_name AS "reg.case_name", r.filed_date AS "reg.filed_date",
           r.handling_unit AS "reg.handling_unit", r._row_id AS "reg._row_id", r._batch_id AS "reg._batch_id",
           date_diff('day', r.filed_date, $as_of::DATE) AS "reg.days_open"
    FROM data.regs r
    WHERE date_diff('day', r.filed_date, $as_of::DATE) >= $days
      AND NOT EXISTS (SELECT 1 FROM data.closures c WHERE c.case_no = r.case_no)
lead:
  subject: [reg.case_no]
  title: "{reg.case_name}立案后长期未处理"
  reason: "{reg.handling_unit}于{reg.filed_date}立案，至{runDate}已{reg.days_open}天（超过{param.days}天）无撤案或结案记录。"
  severity: medium
`;

let dir: string;
let ws: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-sql-model-'));
  ws = path.join(dir, 'ws');
  writeFileSync(path.join(dir, 'reg.csv'), '案件编号,案件名称,立案日期,办案单位\nA1,张某盗窃案,2019-01-01,城关派出所\nA2,李某诈骗案,2019-02-01,城关派出所\nA3,王某伤害案,2024-01-01,城关派出所\n');
  writeFileSync(path.join(dir, 'closure.csv'), '案件编号,撤案日期\nA2,2020-01-01\n');
  for (const [file, dataset, kind] of [['reg.csv', 'regs', 'police_case_registration'], ['closure.csv', 'closures', 'police_case_closure']] as const) {
    const r = runCli(['import', path.join(dir, file), '--dataset', dataset, '--kind', kind], ws);
    expect(r.status, r.stderr).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function installModel(id: string, yaml: string): void {
  mkdirSync(path.join(ws, 'models', id), { recursive: true });
  writeFileSync(path.join(ws, 'models', id, 'model.yaml'), yaml);
}

describe('SQL models in jiandu run', () => {
  it('runs an expert SQL model: leads with subject, filled reason, evidence rows, parameters and the run date bound', () => {
    installModel('hanging_cases_sql', MODEL);
    const r = runCli(['run', 'hanging_cases_sql', '--as-of', '2024-06-30', '--json'], ws);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { models: unknown[] }).models).toEqual([expect.objectContaining({ model: 'hanging_cases_sql', leads: 1, new: 1 })]);
    const leads = JSON.parse(runCli(['leads', 'list', '--model', 'hanging_cases_sql', '--json'], ws).stdout) as { id: number; subject: Record<string, string>; reason: string }[];
    expect(leads).toHaveLength(1);
    expect(leads[0]?.subject).toEqual({ 'reg.case_no': 'A1' });
    expect(leads[0]?.reason).toBe('城关派出所于2019-01-01立案，至2024-06-30已2007天（超过730天）无撤案或结案记录。');
    const shown = JSON.parse(runCli(['leads', 'show', String(leads[0]?.id), '--json'], ws).stdout) as {
      evidenceRows: { dataset: string; fields: { name: string; value: string | null }[] }[];
    };
    expect(shown.evidenceRows).toHaveLength(1);
    expect(shown.evidenceRows[0]?.dataset).toBe('regs');
    expect(shown.evidenceRows[0]?.fields.find((f) => f.name === 'case_no')?.value).toBe('A1');

    expect(runCli(['models', 'sql', 'hanging_cases_sql'], ws).stdout).toContain('FROM data.regs r');

    // A parameter override reaches the query as a bound value: 2,000 days keeps A1, 3,000 clears it.
    const cleared = runCli(['run', 'hanging_cases_sql', '--as-of', '2024-06-30', '--param', 'hanging_cases_sql.days=3000', '--json'], ws);
    expect((JSON.parse(cleared.stdout) as { models: unknown[] }).models).toEqual([expect.objectContaining({ leads: 0, cleared: 1 })]);
  });

  it('passes jiandu models test on its own fixtures', () => {
    const fixtures = path.join(ws, 'models', 'hanging_cases_sql', 'fixtures');
    mkdirSync(fixtures, { recursive: true });
    writeFileSync(path.join(fixtures, 'reg.csv'), '案件编号,案件名称,立案日期,办案单位\nB1,甲案,2022-07-01,城关派出所\nB2,乙案,2022-07-02,城关派出所\n');
    writeFileSync(path.join(fixtures, 'closure.csv'), '案件编号,撤案日期\nB0,2020-01-01\n');
    // 2022-07-01 → 2024-06-30 is exactly 730 days: B1 is in, B2 (729 days) is not.
    writeFileSync(path.join(ws, 'models', 'hanging_cases_sql', 'expected.yaml'), "asOf: '2024-06-30'\nleads:\n  - subject: { reg.case_no: B1 }\n");
    const r = runCli(['models', 'test', 'hanging_cases_sql'], ws);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('PASS hanging_cases_sql');
    writeFileSync(path.join(ws, 'models', 'hanging_cases_sql', 'expected.yaml'), "asOf: '2024-06-30'\nleads:\n  - subject: { reg.case_no: B2 }\n");
    expect(runCli(['models', 'test', 'hanging_cases_sql'], ws).stdout).toContain('FAIL hanging_cases_sql');
  });

  it('refuses an SQL model that writes, with the reason, and leaves other models running', () => {
    installModel('bad_sql', MODEL.replace('id: hanging_cases_sql', 'id: bad_sql').replace(/rule:\n {2}sql: \|[\s\S]*?\nlead:/, 'rule:\n  sql: "DELETE FROM data.regs"\nlead:'));
    const r = runCli(['run', 'bad_sql', 'hanging_cases_sql', '--as-of', '2024-06-30', '--json'], ws);
    const out = JSON.parse(r.stdout) as { models: { model: string; error?: string; leads: number }[] };
    expect(out.models.find((m) => m.model === 'bad_sql')?.error).toMatch(/被拒绝.*DELETE/);
    expect(out.models.find((m) => m.model === 'hanging_cases_sql')).toMatchObject({ leads: 1 });
    expect(JSON.parse(runCli(['datasets', 'show', 'regs', '--json'], ws).stdout)).toMatchObject({ rows: 3 });
    rmSync(path.join(ws, 'models', 'bad_sql'), { recursive: true });
  });

  it('names a result column the lead needs but the query does not return', () => {
    installModel('short_sql', MODEL.replace('id: hanging_cases_sql', 'id: short_sql').replace(', r.handling_unit AS "reg.handling_unit"', '').replace('r.handling_unit AS "reg.handling_unit", ', ''));
    const r = runCli(['run', 'short_sql', '--as-of', '2024-06-30', '--json'], ws);
    const out = JSON.parse(r.stdout) as { models: { model: string; error?: string }[] };
    expect(out.models[0]?.error).toContain('缺少列 "reg.handling_unit"');
    rmSync(path.join(ws, 'models', 'short_sql'), { recursive: true });
  });
});
