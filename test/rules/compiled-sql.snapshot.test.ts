// The SQL of representative models in both dialects, kept as .sql files next to this test so a
// reviewer sees every change the compiler makes to the queries (habit 7). Update them with
// `npx vitest run test/rules/compiled-sql.snapshot.test.ts -u` and review the diff.
import { describe, expect, it } from 'vitest';
import { bindInputs } from '../../src/rules/input-binder.js';
import { compileModel, type Dialect } from '../../src/rules/model-compiler.js';
import { resolveParameters } from '../../src/rules/parameter-values.js';
import type { ModelSpec } from '../../src/rules/spec/model-spec.js';
import { BUILDING_BLOCKS } from './building-blocks.case.js';
import { fixtureCatalogue } from './support/fixture-catalogue.js';
import { AS_OF } from './support/fixture-data.js';

/** One model per kind of query shape: anti join + parameters, distance semi join (by pairs, and as a correlated EXISTS), grid join, window + fuzzy keys, aggregate, correlated exists, conditions several collisions share (a filter; a column), collision flags over prefiltered rows. */
const REPRESENTATIVE = ['hanging_criminal_cases', 'near', 'near_from_joined', 'join_near', 'window', 'org_fuzzy', 'aggregate', 'nested_exists', 'all_any_not', 'shared_filter', 'shared_column', 'prefiltered_any'];

function specOf(id: string): ModelSpec {
  const block = BUILDING_BLOCKS.find((b) => b.spec.id === id);
  if (!block) throw new Error(`no building block with model id ${id}`);
  return block.spec;
}

/** The compiled query as a reviewable SQL file: a header listing the bound parameters, then the SQL. */
function sqlFile(spec: ModelSpec, dialect: Dialect): string {
  const { bindings, fieldTypes } = bindInputs(spec, fixtureCatalogue());
  const q = compileModel(spec, { dialect, bindings, fieldTypes, parameters: resolveParameters(spec, {}), asOf: AS_OF });
  const params = q.parameters.map((p, i) => `--   $${i + 1} = ${JSON.stringify(p)}`);
  return [`-- ${spec.id} (${dialect}), run date ${AS_OF}, default parameters`, '-- parameters:', ...params, q.sql, ''].join('\n');
}

describe('compiled SQL of representative models', () => {
  for (const id of REPRESENTATIVE) {
    for (const dialect of ['duckdb', 'postgres'] as const) {
      it(`${id} on ${dialect}`, async () => {
        await expect(sqlFile(specOf(id), dialect)).toMatchFileSnapshot(`__snapshots__/compiled-sql/${id}.${dialect}.sql`);
      });
    }
  }
});
