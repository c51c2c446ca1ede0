// Every built-in model gives the same leads on DuckDB (where models run) and on PGlite (and a
// PostgreSQL server when TEST_DATABASE_URL is set, as in CI), over its
// own fixtures: the library's real queries — shared conditions, prefilters, late row reads, fuzzy
// keys, distance — compiled for both dialects and compared lead by lead (subjects, texts, amount,
// evidence rows, explanation flags and values). The subjects are also those expected.yaml lists.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXPECTED_FILE, FIXTURES_DIR } from '../../src/rules/model-package.js';
import { loadModels } from '../../src/rules/model-registry.js';
import { isSqlRule } from '../../src/rules/spec/model-spec.js';
import { TEST_DATABASE_URL } from '../support/postgres-server.js';
import { buildFixtureFromFiles, duckdbEngine, pgliteEngine, postgresEngine, runModel, type Engine } from './support/dialect-harness.js';

interface Expected {
  readonly asOf: string;
  readonly parameters?: Readonly<Record<string, string | number | boolean>>;
  readonly leads: readonly { readonly subject: Readonly<Record<string, string | number>> }[];
}

// The built-in library only: a workspace that does not exist adds no models.
const library = loadModels(path.join(os.tmpdir(), 'jiandu-no-workspace')).filter((m) => m.origin === 'builtin' && m.dir !== null && !isSqlRule(m.spec.rule));

describe('the built-in library on DuckDB and PGlite', () => {
  it('holds the library', () => {
    expect(library.length).toBeGreaterThanOrEqual(18);
  });

  for (const entry of library) {
    it(entry.spec.id, async () => {
      const dir = entry.dir ?? '';
      const expected = parseYaml(readFileSync(path.join(dir, EXPECTED_FILE), 'utf8')) as Expected;
      const files = readdirSync(path.join(dir, FIXTURES_DIR));
      const fx = await buildFixtureFromFiles(
        entry.spec.inputs.map((input) => {
          const file = files.find((f) => f.replace(/\.[^.]+$/, '') === input.alias);
          if (!file) throw new Error(`${entry.spec.id}: no fixture for input ${input.alias}`);
          return { file: path.join(dir, FIXTURES_DIR, file), dataset: input.dataset ?? input.alias, kind: input.kind };
        }),
      );
      const others: Engine[] = [];
      try {
        others.push(await pgliteEngine(fx));
        if (TEST_DATABASE_URL) others.push(await postgresEngine(fx, TEST_DATABASE_URL));
        const options = { asOf: expected.asOf, params: Object.fromEntries(Object.entries(expected.parameters ?? {}).map(([k, v]) => [k, String(v)])) };
        const duck = await runModel(await duckdbEngine(fx), entry.spec, options);
        for (const other of others) expect(await runModel(other, entry.spec, options), other.name).toEqual(duck);
        const subjects = (leads: readonly { readonly subject: readonly (string | null)[] }[]): string[] => leads.map((l) => JSON.stringify(l.subject)).sort();
        const want = expected.leads.map((l) => JSON.stringify(entry.spec.lead.subject.map((ref) => String(l.subject[ref] ?? ''))));
        expect(subjects(duck)).toEqual(want.sort());
      } finally {
        for (const other of others) await other.close();
        fx.dispose();
      }
    });
  }
});
