import { buildFixture, duckdbEngine, pgliteEngine, postgresEngine, runModel } from '../support/dialect-harness.ts';
import { parseModelSpec } from '../../../src/rules/spec/model-validator.ts';
import { readFileSync } from 'node:fs';
const t0 = Date.now();
const fx = await buildFixture();
console.log('fixture', Date.now() - t0);
const spec = parseModelSpec(readFileSync('src/library/hanging-criminal-cases/model.yaml', 'utf8'), 'x');
for (const mk of [duckdbEngine, pgliteEngine, (f: typeof fx) => postgresEngine(f, 'postgres://postgres@127.0.0.1:5432/test')]) {
  const t1 = Date.now();
  const e = await mk(fx);
  console.log(e.name, 'open', Date.now() - t1);
  console.log(JSON.stringify(await runModel(e, spec, { asOf: '2024-06-30' })));
  console.log(JSON.stringify(await runModel(e, spec, { asOf: '2024-06-30', params: { days: '365' } })));
  await e.close();
}
console.log(await fx.wh.all('select lat, lng, org_name from data.school'));
console.log(await fx.wh.all('select contractor_name from data.deposit'));
fx.dispose();
