// A date among a lead's texts leaves DuckDB as a DATE and is written as text by the runner (see
// SqlCompiler.rawDates) — but only when every dataset bound to the input holds the field as a
// DATE: where one holds a timestamp instead, their union is a TIMESTAMP, which DuckDB writes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService } from '../../src/ingest/import.service.js';
import type { LeadHit } from '../../src/rules/lead-hit-mapper.js';
import { executeModel, prepareModel } from '../../src/rules/model-executor.js';
import { validateModelSpec } from '../../src/rules/spec/model-validator.js';
import { DatasetRepository } from '../../src/warehouse/dataset.repository.js';
import { tempWorkspace } from '../support/temp-workspace.js';

const AS_OF = '2024-06-30';
let env: Awaited<ReturnType<typeof tempWorkspace>>;

beforeAll(async () => {
  env = await tempWorkspace();
  const importer = new ImportService(env.wh, env.ws);
  const csv = (name: string, lines: readonly string[]): string => {
    const file = path.join(env.dir, name);
    writeFileSync(file, lines.join('\n'));
    return file;
  };
  // Two registries of one kind; each has a column 登记时间, a timestamp in one, a date in the other.
  const rows = (prefix: string, at: string): string[] => ['案件编号,立案日期,办案单位,登记时间', `${prefix}1,2020-01-01,一分局,${at}`];
  await importer.import({ file: csv('a.csv', rows('A', '2021-05-06 10:30:00')), dataset: 'reg_a', kind: 'police_case_registration', map: [{ header: '登记时间', field: 'registered', type: 'datetime' }] });
  await importer.import({ file: csv('z.csv', rows('Z', '2021-05-07')), dataset: 'reg_z', kind: 'police_case_registration', map: [{ header: '登记时间', field: 'registered', type: 'date' }] });
});
afterAll(() => env.dispose());

const spec = validateModelSpec(
  {
    id: 'dated',
    name: '日期文本',
    version: 1,
    lineOfWork: '其他',
    description: '测试',
    legalBasis: [{ law: '测试', article: '第一条', text: '测试' }],
    parameters: [],
    inputs: [{ alias: 'reg', kind: 'police_case_registration', fields: ['case_no', 'filed_date'] }],
    rule: { from: 'reg' },
    lead: { subject: ['reg.case_no'], title: '{reg.filed_date}', reason: '{reg.filed_date}立案', severity: 'low' },
  },
  'date-texts.test',
);

async function leads(bindings: Record<string, string>): Promise<{ titles: string[]; dates: number }> {
  const model = prepareModel(spec, await new DatasetRepository(env.wh).list(), { asOf: AS_OF, bindings });
  const out: LeadHit[] = [];
  for await (const batch of executeModel(env.wh, model, AS_OF, { queryMs: 0 })) out.push(...batch);
  return { titles: out.map((l) => l.title).sort(), dates: model.compiled.columns.dates.length };
}

describe('a date among a lead’s texts', () => {
  it('leaves DuckDB as a DATE when every bound dataset holds one, written as DuckDB writes it', async () => {
    expect(await leads({})).toEqual({ titles: ['2020-01-01', '2020-01-01'], dates: 1 });
    expect(await leads({ 'reg.filed_date': 'registered', reg: 'reg_z' })).toEqual({ titles: ['2021-05-07'], dates: 1 });
  });

  it('is text made by DuckDB when the bound datasets disagree on its type', async () => {
    expect(await leads({ 'reg.filed_date': 'registered' })).toEqual({ titles: ['2021-05-06 10:30:00', '2021-05-07 00:00:00'], dates: 0 });
  });
});
