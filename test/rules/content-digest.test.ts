// A run hands the lead store each lead's content digest, made in DuckDB, and skips rendering the
// leads the store holds unchanged. The digest must change with everything a lead shows and with
// nothing else (an evidence list's order, which an aggregate does not fix), and a re-run must
// leave unchanged leads exactly as they were while still picking up every real change.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService } from '../../src/ingest/import.service.js';
import { RunService } from '../../src/leads/run.service.js';
import type { CompiledQuery } from '../../src/rules/compiler/compiled-query.js';
import { DIGEST_COLUMN, withContentDigest } from '../../src/rules/content-digest.js';
import { LeadHitMapper, type RunHit } from '../../src/rules/lead-hit-mapper.js';
import type { ModelEntry } from '../../src/rules/model-registry.js';
import { prepareModel, queryFor } from '../../src/rules/model-executor.js';
import { validateModelSpec } from '../../src/rules/spec/model-validator.js';
import type { ModelSpec } from '../../src/rules/spec/model-spec.js';
import { LeadRepository } from '../../src/store/lead.repository.js';
import { openWorkflowDb } from '../../src/store/workflow-db.js';
import { DatasetRepository } from '../../src/warehouse/dataset.repository.js';
import { tempWorkspace } from '../support/temp-workspace.js';

const AS_OF = '2024-06-30';
let env: Awaited<ReturnType<typeof tempWorkspace>>;

beforeAll(async () => {
  env = await tempWorkspace();
});
afterAll(() => env.dispose());

describe('the content digest', () => {
  /** Rows shaped like a compiled query's output: texts, a date, an amount, a flag, an evidence list. */
  const query = (rows: readonly string[]): CompiledQuery => ({
    sql: `SELECT * FROM (VALUES ${rows.join(', ')}) AS t(texts, dt1, amount, x0, ev0)`,
    parameters: [],
    usesPinyin: false,
    columns: {
      texts: 'texts',
      dates: [{ index: 1, column: 'dt1' }],
      subject: [0],
      templates: [],
      amount: 'amount',
      evidence: [{ alias: 'a', column: 'ev0', datasets: ['d'] }],
      explain: [{ flag: 'x0', values: [] }],
    },
  });
  const row = (over: Partial<Record<'texts' | 'date' | 'amount' | 'flag' | 'ev', string>> = {}): string =>
    `(${over.texts ?? `'["A1",null]'`}, ${over.date ?? `DATE '2020-01-01'`}, ${over.amount ?? '12.50::DECIMAL(18,2)'}, ${over.flag ?? 'true'}, ${over.ev ?? `[{'b': 1, 'r': 2}, {'b': 1, 'r': 3}]`})`;
  const digests = async (rows: readonly string[], key = 'key'): Promise<string[]> => {
    const q = withContentDigest(query(rows), key);
    const out = await env.wh.all<Record<string, string>>(q.sql, q.parameters);
    return out.map((r) => r[DIGEST_COLUMN] ?? '');
  };

  it('is the same for the same lead, whatever the order of its evidence list', async () => {
    const [a, b, c] = await digests([row(), row(), row({ ev: `[{'b': 1, 'r': 3}, {'b': 1, 'r': 2}]` })]);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('changes with every part a lead is rendered from: texts, dates, amount, flags, evidence rows, the render key', async () => {
    const base = (await digests([row()]))[0];
    const changed = await digests([
      row({ texts: `'["A2",null]'` }),
      row({ date: `DATE '2020-01-02'` }),
      row({ date: 'NULL' }),
      row({ amount: '12.51::DECIMAL(18,2)' }),
      row({ amount: 'NULL' }),
      row({ flag: 'false' }),
      row({ flag: 'NULL' }),
      row({ ev: `[{'b': 1, 'r': 2}]` }),
      row({ ev: `[{'b': 2, 'r': 2}, {'b': 1, 'r': 3}]` }),
    ]);
    const otherKey = (await digests([row()], 'another key'))[0];
    const all = [base, ...changed, otherKey];
    expect(new Set(all).size).toBe(all.length);
  });

  it('binds the render key as a parameter: the key text never enters the SQL', () => {
    const key = "'; DROP TABLE x; --";
    const q = withContentDigest(query([row()]), key);
    expect(q.sql).not.toContain(key);
    expect(q.parameters.at(-1)).toBe(key);
  });
});

const registration = ['案件编号,立案日期,办案单位', 'A1,2020-01-01,一分局', 'A2,2020-02-01,二分局', 'A3,2020-03-01,三分局'];

function spec(title: string): ModelSpec {
  return validateModelSpec(
    {
      id: 'digest_cases',
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
      lead: { subject: ['reg.case_no'], title, reason: '{reg.filed_date}立案，至今未结', severity: 'low' },
    },
    'content-digest.test',
  );
}

describe('a re-run with content digests', () => {
  const csv = (name: string, lines: readonly string[]): string => {
    const file = path.join(env.dir, name);
    writeFileSync(file, lines.join('\n'));
    return file;
  };

  beforeAll(async () => {
    const importer = new ImportService(env.wh, env.ws);
    await importer.import({ file: csv('reg.csv', registration), dataset: 'reg', kind: 'police_case_registration' });
    await importer.import({ file: csv('closure.csv', ['案件编号,处理日期', 'A9,2021-01-01']), dataset: 'closure', kind: 'police_case_closure' });
  });

  it('passes a lead the store holds unchanged by its digest alone, and renders the others with theirs', async () => {
    const model = prepareModel(spec('{reg.handling_unit}立案未结'), await new DatasetRepository(env.wh).list(), { asOf: AS_OF });
    const compiled = await queryFor(env.wh, model);
    const mapper = new LeadHitMapper(model.spec, compiled.plan, compiled.columns, model.parameters, AS_OF);
    const q = withContentDigest(compiled, mapper.renderKey);
    const rows = await env.wh.all<Record<string, string>>(`SELECT "reg.case_no" AS k, ${DIGEST_COLUMN} AS d FROM (SELECT json_extract_string(texts, '$[0]') AS "reg.case_no", ${DIGEST_COLUMN} FROM (${q.sql}))`, q.parameters);
    const a2 = rows.find((r) => r['k'] === 'A2')?.['d'];
    expect(a2).toMatch(/^[0-9a-f]{32}$/);
    const { columnNames, chunks } = await env.wh.queryChunks(q.sql, q.parameters);
    const read = mapper.readDigestedChunks(columnNames, { has: (d) => d === a2 });
    const out: RunHit[] = [];
    for await (const chunk of chunks) read(chunk, out);
    expect(out).toHaveLength(3);
    expect(out.filter((h) => 'unchanged' in h)).toEqual([{ unchanged: true, contentHash: a2 }]);
    const rendered = out.flatMap((h) => ('unchanged' in h ? [] : [h]));
    expect(rendered.map((h) => h.subject['reg.case_no']).sort()).toEqual(['A1', 'A3']);
    for (const h of rendered) expect(h.contentHash).toMatch(/^[0-9a-f]{32}$/);
  });

  it('leaves unchanged leads as they were, and still takes a new template, a closed case and a corrected row', async () => {
    const store = await openWorkflowDb({ workflowDir: path.join(env.dir, 'workflow') });
    try {
      const runs = new RunService(env.wh, store);
      const leads = new LeadRepository(store.db);
      const entry = (title: string): ModelEntry => ({ spec: spec(title), origin: 'workspace', dir: null, file: 'digest_cases.yaml', bindings: {} });
      const state = async (): Promise<unknown[]> =>
        (await leads.listLeads({ modelId: 'digest_cases' })).map((l) => ({ ...l, lastSeenRun: undefined, lastSeenAt: undefined }));
      const events = async (): Promise<string[]> => {
        const list = await leads.listLeads({ modelId: 'digest_cases' });
        const all = await Promise.all(list.map(async (l) => (await leads.getLead(l.id))?.events.filter((e) => e.id !== null).map((e) => `${String(l.subject['reg.case_no'])}:${e.event}`) ?? []));
        return all.flat().sort();
      };

      const first = await runs.run({ models: [entry('{reg.handling_unit}立案未结')], asOf: AS_OF });
      expect(first.models[0]).toMatchObject({ leads: 3, new: 3, seenAgain: 0, cleared: 0 });
      const before = await state();

      // The same data again: every lead unchanged, nothing written.
      const second = await runs.run({ models: [entry('{reg.handling_unit}立案未结')], asOf: '2024-07-31' });
      expect(second.models[0]).toMatchObject({ leads: 3, new: 0, seenAgain: 3, cleared: 0 });
      expect(await state()).toEqual(before);
      expect(await events()).toEqual([]);

      // A title template edited without a new version: every lead takes it.
      const third = await runs.run({ models: [entry('{reg.handling_unit}：立案后未结案')], asOf: AS_OF });
      expect(third.models[0]).toMatchObject({ leads: 3, new: 0, seenAgain: 3, cleared: 0 });
      expect((await leads.listLeads({ modelId: 'digest_cases' })).map((l) => l.title).sort()).toEqual(['一分局：立案后未结案', '三分局：立案后未结案', '二分局：立案后未结案']);

      // A2 closed, A3's registration corrected by a new batch (another filing date): A2 cleared,
      // A3 rewritten, A1 untouched.
      const importer = new ImportService(env.wh, env.ws);
      await importer.import({ file: csv('closure-2.csv', ['案件编号,处理日期', 'A2,2024-05-01']), dataset: 'closure', kind: 'police_case_closure' });
      await importer.import({ file: csv('reg-2.csv', ['案件编号,立案日期,办案单位', 'A3,2020-03-05,三分局']), dataset: 'reg', kind: 'police_case_registration' });
      const a1 = (await leads.listLeads({ modelId: 'digest_cases' })).find((l) => l.subject['reg.case_no'] === 'A1');
      const fourth = await runs.run({ models: [entry('{reg.handling_unit}：立案后未结案')], asOf: AS_OF });
      expect(fourth.models[0]).toMatchObject({ leads: 2, new: 0, seenAgain: 2, cleared: 1 });
      const after = await leads.listLeads({ modelId: 'digest_cases' });
      expect(after.find((l) => l.subject['reg.case_no'] === 'A2')?.status).toBe('cleared');
      const a3 = after.find((l) => l.subject['reg.case_no'] === 'A3');
      expect(a3?.reason).toContain('2020-03-01');
      expect(a3?.evidence).toHaveLength(2);
      expect({ ...after.find((l) => l.subject['reg.case_no'] === 'A1'), lastSeenRun: 0, lastSeenAt: 0 }).toEqual({ ...a1, lastSeenRun: 0, lastSeenAt: 0 });
    } finally {
      await store.close();
    }
  });
});
