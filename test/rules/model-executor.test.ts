// The runner's path from DuckDB to leads at a size the fixture warehouse never reaches: many
// result chunks (DuckDB hands out about 2,048 rows at a time) and several batches of hits, read
// column-wise, must give exactly the leads the row-object path gives; and a consumer that stops
// early leaves the warehouse usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKind } from '../../src/catalog/catalog.js';
import { columnTypeFor } from '../../src/ingest/normalized-expression.js';
import { LeadHitMapper, type LeadHit } from '../../src/rules/lead-hit-mapper.js';
import { executeModel, HIT_BATCH, prepareModel } from '../../src/rules/model-executor.js';
import type { ModelSpec } from '../../src/rules/spec/model-spec.js';
import { validateModelSpec } from '../../src/rules/spec/model-validator.js';
import { DatasetRepository, datasetTable, rawColumn } from '../../src/warehouse/dataset.repository.js';
import { quoteIdent } from '../../src/warehouse/warehouse.js';
import { tempWorkspace } from '../support/temp-workspace.js';

const AS_OF = '2024-06-30';
/** Rows per registration dataset: two datasets of the kind, so evidence carries a dataset index. */
const ROWS = 12_000;

let t: Awaited<ReturnType<typeof tempWorkspace>> | undefined;

beforeAll(async () => {
  t = await tempWorkspace();
  const repo = new DatasetRepository(t.wh);
  const kind = getKind('police_case_registration');
  if (!kind) throw new Error('no kind police_case_registration');
  // Case numbers repeat across the two datasets every 7th row (a subject with several rows), one
  // row in 500 has none (the missing subject, one lead); units and dates vary.
  const columns: Record<string, string> = {
    case_no: `CASE WHEN i % 500 = 3 THEN NULL WHEN i % 7 = 0 THEN 'A' || lpad(i::VARCHAR, 6, '0') ELSE 'A' || lpad((i + $d * ${ROWS})::VARCHAR, 6, '0') END`,
    case_name: `'案件' || (i % 97)::VARCHAR || '号「测试」'`,
    filed_date: `DATE '2015-01-01' + (i * 37 % 3650)::INTEGER`,
    handling_unit: `'公安分局' || (i % 13)::VARCHAR`,
  };
  for (const [d, name] of ['reg_a', 'reg_b'].entries()) {
    await repo.ensure(name, 'police_case_registration');
    await repo.addFields(
      name,
      Object.keys(columns).map((f) => {
        const spec = kind.fields.find((x) => x.name === f);
        if (!spec) throw new Error(`no field ${f}`);
        return { name: f, label: spec.label, type: spec.type, required: spec.required };
      }),
      columnTypeFor,
    );
    const cols = Object.keys(columns);
    await t.wh.run(
      `INSERT INTO ${datasetTable(name)} (_row_id, _batch_id, _row_no, _line, ${cols.map((c) => `${quoteIdent(c)}, ${quoteIdent(rawColumn(c))}`).join(', ')})
       SELECT i + 1, ${d + 1}, i + 1, i + 2, ${cols.map((c) => `v_${c}, v_${c}::VARCHAR`).join(', ')}
       FROM (SELECT i, ${cols.map((c) => `${(columns[c] ?? '').replaceAll('$d', String(d))} AS v_${c}`).join(', ')} FROM range(${ROWS}) r(i))`,
    );
    await repo.advanceRowIds(name, ROWS);
  }
});
afterAll(() => t?.dispose());

function model(where: unknown): ModelSpec {
  return validateModelSpec(
    {
      id: 'executor_many',
      name: '执行器测试',
      version: 1,
      lineOfWork: '其他',
      description: '多块结果',
      legalBasis: [{ law: '（测试用）', article: '—', text: '—' }],
      parameters: [],
      inputs: [{ alias: 'reg', kind: 'police_case_registration', fields: ['case_no', 'case_name', 'filed_date', 'handling_unit'] }],
      rule: { from: 'reg', where },
      lead: { subject: ['reg.case_no'], title: '{reg.handling_unit}：{reg.case_name}', reason: '{reg.filed_date}立案', severity: 'medium' },
    },
    'executor-test',
  );
}

/** Filed before 2022 (about 70 % of the rows); and flags to compute: in unit 3, or not. */
const SPEC = model({
  all: [
    { compare: { left: 'reg.filed_date', op: '<', right: { value: '2022-01-01' } } },
    { any: [{ compare: { left: 'reg.handling_unit', op: '=', right: { value: '公安分局3' } } }, { not: { compare: { left: 'reg.handling_unit', op: '=', right: { value: '公安分局3' } } } }] },
  ],
});

async function runnerLeads(spec: ModelSpec): Promise<{ leads: LeadHit[]; batches: number[] }> {
  if (!t) throw new Error('no workspace');
  const prepared = prepareModel(spec, await new DatasetRepository(t.wh).list(), { asOf: AS_OF });
  const leads: LeadHit[] = [];
  const batches: number[] = [];
  for await (const batch of executeModel(t.wh, prepared, AS_OF, { queryMs: 0 })) {
    batches.push(batch.length);
    leads.push(...batch);
  }
  return { leads, batches };
}

const byFingerprint = (a: LeadHit, b: LeadHit): number => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);

describe('the runner reading DuckDB result chunks', () => {
  it('gives the leads the row-object path gives, over many chunks and several batches', async () => {
    if (!t) throw new Error('no workspace');
    const { leads, batches } = await runnerLeads(SPEC);
    const prepared = prepareModel(SPEC, await new DatasetRepository(t.wh).list(), { asOf: AS_OF });
    const mapper = new LeadHitMapper(SPEC, prepared.compiled.plan, prepared.compiled.columns, prepared.parameters, AS_OF);
    const rows = await t.wh.all<Record<string, unknown>>(prepared.compiled.sql, prepared.compiled.parameters);
    const expected = rows.map((r) => mapper.map(r));

    expect(leads.length).toBeGreaterThan(HIT_BATCH);
    expect(batches.slice(0, -1).every((n) => n >= HIT_BATCH)).toBe(true);
    expect(new Set(leads.map((l) => l.fingerprint)).size).toBe(leads.length);
    expect([...leads].sort(byFingerprint)).toEqual(expected.sort(byFingerprint));

    // The shapes the data was made to have: subjects with rows in both datasets, the missing subject.
    const shared = leads.find((l) => l.subject['reg.case_no'] !== null && new Set(l.evidence.map((e) => e.dataset)).size === 2);
    expect(shared?.evidence.map((e) => [e.dataset, e.batchId])).toEqual([
      ['reg_a', 1],
      ['reg_b', 2],
    ]);
    expect(leads.filter((l) => l.subject['reg.case_no'] === null)).toHaveLength(1);
    expect(leads.some((l) => l.explanation[1]?.matched === false)).toBe(true);
  });

  it('leaves the warehouse usable when the consumer stops after the first batch', async () => {
    if (!t) throw new Error('no workspace');
    const prepared = prepareModel(SPEC, await new DatasetRepository(t.wh).list(), { asOf: AS_OF });
    for await (const batch of executeModel(t.wh, prepared, AS_OF, { queryMs: 0 })) {
      expect(batch.length).toBeGreaterThanOrEqual(HIT_BATCH);
      break;
    }
    const n = await t.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM data.reg_a');
    expect(n?.n).toBe(ROWS);
    expect((await runnerLeads(SPEC)).leads.length).toBeGreaterThan(HIT_BATCH);
  });
});
