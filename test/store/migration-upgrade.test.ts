import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { LeadRepository } from '../../src/store/lead.repository.js';
import { PgliteDialect } from '../../src/store/pglite-dialect.js';
import { RunRepository } from '../../src/store/run.repository.js';
import { openWorkflowDb } from '../../src/store/workflow-db.js';
import { WORKFLOW_MIGRATIONS } from '../../src/store/workflow-migrations.js';
import { WORKFLOW_TYPE_PARSERS } from '../../src/store/workflow-type-parsers.js';
import { hit, inBatches } from './lead-lifecycle.case.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jiandu-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a workflow store written before migration 0003 (jsonb payloads, locale collation)', () => {
  it('is upgraded on open: its leads read back the same and a re-run finds them again', async () => {
    // A store as 0002 left it, with one lead of model m written by a run.
    const pglite = await PGlite.create(dir, { parsers: WORKFLOW_TYPE_PARSERS });
    const old = new Kysely<unknown>({ dialect: new PgliteDialect(pglite) });
    const migrator = new Migrator({ db: old, provider: { getMigrations: () => Promise.resolve({ ...WORKFLOW_MIGRATIONS }) } });
    expect((await migrator.migrateTo('0002-unchanged-leads')).error).toBeUndefined();
    await sql`INSERT INTO runs (as_of, status) VALUES ('2024-06-30', 'succeeded')`.execute(old);
    const before = hit('甲');
    await sql`
      INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, first_seen_run, last_seen_run, evidence, explanation)
      VALUES (${before.fingerprint}, 'm', 1, ${JSON.stringify(before.subject)}::jsonb, ${before.title}, ${before.reason}, 'high', 1234.5, 1, 1,
              ${JSON.stringify(before.evidence)}::jsonb, ${JSON.stringify(before.explanation)}::jsonb)`.execute(old);
    await old.destroy();

    const store = await openWorkflowDb({ workflowDir: dir });
    try {
      const { rows } = await sql<{ t: string }>`SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'leads' AND column_name = 'subject'`.execute(store.db);
      expect(rows[0]?.t).toBe('json');
      const leads = new LeadRepository(store.db);
      const [lead] = await leads.listLeads({ modelId: 'm' });
      expect(lead).toMatchObject({ fingerprint: before.fingerprint, subject: before.subject, evidence: before.evidence, explanation: before.explanation, status: 'open' });
      const run = await new RunRepository(store.db).startRun('2024-07-31');
      const again = await leads.applyModelRun({ runId: run.id, modelId: 'm', modelVersion: 1, asOf: '2024-07-31', hits: inBatches([before, hit('乙')]) });
      expect(again).toEqual({ leads: 2, new: 1, seenAgain: 1, cleared: 0, reopened: 0 });
    } finally {
      await store.close();
    }
  });
});

describe('a workflow store written before migration 0004 (each sighting a stored event)', () => {
  it('keeps its stored sightings, and lists later ones from the apply log without doubling any', async () => {
    const at = path.join(dir, 'before-0004');
    const pglite = await PGlite.create(at, { parsers: WORKFLOW_TYPE_PARSERS });
    const old = new Kysely<unknown>({ dialect: new PgliteDialect(pglite) });
    const migrator = new Migrator({ db: old, provider: { getMigrations: () => Promise.resolve({ ...WORKFLOW_MIGRATIONS }) } });
    expect((await migrator.migrateTo('0003-lead-write-speed')).error).toBeUndefined();
    // Lead 甲 created by run 1 and found again by run 2, as the code before 0004 stored it.
    await sql`INSERT INTO runs (as_of, status) VALUES ('2024-05-31', 'succeeded'), ('2024-06-30', 'succeeded')`.execute(old);
    const lead = hit('甲');
    await sql`
      INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, first_seen_run, last_seen_run,
                         first_seen_at, last_seen_at, evidence, explanation)
      VALUES (${lead.fingerprint}, 'm', 1, ${JSON.stringify(lead.subject)}, ${lead.title}, ${lead.reason}, 'high', 1234.5, 1, 2,
              now() - interval '2 days', now() - interval '1 day', ${JSON.stringify(lead.evidence)}, ${JSON.stringify(lead.explanation)})`.execute(old);
    await sql`
      INSERT INTO lead_events (lead_id, run_id, at, event)
      VALUES (1, 1, now() - interval '2 days', 'created'), (1, 2, now() - interval '1 day', 'seen_again')`.execute(old);
    await old.destroy();

    const store = await openWorkflowDb({ workflowDir: at });
    try {
      const leads = new LeadRepository(store.db);
      const runs = new RunRepository(store.db);
      for (const asOf of ['2024-07-31', '2024-08-31']) {
        const run = await runs.startRun(asOf);
        await leads.applyModelRun({ runId: run.id, modelId: 'm', modelVersion: 1, asOf, hits: inBatches([lead]) });
      }
      const [found] = await leads.listLeads({ modelId: 'm' });
      const history = (await leads.getLead(found!.id))!.events;
      // Run 3 rewrote the lead (no content hash before 0002's runs): a stored event; run 4 found it unchanged.
      expect(history.map((e) => [e.event, e.runId, e.id === null])).toEqual([
        ['created', 1, false],
        ['seen_again', 2, false],
        ['seen_again', 3, false],
        ['seen_again', 4, true],
      ]);
    } finally {
      await store.close();
    }
  });
});
