// A model whose subject is a column unique in its data skips the search for subjects seen twice
// (anti join, 9M hits: 2.4 → 1.4 s). The fact is measured on the data as it is: the test is that
// importing a batch that repeats a subject, or removing it again, changes the query the runner
// chooses, and that the leads are those of the general form every time.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService } from '../../src/ingest/import.service.js';
import { RunService } from '../../src/leads/run.service.js';
import type { ModelEntry } from '../../src/rules/model-registry.js';
import { openWorkflowDb } from '../../src/store/workflow-db.js';
import { LeadHitMapper, type LeadHit } from '../../src/rules/lead-hit-mapper.js';
import type { CompiledModel } from '../../src/rules/model-compiler.js';
import { choiceAfter, executeModel, HIT_BATCH, MEASURE_FACTS_MIN_LEADS, prepareModel, queryFor, STREAM_MIN_LEADS, type PreparedModel } from '../../src/rules/model-executor.js';
import { validateModelSpec } from '../../src/rules/spec/model-validator.js';
import { BatchRepository } from '../../src/warehouse/batch.repository.js';
import { ColumnFacts } from '../../src/warehouse/column-facts.js';
import { DatasetRepository } from '../../src/warehouse/dataset.repository.js';
import { tempWorkspace } from '../support/temp-workspace.js';

const AS_OF = '2024-06-30';
let env: Awaited<ReturnType<typeof tempWorkspace>>;
let importer: ImportService;

function csv(name: string, lines: readonly string[]): string {
  const file = path.join(env.dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  env = await tempWorkspace();
  importer = new ImportService(env.wh, env.ws);
  await importer.import({ file: csv('reg.csv', ['案件编号,立案日期,办案单位', 'A1,2020-01-01,一分局', 'A2,2020-02-01,二分局', 'A3,2020-03-01,三分局', 'A4,2020-04-01,四分局']), dataset: 'reg', kind: 'police_case_registration' });
  await importer.import({ file: csv('closure.csv', ['案件编号,处理日期', 'A2,2021-01-01']), dataset: 'closure', kind: 'police_case_closure' });
});
afterAll(() => env.dispose());

const spec = validateModelSpec(
  {
    id: 'open_cases',
    name: '立案未结',
    version: 1,
    lineOfWork: '刑事',
    description: '测试',
    legalBasis: [{ law: '测试', article: '第一条', text: '测试' }],
    parameters: [],
    inputs: [
      { alias: 'reg', kind: 'police_case_registration', fields: ['case_no', 'filed_date', 'handling_unit'] },
      { alias: 'closure', kind: 'police_case_closure', fields: ['case_no'] },
    ],
    rule: { from: 'reg', where: { notExists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }] } } },
    lead: { subject: ['reg.case_no'], title: '{reg.handling_unit}', reason: '{reg.filed_date}立案', severity: 'low' },
  },
  'unique-subject.test',
);

async function prepared(): Promise<PreparedModel> {
  return prepareModel(spec, await new DatasetRepository(env.wh).list(), { asOf: AS_OF });
}

/** The leads of one form of the query, by the row-object path, sorted by subject. */
async function leadsOf(model: PreparedModel, compiled: CompiledModel): Promise<LeadHit[]> {
  const mapper = new LeadHitMapper(model.spec, compiled.plan, compiled.columns, model.parameters, AS_OF);
  const rows = await env.wh.all<Record<string, unknown>>(compiled.sql, compiled.parameters);
  return rows.map((r) => mapper.map(r)).sort((a, b) => String(a.subject['reg.case_no']).localeCompare(String(b.subject['reg.case_no'])));
}

/** What the runner yields. */
async function runnerLeads(model: PreparedModel): Promise<LeadHit[]> {
  const out: LeadHit[] = [];
  for await (const batch of executeModel(env.wh, model, AS_OF, { queryMs: 0 })) out.push(...batch);
  return out.sort((a, b) => String(a.subject['reg.case_no']).localeCompare(String(b.subject['reg.case_no'])));
}

describe('a subject unique in its data', () => {
  it('is run without the search for repeated subjects, and gives the general form’s leads', async () => {
    const model = await prepared();
    expect(model.uniqueSubject?.columns).toEqual([[{ dataset: 'reg', column: 'case_no' }]]);
    expect(model.compiled.sql).toContain('"_dup"');
    expect(model.uniqueSubject?.compiled.sql).not.toContain('"_dup"');
    expect(await queryFor(env.wh, model)).toBe(model.uniqueSubject?.compiled);

    const general = await leadsOf(model, model.compiled);
    expect(general.map((l) => l.subject['reg.case_no'])).toEqual(['A1', 'A3', 'A4']);
    expect(await leadsOf(model, model.uniqueSubject?.compiled ?? model.compiled)).toEqual(general);
    expect(await runnerLeads(model)).toEqual(general);
  });

  it('is measured again when a batch repeats a subject, and after that batch is removed', async () => {
    const report = await importer.import({ file: csv('reg-more.csv', ['案件编号,立案日期,办案单位', 'A3,2020-03-05,三分局', 'A5,2020-05-01,五分局']), dataset: 'reg', kind: 'police_case_registration' });
    let model = await prepared();
    expect(await queryFor(env.wh, model)).toBe(model.compiled);
    const leads = await runnerLeads(model);
    expect(leads.map((l) => l.subject['reg.case_no'])).toEqual(['A1', 'A3', 'A4', 'A5']);
    // A3, registered twice: one lead, both rows its evidence.
    expect(leads[1]?.evidence.map((e) => e.batchId).sort()).toEqual([1, report.batchId].sort());
    expect(leads).toEqual(await leadsOf(model, model.compiled));

    await new BatchRepository(env.wh).remove(report.batchId);
    model = await prepared();
    expect(await queryFor(env.wh, model)).toBe(model.uniqueSubject?.compiled);
    expect((await runnerLeads(model)).map((l) => l.subject['reg.case_no'])).toEqual(['A1', 'A3', 'A4']);
  });

  it('through an inner join only while the partner key is unique too', async () => {
    const joined = validateModelSpec({ ...spec, rule: { from: 'reg', joins: [{ alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }] }] } }, 'unique-subject.test');
    let model = prepareModel(joined, await new DatasetRepository(env.wh).list(), { asOf: AS_OF });
    expect(model.uniqueSubject?.columns).toEqual([[{ dataset: 'reg', column: 'case_no' }], [{ dataset: 'closure', column: 'case_no' }]]);
    expect(await queryFor(env.wh, model)).toBe(model.uniqueSubject?.compiled);
    const once = await runnerLeads(model);
    expect(once.map((l) => [l.subject['reg.case_no'], l.evidence.length])).toEqual([['A2', 2]]);
    expect(once).toEqual(await leadsOf(model, model.compiled));

    // A second closure row of A2: the pair repeats the registration, so the general form runs
    // and the lead gathers both closures.
    const report = await importer.import({ file: csv('closure-more.csv', ['案件编号,处理日期', 'A2,2021-02-01']), dataset: 'closure', kind: 'police_case_closure' });
    model = prepareModel(joined, await new DatasetRepository(env.wh).list(), { asOf: AS_OF });
    expect(await queryFor(env.wh, model)).toBe(model.compiled);
    const twice = await runnerLeads(model);
    expect(twice.map((l) => [l.subject['reg.case_no'], l.evidence.length])).toEqual([['A2', 3]]);
    await new BatchRepository(env.wh).remove(report.batchId);
  });

  it('is not looked for where no fact could help: an aggregate, a fuzzy join key', async () => {
    const grouped = validateModelSpec(
      {
        ...spec,
        rule: { from: 'reg', aggregate: { groupBy: ['reg.handling_unit'], measures: [{ name: 'n', fn: 'count' }], having: { compare: { left: { measure: 'n' }, op: '>=', right: 1 } } } },
        lead: { ...spec.lead, subject: ['reg.handling_unit'] },
      },
      'unique-subject.test',
    );
    expect(prepareModel(grouped, await new DatasetRepository(env.wh).list(), { asOf: AS_OF }).uniqueSubject).toBeNull();
    const fuzzy = validateModelSpec(
      { ...spec, rule: { from: 'reg', joins: [{ alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no', match: 'org_name' }] }] } },
      'unique-subject.test',
    );
    expect(prepareModel(fuzzy, await new DatasetRepository(env.wh).list(), { asOf: AS_OF }).uniqueSubject).toBeNull();
    // A date matched with a text: DuckDB casts the text, so distinct texts can be one partner value.
    const cast = validateModelSpec({ ...spec, rule: { from: 'reg', joins: [{ alias: 'closure', on: [{ left: 'reg.filed_date', right: 'closure.case_no' }] }] } }, 'unique-subject.test');
    expect(prepareModel(cast, await new DatasetRepository(env.wh).list(), { asOf: AS_OF }).uniqueSubject).toBeNull();
  });
});

describe('a streamed result (the unique form has no UNION ALL)', () => {
  it('gives every lead over many chunks, and leaves the warehouse usable when the consumer stops early', async () => {
    const n = 3 * HIT_BATCH + 7;
    const lines = ['案件编号,立案日期,办案单位', ...Array.from({ length: n }, (_, i) => `B${String(i).padStart(6, '0')},2021-01-01,分局${i % 13}`)];
    await importer.import({ file: csv('reg-many.csv', lines), dataset: 'reg_many', kind: 'police_case_registration' });
    const many = validateModelSpec({ ...spec, id: 'open_cases_many' }, 'unique-subject.test');
    const model = prepareModel(many, await new DatasetRepository(env.wh).list(), { asOf: AS_OF, bindings: { reg: 'reg_many' } });
    const compiled = await queryFor(env.wh, model);
    expect(compiled).toBe(model.uniqueSubject?.compiled);
    expect(compiled.sql).not.toContain('UNION ALL');

    for await (const batch of executeModel(env.wh, model, AS_OF, { queryMs: 0 }, { stream: true })) {
      expect(batch.length).toBeGreaterThanOrEqual(HIT_BATCH);
      expect(batch.length).toBeLessThan(n);
      break;
    }
    expect((await env.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM data.reg_many'))?.n).toBe(n);
    const leads: LeadHit[] = [];
    for await (const batch of executeModel(env.wh, model, AS_OF, { queryMs: 0 }, { stream: true })) leads.push(...batch);
    expect(leads).toHaveLength(n);
    expect(new Set(leads.map((l) => l.fingerprint)).size).toBe(n);
    const bySubject = (a: LeadHit, b: LeadHit): number => String(a.subject['reg.case_no']).localeCompare(String(b.subject['reg.case_no']));
    expect(leads.sort(bySubject)).toEqual(await leadsOf(model, model.compiled));
  });
});

describe('a run', () => {
  it('measures columns after a large result, and streams only after a very large one', () => {
    expect(choiceAfter(undefined)).toEqual({ measureFacts: false, stream: false });
    expect(choiceAfter(12)).toEqual({ measureFacts: false, stream: false });
    expect(choiceAfter(MEASURE_FACTS_MIN_LEADS)).toEqual({ measureFacts: true, stream: false });
    expect(choiceAfter(STREAM_MIN_LEADS)).toEqual({ measureFacts: true, stream: true });
    expect(choiceAfter(undefined, true)).toEqual({ measureFacts: false, stream: true });
  });

  it('has a column measured only for a model whose last run found many leads', async () => {
    const store = await openWorkflowDb({ workflowDir: path.join(env.dir, 'workflow') });
    try {
      const runs = new RunService(env.wh, store);
      const facts = new ColumnFacts(env.wh);
      const entry = (id: string, dataset: string): ModelEntry => ({
        spec: validateModelSpec({ ...spec, id }, 'unique-subject.test'),
        origin: 'workspace',
        dir: null,
        file: `${id}.yaml`,
        bindings: { reg: dataset },
      });
      const rows = (prefix: string, n: number): string[] => ['案件编号,立案日期,办案单位', ...Array.from({ length: n }, (_, i) => `${prefix}${i},2020-01-01,一分局`)];

      // Few leads: neither the first run nor the next, after new data, measures.
      await importer.import({ file: csv('reg-run.csv', rows('C', 2)), dataset: 'reg_run', kind: 'police_case_registration' });
      const few = entry('open_cases_run', 'reg_run');
      expect((await runs.run({ models: [few], asOf: AS_OF })).models[0]).toMatchObject({ leads: 2, new: 2 });
      expect(await facts.isUnique('reg_run', 'case_no', { measure: false })).toBeUndefined();
      await importer.import({ file: csv('reg-run-2.csv', rows('D', 1)), dataset: 'reg_run', kind: 'police_case_registration' });
      expect((await runs.run({ models: [few], asOf: AS_OF })).models[0]).toMatchObject({ leads: 3, new: 1, seenAgain: 2 });
      expect(await facts.isUnique('reg_run', 'case_no', { measure: false })).toBeUndefined();

      // Many leads: the first run does not measure, the run after it does.
      await importer.import({ file: csv('reg-big.csv', rows('E', MEASURE_FACTS_MIN_LEADS)), dataset: 'reg_big', kind: 'police_case_registration' });
      const many = entry('open_cases_big', 'reg_big');
      expect((await runs.run({ models: [many], asOf: AS_OF })).models[0]).toMatchObject({ leads: MEASURE_FACTS_MIN_LEADS });
      expect(await facts.isUnique('reg_big', 'case_no', { measure: false })).toBeUndefined();
      expect((await runs.run({ models: [many], asOf: AS_OF })).models[0]).toMatchObject({ leads: MEASURE_FACTS_MIN_LEADS, seenAgain: MEASURE_FACTS_MIN_LEADS });
      expect(await facts.isUnique('reg_big', 'case_no', { measure: false })).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('column facts', () => {
  it('count a NULL as a value: two empty cells are a repeat, one is not', async () => {
    const map = [{ header: '编号', field: 'code', type: 'code' as const }];
    await importer.import({ file: csv('codes.csv', ['编号,备注', 'X1,甲', ',乙', 'X2,丙']), dataset: 'codes', map });
    const facts = new ColumnFacts(env.wh);
    expect(await facts.isUnique('codes', 'code')).toBe(true);
    expect(await facts.isUnique('codes', 'remark')).toBe(true);
    await importer.import({ file: csv('codes-2.csv', ['编号,备注', ',丁']), dataset: 'codes', map });
    expect(await facts.isUnique('codes', 'code')).toBe(false);
    expect(await facts.isUnique('codes', 'remark')).toBe(true);
    expect(await facts.isUnique('codes', 'no_such_column')).toBe(false);
    expect(await facts.isUnique('no_such_dataset', 'code')).toBe(false);
  });
});
