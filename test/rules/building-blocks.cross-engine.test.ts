// Every building-block model gives the same leads on every engine: fingerprints, subjects,
// templates, amount, evidence rows and explanation flags, compared exactly — DuckDB (where models
// run) against PGlite (always) and a PostgreSQL server (when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDING_BLOCKS, runLabel } from './building-blocks.case.js';
import { buildFixture, duckdbEngine, pgliteEngine, postgresEngine, runModel, type Engine, type EngineName, type Fixture } from './support/dialect-harness.js';
import { AS_OF } from './support/fixture-data.js';
import { TEST_DATABASE_URL, skippedWithoutPostgres } from '../support/postgres-server.js';

const url = TEST_DATABASE_URL;

/** A bug in the leads of some engines but not others makes those engines disagree. */

// One fixture warehouse for the file; each engine compared gets a copy of it.
let fx: Fixture | undefined;
let duckdb: Engine | undefined;
beforeAll(async () => {
  fx = await buildFixture();
  duckdb = await duckdbEngine(fx);
});
afterAll(() => fx?.dispose());

function crossEngineSuite(other: EngineName, open: (fx: Fixture) => Promise<Engine>): void {
  describe(`DuckDB and ${other} give the same leads`, () => {
    let engine: Engine | undefined;
    beforeAll(async () => {
      if (!fx) throw new Error('fixture not built');
      engine = await open(fx);
    });
    afterAll(async () => {
      await engine?.close();
    });

    for (const block of BUILDING_BLOCKS) {
      it(block.name, async () => {
        if (!duckdb || !engine) throw new Error('engines not open');
        for (const run of block.runs) {
          const options = { asOf: AS_OF, params: run.params };
          const [left, right] = await Promise.all([runModel(duckdb, block.spec, options), runModel(engine, block.spec, options)]);
          expect(right, runLabel(run)).toEqual(left);
          // Agreeing on nothing would prove nothing: every block finds some leads.
          expect(left.length, `${runLabel(run)}: no leads to compare`).toBeGreaterThan(0);
        }
      });
    }
  });
}

crossEngineSuite('pglite', pgliteEngine);

if (url) crossEngineSuite('postgres', (fx) => postgresEngine(fx, url));
else skippedWithoutPostgres('DuckDB and postgres give the same leads');
