import { createHash } from 'node:crypto';
import { sql, type LogConfig } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JianduError } from '../../src/shared/errors.js';
import {
  LeadRepository,
  migrateWorkflowDb,
  RunRepository,
  WorkflowQueryError,
  type LeadHit,
  type KnownContent,
  type LeadWithEvents,
  type RunHit,
  type WorkflowDb,
} from '../../src/store/index.js';

/**
 * Where a store can be opened more than once, one handle at a time: a PGlite data directory, or a
 * PostgreSQL schema reached through `openWorkflowDb` with its `search_path`.
 */
export interface StoreLocation {
  /** Opens it through `openWorkflowDb`, running the (pending) migrations. */
  open(): Promise<WorkflowDb>;
  /** Removes it (the directory, the schema). */
  dispose(): Promise<void>;
}

/** How the conformance suite gets stores of one implementation. */
export interface StoreFactory {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, empty, migrated store; `log` is Kysely's query log hook. */
  open(log: LogConfig): Promise<WorkflowDb>;
  /** A fresh location that can be opened, closed and opened again. */
  location(): Promise<StoreLocation>;
}

export const AS_OF = '2024-06-30';

/** A hit whose fields all derive from its fingerprint, so a test can tell which one was kept. */
export function hit(fingerprint: string, overrides: Partial<LeadHit> = {}): LeadHit {
  return {
    fingerprint,
    subject: { key: fingerprint, name: `主体 ${fingerprint}` },
    title: `线索 ${fingerprint}`,
    reason: `${fingerprint} 逾期未缴费`,
    severity: 'high',
    amount: 1234.5,
    evidence: [{ alias: 'fee', dataset: 'fees', batchId: 1, rowId: 7 }],
    explanation: [{ condition: 'unpaid', matched: true, values: { days: 45 } }],
    ...overrides,
  };
}

/** A statement written as an indented template literal, with its common indentation removed. */
function dedent(statement: string): string {
  const [first = '', ...rest] = statement.trim().split('\n');
  const indents = rest.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const cut = Math.min(...indents, Infinity) - 2;
  return [first, ...rest.map((line) => line.slice(Math.max(0, Math.min(cut, line.length))))].join('\n');
}

/** Yields `hits` in batches of `size`, as a model runner would. */
export async function* inBatches<T = LeadHit>(hits: readonly T[], size = 2): AsyncGenerator<readonly T[]> {
  for (let i = 0; i < hits.length; i += size) {
    await Promise.resolve();
    yield hits.slice(i, i + size);
  }
}

/** The lead lifecycle and run bookkeeping, run against every workflow-store implementation. */
export function leadLifecycleSuite(factory: StoreFactory): void {
  describe(`workflow store: lead lifecycle (${factory.name})`, () => {
    let store: WorkflowDb;
    let leads: LeadRepository;
    let runs: RunRepository;

    /** SQL sent while `recording` is on (text only; parameters are data). */
    let recording = false;
    const recorded: string[] = [];

    beforeAll(async () => {
      store = await factory.open((event) => {
        if (recording && event.level === 'query') recorded.push(event.query.sql);
      });
      leads = new LeadRepository(store.db);
      runs = new RunRepository(store.db);
    });
    afterAll(async () => {
      await store?.close();
    });

    async function apply(
      modelId: string,
      hits: readonly LeadHit[] | AsyncIterable<readonly RunHit[]> | ((known: KnownContent) => AsyncIterable<readonly RunHit[]>),
      runId?: number,
    ) {
      const id = runId ?? (await runs.startRun(AS_OF)).id;
      const source = typeof hits === 'function' || Symbol.asyncIterator in hits ? hits : inBatches(hits);
      const result = await leads.applyModelRun({ runId: id, modelId, modelVersion: 1, asOf: AS_OF, hits: source });
      return { runId: id, result };
    }

    async function byFingerprint(modelId: string, fingerprint: string): Promise<LeadWithEvents> {
      const lead = await leads.findByFingerprint(modelId, fingerprint);
      expect(lead, `${modelId}/${fingerprint}`).toBeDefined();
      const full = await leads.getLead(lead!.id);
      return full!;
    }

    /** Every lead of a model with its events, for comparing whole states. */
    async function snapshot(modelId: string): Promise<LeadWithEvents[]> {
      const list = await leads.listLeads({ modelId, limit: 10_000 });
      return Promise.all(list.map(async (l) => (await leads.getLead(l.id))!));
    }

    it('kind names the implementation', () => {
      expect(store.kind).toBe(factory.name);
    });

    it('first run: every hit is a new open lead with a created event', async () => {
      const { runId, result } = await apply('first', [hit('a'), hit('b'), hit('c')]);
      expect(result).toEqual({ leads: 3, new: 3, seenAgain: 0, cleared: 0, reopened: 0 });
      const a = await byFingerprint('first', 'a');
      expect(a).toMatchObject({
        modelId: 'first',
        modelVersion: 1,
        status: 'open',
        subject: { key: 'a', name: '主体 a' },
        title: '线索 a',
        reason: 'a 逾期未缴费',
        severity: 'high',
        amount: 1234.5,
        firstSeenRun: runId,
        lastSeenRun: runId,
        clearedAt: null,
        clearedRun: null,
        evidence: [{ alias: 'fee', dataset: 'fees', batchId: 1, rowId: 7 }],
        explanation: [{ condition: 'unpaid', matched: true, values: { days: 45 } }],
      });
      expect(a.firstSeenAt).toBeInstanceOf(Date);
      expect(a.events.map((e) => [e.event, e.runId])).toEqual([['created', runId]]);
    });

    it('same hits again: all seen again, nothing new or cleared; the lead takes the new details', async () => {
      const first = await apply('again', [hit('a'), hit('b'), hit('c')]);
      const second = await apply('again', [hit('a', { title: '新标题', amount: 99.99, severity: 'low' }), hit('b'), hit('c')]);
      expect(second.result).toEqual({ leads: 3, new: 0, seenAgain: 3, cleared: 0, reopened: 0 });
      const a = await byFingerprint('again', 'a');
      expect(a).toMatchObject({ status: 'open', title: '新标题', amount: 99.99, severity: 'low' });
      expect(a.firstSeenRun).toBe(first.runId);
      expect(a.lastSeenRun).toBe(second.runId);
      expect(a.events.map((e) => [e.event, e.runId])).toEqual([
        ['created', first.runId],
        ['seen_again', second.runId],
      ]);
      expect(await leads.listLeads({ modelId: 'again' })).toHaveLength(3);
    });

    it('a lead found again unchanged is not rewritten, yet its last sighting moves with each run, and is kept when it clears', async () => {
      const first = await apply('unchanged', [hit('a'), hit('b')]);
      const before = await byFingerprint('unchanged', 'b');
      const second = await apply('unchanged', [hit('a'), hit('b')]);
      expect(second.result).toEqual({ leads: 2, new: 0, seenAgain: 2, cleared: 0, reopened: 0 });
      const seen = await byFingerprint('unchanged', 'b');
      expect(seen).toMatchObject({ status: 'open', firstSeenRun: first.runId, lastSeenRun: second.runId, title: before.title });
      expect(seen.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before.lastSeenAt.getTime());
      expect(seen.events.map((e) => [e.event, e.runId])).toEqual([
        ['created', first.runId],
        ['seen_again', second.runId],
      ]);
      const third = await apply('unchanged', [hit('a')]);
      expect(third.result).toMatchObject({ seenAgain: 1, cleared: 1 });
      const gone = await byFingerprint('unchanged', 'b');
      expect(gone).toMatchObject({ status: 'cleared', clearedRun: third.runId, lastSeenRun: second.runId });
      expect(gone.events.at(-1)).toMatchObject({ event: 'cleared', runId: third.runId, detail: { lastSeenRun: second.runId } });
      // The lead still found keeps moving.
      expect(await byFingerprint('unchanged', 'a')).toMatchObject({ status: 'open', lastSeenRun: third.runId });
    });

    it('creating a lead or finding it again unchanged costs no event row, yet its history lists every run that saw it', async () => {
      const stored = async (): Promise<number> => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM lead_events e JOIN leads l ON l.id = e.lead_id WHERE l.model_id = 'sightings'`.execute(store.db);
        return rows[0]?.n ?? -1;
      };
      const r1 = await apply('sightings', [hit('a'), hit('b')]);
      expect(await stored()).toBe(0); // creation is the lead's first sighting, not a row
      const r2 = await apply('sightings', [hit('a'), hit('b')]);
      await apply('sightings-other', [hit('a')]); // another model's apply saw neither
      const r3 = await apply('sightings', [hit('a')]);
      const r4 = await apply('sightings', [hit('a'), hit('b')]);
      const r5 = await apply('sightings', [hit('a'), hit('b')]);
      expect(r5.result).toEqual({ leads: 2, new: 0, seenAgain: 2, cleared: 0, reopened: 0 });
      // Only what changed b: cleared in r3, reopened in r4.
      expect(await stored()).toBe(2);
      const a = await byFingerprint('sightings', 'a');
      expect(a.events.map((e) => [e.event, e.runId, e.id === null])).toEqual([
        ['created', r1.runId, true],
        ['seen_again', r2.runId, true],
        ['seen_again', r3.runId, true],
        ['seen_again', r4.runId, true],
        ['seen_again', r5.runId, true],
      ]);
      expect(a.events[1]?.at.getTime()).toBeGreaterThan(a.events[0]!.at.getTime());
      const b = await byFingerprint('sightings', 'b');
      expect(b.events.map((e) => [e.event, e.runId])).toEqual([
        ['created', r1.runId],
        ['seen_again', r2.runId],
        ['cleared', r3.runId],
        ['reopened', r4.runId],
        ['seen_again', r5.runId],
      ]);
      expect(a.lastSeenRun).toBe(r5.runId);
    });

    it('a hit that disappears is cleared, with cleared_at and cleared_run', async () => {
      const first = await apply('clear', [hit('a'), hit('b')]);
      const second = await apply('clear', [hit('a')]);
      expect(second.result).toEqual({ leads: 1, new: 0, seenAgain: 1, cleared: 1, reopened: 0 });
      const b = await byFingerprint('clear', 'b');
      expect(b.status).toBe('cleared');
      expect(b.clearedRun).toBe(second.runId);
      expect(b.clearedAt).toBeInstanceOf(Date);
      expect(b.lastSeenRun).toBe(first.runId);
      expect(b.events.map((e) => e.event)).toEqual(['created', 'cleared']);
      expect(b.events[1]).toMatchObject({ runId: second.runId, detail: { lastSeenRun: first.runId } });
      expect((await byFingerprint('clear', 'a')).status).toBe('open');
    });

    it('a cleared hit that comes back is reopened', async () => {
      await apply('reopen', [hit('a'), hit('b')]);
      const second = await apply('reopen', [hit('a')]);
      const third = await apply('reopen', [hit('a'), hit('b')]);
      expect(third.result).toEqual({ leads: 2, new: 0, seenAgain: 2, cleared: 0, reopened: 1 });
      const b = await byFingerprint('reopen', 'b');
      expect(b).toMatchObject({ status: 'open', clearedAt: null, clearedRun: null, lastSeenRun: third.runId });
      expect(b.events.map((e) => [e.event, e.runId])).toEqual([
        ['created', b.firstSeenRun],
        ['cleared', second.runId],
        ['reopened', third.runId],
      ]);
      // A cleared lead stays cleared while absent: clearing counts only open leads.
      await apply('reopen', [hit('a')]);
      const fifth = await apply('reopen', [hit('a')]);
      expect(fifth.result.cleared).toBe(0);
    });

    it('two models do not interfere, even with the same fingerprints', async () => {
      await apply('model-x', [hit('same'), hit('x-only')]);
      await apply('model-y', [hit('same'), hit('y-only')]);
      const emptied = await apply('model-x', []);
      expect(emptied.result).toEqual({ leads: 0, new: 0, seenAgain: 0, cleared: 2, reopened: 0 });
      const y = await leads.listLeads({ modelId: 'model-y' });
      expect(y.map((l) => [l.fingerprint, l.status])).toEqual([
        ['same', 'open'],
        ['y-only', 'open'],
      ]);
      expect((await leads.listLeads({ modelId: 'model-x', status: 'cleared' })).map((l) => l.fingerprint).sort()).toEqual(['same', 'x-only']);
      const counts = await leads.countByModel();
      expect(counts.find((c) => c.modelId === 'model-x')).toEqual({ modelId: 'model-x', total: 2, byStatus: { cleared: 2 } });
      expect(counts.find((c) => c.modelId === 'model-y')).toEqual({ modelId: 'model-y', total: 2, byStatus: { open: 2 } });
    });

    it('a run that writes many leads refreshes the planner statistics of leads, so the next run probes them by index', async () => {
      const counted = async (): Promise<number> => {
        const { rows } = await sql<{ n: number }>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'leads'::regclass`.execute(store.db);
        return Number(rows[0]?.n ?? 0);
      };
      const before = await counted();
      const many = Array.from({ length: 400 }, (_, i) => hit(`stats-${i}`));
      const { result } = await apply('stats', inBatches(many, 100));
      expect(result.new).toBe(400);
      // Without the refresh the planner still counts what it counted before (nothing, on PGlite).
      expect(await counted()).toBeGreaterThanOrEqual(before + 400);
      // A small run leaves them alone (no ANALYZE for a handful of rows).
      const after = await counted();
      await apply('stats-small', [hit('s1'), hit('s2')]);
      expect(await counted()).toBe(after);
      const again = await apply('stats', inBatches(many, 100));
      expect(again.result).toEqual({ leads: 400, new: 0, seenAgain: 400, cleared: 0, reopened: 0 });
    });

    it('a new model version rewrites the leads it finds and clears those it does not, unchanged or not', async () => {
      const v1 = await apply('versioned', [hit('a'), hit('b'), hit('c')]);
      const run = await runs.startRun(AS_OF);
      const v2 = await leads.applyModelRun({ runId: run.id, modelId: 'versioned', modelVersion: 2, asOf: AS_OF, hits: inBatches([hit('a'), hit('b', { title: '新' })]) });
      expect(v2).toEqual({ leads: 2, new: 0, seenAgain: 2, cleared: 1, reopened: 0 });
      expect(await byFingerprint('versioned', 'a')).toMatchObject({ status: 'open', modelVersion: 2, lastSeenRun: run.id });
      expect(await byFingerprint('versioned', 'b')).toMatchObject({ status: 'open', modelVersion: 2, title: '新' });
      expect(await byFingerprint('versioned', 'c')).toMatchObject({ status: 'cleared', modelVersion: 1, clearedRun: run.id, lastSeenRun: v1.runId });
      // At version 2 the unchanged lead is known again: a run without it clears it.
      const later = await runs.startRun(AS_OF);
      const v2again = await leads.applyModelRun({ runId: later.id, modelId: 'versioned', modelVersion: 2, asOf: AS_OF, hits: inBatches([hit('b', { title: '新' })]) });
      expect(v2again).toEqual({ leads: 1, new: 0, seenAgain: 1, cleared: 1, reopened: 0 });
      expect(await byFingerprint('versioned', 'a')).toMatchObject({ status: 'cleared', clearedRun: later.id, lastSeenRun: run.id });
    });

    it('duplicate fingerprints in one run make one lead; the first hit wins', async () => {
      const hits = [hit('d', { title: '第一' }), hit('d', { title: '第二' }), hit('e'), hit('d', { title: '第三' })];
      // Duplicates within one batch and across batches.
      const { result } = await apply('dups', inBatches(hits, 3));
      expect(result).toEqual({ leads: 2, new: 2, seenAgain: 0, cleared: 0, reopened: 0 });
      const list = await leads.listLeads({ modelId: 'dups' });
      expect(list).toHaveLength(2);
      expect((await byFingerprint('dups', 'd')).title).toBe('第一');
      const again = await apply('dups', inBatches(hits, 1));
      expect(again.result).toEqual({ leads: 2, new: 0, seenAgain: 2, cleared: 0, reopened: 0 });
    });

    it('concurrent applies of one model are serialised, not interleaved', async () => {
      const [one, two] = await Promise.all([runs.startRun(AS_OF), runs.startRun(AS_OF)]);
      const results = await Promise.all([
        leads.applyModelRun({ runId: one.id, modelId: 'race', modelVersion: 1, asOf: AS_OF, hits: inBatches([hit('a'), hit('b')], 1) }),
        leads.applyModelRun({ runId: two.id, modelId: 'race', modelVersion: 1, asOf: AS_OF, hits: inBatches([hit('b'), hit('c')], 1) }),
      ]);
      expect(results.reduce((n, r) => n + r.new, 0)).toBe(3);
      expect(results.reduce((n, r) => n + r.seenAgain, 0)).toBe(1);
      expect(results.reduce((n, r) => n + r.cleared, 0)).toBe(1);
      const list = await leads.listLeads({ modelId: 'race' });
      expect(list.map((l) => l.fingerprint).sort()).toEqual(['a', 'b', 'c']);
    });

    it('JSON and text round-trip exactly, whatever characters they hold', async () => {
      const tricky = {
        fingerprint: 'fp "quoted", {braced} \\ back\\slash NULL',
        subject: { 名称: '某某"有限"公司\\分店', 'a,b': '{1,2}', nul: null, n: 12345678901, nested: { arr: [1, 'NULL', null, '中文'] } },
        title: "标题 'single' \"double\" {x} \\",
        reason: '多行\n理由\t制表符',
        explanation: { note: '"}{,\\' },
      };
      await apply('tricky', [hit(tricky.fingerprint, tricky), hit('no-amount', { amount: null, explanation: undefined })]);
      const lead = await byFingerprint('tricky', tricky.fingerprint);
      expect(lead).toMatchObject(tricky);
      const bare = await byFingerprint('tricky', 'no-amount');
      expect(bare.amount).toBeNull();
      expect(bare.explanation).toBeNull();
    });

    it('texts holding the staging separators (ASCII RS, US) round-trip too, in a batch with plain ones', async () => {
      const odd = { title: '标题\u001e记录分隔', reason: '理由\u001f字段分隔', subject: { k: '\u001e\u001f' } };
      await apply('separators', inBatches([hit('plain'), hit('fp\u001fodd', odd)], 2));
      expect(await byFingerprint('separators', 'fp\u001fodd')).toMatchObject(odd);
      expect(await byFingerprint('separators', 'plain')).toMatchObject({ title: '线索 plain', amount: 1234.5 });
    });

    it('a lead\'s content hash is the md5 of its JSON as every version has written it, so an upgraded store finds it unchanged', async () => {
      const hits = [
        hit('h1', { title: '引号"与\\反斜杠\u2028', amount: 0.1, explanation: undefined }),
        hit('h2', { amount: null, subject: { 名称: null, n: -0, list: [1.5e21, '中'] } }),
      ];
      await apply('hashes', hits);
      const { rows } = await sql<{ fingerprint: string; content_hash: string }>`
        SELECT fingerprint, content_hash FROM leads WHERE model_id = 'hashes' ORDER BY fingerprint`.execute(store.db);
      const md5 = (h: LeadHit): string =>
        createHash('md5')
          .update(
            JSON.stringify({
              fingerprint: h.fingerprint,
              subject: h.subject,
              title: h.title,
              reason: h.reason,
              severity: h.severity,
              amount: h.amount,
              evidence: h.evidence,
              explanation: h.explanation ?? null,
            }),
          )
          .digest('hex');
      expect(rows).toEqual(hits.map((h) => ({ fingerprint: h.fingerprint, content_hash: md5(h) })));
    });

    it('a run that digests its leads hands the unchanged ones over by hash alone: counted, not rewritten; the rest are written with their digest', async () => {
      const digest = (fp: string, version = 1): string => createHash('md5').update(`digest ${fp} ${version}`).digest('hex');
      const first = await apply('digested', [hit('a', { contentHash: digest('a') }), hit('b', { contentHash: digest('b') }), hit('c', { contentHash: digest('c') })]);
      const before = await snapshot('digested');
      let told: { a: boolean; b: boolean; other: boolean } | undefined;
      const { runId, result } = await apply('digested', (known) => {
        told = { a: known.has(digest('a')), b: known.has(digest('b')), other: known.has(digest('a', 2)) };
        // a unchanged (by hash alone), b changed, c gone, d new.
        return inBatches<RunHit>([{ unchanged: true, contentHash: digest('a') }, hit('b', { title: '新标题', contentHash: digest('b', 2) }), hit('d', { contentHash: digest('d') })], 2);
      });
      expect(told).toEqual({ a: true, b: true, other: false });
      expect(result).toEqual({ leads: 3, new: 1, seenAgain: 2, cleared: 1, reopened: 0 });
      const a = await byFingerprint('digested', 'a');
      expect(a).toMatchObject({ ...before.find((l) => l.fingerprint === 'a'), lastSeenRun: runId, lastSeenAt: a.lastSeenAt, events: a.events });
      expect(a.events.map((e) => [e.event, e.runId, e.id === null])).toEqual([
        ['created', first.runId, true],
        ['seen_again', runId, true],
      ]);
      expect(await byFingerprint('digested', 'b')).toMatchObject({ title: '新标题' });
      expect((await byFingerprint('digested', 'c')).status).toBe('cleared');
      // The digests were stored: the next run knows b and d by theirs.
      const { result: again } = await apply('digested', (known) =>
        inBatches<RunHit>([digest('a'), digest('b', 2), digest('d')].map((h) => (known.has(h) ? { unchanged: true as const, contentHash: h } : hit('x'))), 3),
      );
      expect(again).toEqual({ leads: 3, new: 0, seenAgain: 3, cleared: 0, reopened: 0 });
    });

    it('an unchanged hit of one fingerprint after a rendered hit of the same fingerprint is dropped: the first hit wins', async () => {
      const digest = createHash('md5').update('first-wins').digest('hex');
      await apply('digest-first', [hit('a', { contentHash: digest })]);
      const { result } = await apply('digest-first', () => inBatches<RunHit>([hit('a', { title: '先到', contentHash: 'another' }), { unchanged: true, contentHash: digest }], 1));
      expect(result).toEqual({ leads: 1, new: 0, seenAgain: 1, cleared: 0, reopened: 0 });
      expect((await byFingerprint('digest-first', 'a')).title).toBe('先到');
    });

    it('an unchanged hit whose hash no open lead has is refused, and nothing is written', async () => {
      await apply('digest-bad', [hit('a', { contentHash: 'h-a' })]);
      const before = await snapshot('digest-bad');
      const error = await apply('digest-bad', () => inBatches<RunHit>([hit('b'), { unchanged: true, contentHash: 'h-zzz' }], 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JianduError);
      expect(error).toMatchObject({ code: 'invalid_argument' });
      expect((error as JianduError).message).toContain('h-zzz');
      expect(await snapshot('digest-bad')).toEqual(before);
      await expect(apply('digest-bad', [hit('a', { contentHash: '' })])).rejects.toMatchObject({ code: 'invalid_argument' });
    });

    it('known leads are read whatever their fingerprints and hashes hold, separators included', async () => {
      const odd = ['fp\u001eone', 'fp\u001ftwo', 'plain'];
      await apply('known-odd', odd.map((fp, i) => hit(fp, { contentHash: i === 1 ? 'hash\u001ewith\u001fseparators' : `h${i}` })));
      let told: boolean[] = [];
      const { result } = await apply('known-odd', (known) => {
        told = ['h0', 'hash\u001ewith\u001fseparators', 'h2', 'h3'].map((h) => known.has(h));
        return inBatches<RunHit>([
          { unchanged: true, contentHash: 'h0' },
          { unchanged: true, contentHash: 'hash\u001ewith\u001fseparators' },
          { unchanged: true, contentHash: 'h2' },
        ]);
      });
      expect(told).toEqual([true, true, true, false]);
      expect(result).toEqual({ leads: 3, new: 0, seenAgain: 3, cleared: 0, reopened: 0 });
    });

    it('a failure in the middle of a run leaves the previous state exactly intact', async () => {
      await apply('atomic', [hit('a'), hit('b'), hit('c')]);
      const before = await snapshot('atomic');
      const run = await runs.startRun(AS_OF);
      async function* failing(): AsyncGenerator<readonly LeadHit[]> {
        yield [hit('a'), hit('new-1')];
        await Promise.resolve();
        throw new Error('模型查询中断');
      }
      await expect(leads.applyModelRun({ runId: run.id, modelId: 'atomic', modelVersion: 2, asOf: AS_OF, hits: failing() })).rejects.toThrow(
        '模型查询中断',
      );
      expect(await snapshot('atomic')).toEqual(before);
      // The same run applies cleanly afterwards: nothing (staging table, lock) was left behind.
      const ok = await leads.applyModelRun({ runId: run.id, modelId: 'atomic', modelVersion: 2, asOf: AS_OF, hits: inBatches([hit('a')]) });
      expect(ok).toEqual({ leads: 1, new: 0, seenAgain: 1, cleared: 2, reopened: 0 });
    });

    it('a database failure is wrapped with its SQL, parameters and cause, and rolls back', async () => {
      await apply('db-failure', [hit('a')]);
      const before = await snapshot('db-failure');
      // numeric(18,2) holds less than 10^16: the staging insert overflows.
      const error = await apply('db-failure', [hit('a'), hit('huge', { amount: 1e17 })]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowQueryError);
      const wrapped = error as WorkflowQueryError;
      expect(wrapped.code).toBe('warehouse_query_failed');
      expect(wrapped.sql).toContain('INSERT INTO "lead_hits_staging"');
      expect(wrapped.parameters.length).toBeGreaterThan(0);
      expect(wrapped.cause).toBeInstanceOf(Error);
      expect(wrapped.details).toMatchObject({ sql: wrapped.sql });
      expect(await snapshot('db-failure')).toEqual(before);
    });

    it('rejects bad hits and bad runs with typed errors before writing anything', async () => {
      const run = await runs.startRun(AS_OF);
      const attempt = (hits: LeadHit[], overrides: { runId?: number; asOf?: string } = {}) =>
        leads.applyModelRun({ runId: run.id, modelId: 'bad', modelVersion: 1, asOf: AS_OF, hits: inBatches(hits), ...overrides });
      await expect(attempt([hit('a', { severity: 'urgent' as 'high' })])).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(attempt([hit('')])).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(attempt([hit('a', { amount: Number.NaN })])).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(attempt([hit('a')], { asOf: '2024-07-01' })).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(attempt([hit('a')], { asOf: '2024-02-30' })).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(attempt([hit('a')], { runId: 987_654_321 })).rejects.toMatchObject({ code: 'not_found' });
      await runs.finishRun(run.id, 'failed', 'stopped');
      const finished = await attempt([hit('a')]).catch((e: unknown) => e);
      expect(finished).toBeInstanceOf(JianduError);
      expect(finished).toMatchObject({ code: 'invalid_argument' });
      expect(await leads.listLeads({ modelId: 'bad' })).toEqual([]);
    });

    it('runs: start, record model runs, finish once, list newest first', async () => {
      const run = await runs.startRun(AS_OF);
      expect(run).toMatchObject({ asOf: AS_OF, status: 'running', finishedAt: null, error: null });
      const { result } = await apply('run-book', [hit('a'), hit('b')], run.id);
      const recorded = await runs.recordModelRun({
        runId: run.id,
        modelId: 'run-book',
        modelVersion: 3,
        parameters: { days: 30 },
        batches: { fees: [1, 2], shops: [5] },
        leads: result.leads,
        newLeads: result.new,
        seenAgain: result.seenAgain,
        cleared: result.cleared,
        reopened: result.reopened,
        durationMs: 12.6,
        queryMs: 8,
        status: 'succeeded',
      });
      expect(recorded).toMatchObject({ runId: run.id, modelVersion: 3, leads: 2, newLeads: 2, durationMs: 13, queryMs: 8, error: null });
      const finished = await runs.finishRun(run.id, 'succeeded');
      expect(finished.status).toBe('succeeded');
      expect(finished.finishedAt).toBeInstanceOf(Date);
      await expect(runs.finishRun(run.id, 'failed')).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(runs.finishRun(987_654_321, 'failed')).rejects.toMatchObject({ code: 'not_found' });
      await expect(runs.startRun('2024-13-01')).rejects.toMatchObject({ code: 'invalid_argument' });
      const got = await runs.getRun(run.id);
      expect(got?.models).toEqual([recorded]);
      expect(got).toMatchObject({ id: run.id, asOf: AS_OF, status: 'succeeded' });
      expect(await runs.getRun(987_654_321)).toBeUndefined();
      const listed = await runs.listRuns({ limit: 2 });
      expect(listed[0]?.id).toBeGreaterThan(listed[1]?.id ?? Infinity);
      await expect(leads.listLeads({ limit: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
    });

    it('sends the lifecycle SQL committed in __snapshots__/lead-lifecycle.sql (the same on every implementation)', async () => {
      const first = await runs.startRun(AS_OF);
      recording = true;
      try {
        await leads.applyModelRun({ runId: first.id, modelId: 'sql', modelVersion: 1, asOf: AS_OF, hits: inBatches([hit('a'), hit('b')]) });
        recorded.push('-- The next run of the model: a changed, b gone, c new');
        const next = await runs.startRun(AS_OF);
        await leads.applyModelRun({ runId: next.id, modelId: 'sql', modelVersion: 1, asOf: AS_OF, hits: inBatches([hit('a', { title: '变了' }), hit('c')]) });
      } finally {
        recording = false;
      }
      const script = recorded.map((statement) => (statement.startsWith('--') ? statement : `${dedent(statement)};`)).join('\n\n');
      const header =
        '-- The SQL of two applyModelRun calls with one batch of hits each — a model\'s first run, then a re-run — in order, as Kysely\n-- sends it, each inside one transaction (BEGIN … COMMIT, issued by the driver).';
      await expect(`${header}\n\n${script}\n`).toMatchFileSnapshot(
        './__snapshots__/lead-lifecycle.sql',
      );
    });

    it('migrations are idempotent', async () => {
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(store.db);
      expect(await migrateWorkflowDb(store.db, rows[0]!.schema)).toEqual([]);
      expect(await migrateWorkflowDb(store.db, rows[0]!.schema)).toEqual([]);
      expect((await leads.listLeads({ modelId: 'first' })).length).toBe(3);
    });

    /** A bulk hit: small, like most real leads. */
    function bulkHit(model: string, i: number): LeadHit {
      return {
        fingerprint: `${model}-${i}`,
        subject: { id: i },
        title: `线索 ${i}`,
        reason: '逾期未缴费',
        severity: i % 3 === 0 ? 'high' : 'medium',
        amount: i / 100,
        evidence: [{ alias: 'fee', dataset: 'fees', batchId: 1, rowId: i }],
        explanation: [{ condition: 'unpaid', matched: true }],
      };
    }

    /** Hits `from` ≤ i < `to` in batches of 10,000, built lazily as a model runner streams them. */
    async function* bulk(model: string, from: number, to: number): AsyncGenerator<readonly LeadHit[]> {
      for (let start = from; start < to; start += 10_000) {
        await Promise.resolve();
        yield Array.from({ length: Math.min(10_000, to - start) }, (_, k) => bulkHit(model, start + k));
      }
    }

    it('200,000 hits in 20 batches apply correctly', async () => {
      const N = 200_000;
      const started = performance.now();
      const { runId, result } = await apply('bulk', bulk('bulk', 0, N));
      const ms = performance.now() - started;
      expect(result).toEqual({ leads: N, new: N, seenAgain: 0, cleared: 0, reopened: 0 });
      expect((await leads.countByModel()).find((c) => c.modelId === 'bulk')).toEqual({ modelId: 'bulk', total: N, byStatus: { open: N } });
      const last = await byFingerprint('bulk', `bulk-${N - 1}`);
      expect(last).toMatchObject({ status: 'open', firstSeenRun: runId, amount: (N - 1) / 100, subject: { id: N - 1 } });
      expect(last.events.map((e) => e.event)).toEqual(['created']);
      console.info(`[store:${factory.name}] 200,000 hits in 20 batches, all new: ${Math.round(ms)} ms`);
    });

    it('a re-run at scale: 20,000 leads, 1,000 gone, 1,000 new, the rest seen again', async () => {
      const N = 20_000;
      const first = await apply('rerun', bulk('rerun', 0, N));
      const started = performance.now();
      const second = await apply('rerun', bulk('rerun', 1_000, N + 1_000));
      const ms = performance.now() - started;
      // Known leads read 3,000 at a time (seven pages): every one is known, so the 19,000 found
      // unchanged write nothing and the 1,000 missing are cleared.
      const events = async (): Promise<number> =>
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM lead_events e JOIN leads l ON l.id = e.lead_id WHERE l.model_id = 'rerun'`.execute(store.db)).rows[0]?.n ?? -1;
      const before = await events();
      const paged = new LeadRepository(store.db, { knownLeadsPage: 3_000 });
      const run = await runs.startRun(AS_OF);
      await expect(paged.applyModelRun({ runId: run.id, modelId: 'rerun', modelVersion: 1, asOf: AS_OF, hits: bulk('rerun', 2_000, N + 1_000) })).resolves.toEqual({
        leads: N - 1_000,
        new: 0,
        seenAgain: N - 1_000,
        cleared: 1_000,
        reopened: 0,
      });
      expect(await events()).toBe(before + 1_000);
      expect(second.result).toEqual({ leads: N, new: 1_000, seenAgain: N - 1_000, cleared: 1_000, reopened: 0 });
      const counts = (await leads.countByModel()).find((c) => c.modelId === 'rerun');
      expect(counts).toEqual({ modelId: 'rerun', total: N + 1_000, byStatus: { open: N - 1_000, cleared: 2_000 } });
      const gone = await byFingerprint('rerun', 'rerun-999');
      expect(gone).toMatchObject({ status: 'cleared', clearedRun: second.runId, lastSeenRun: first.runId });
      expect(gone.events.map((e) => e.event)).toEqual(['created', 'cleared']);
      expect(await byFingerprint('rerun', 'rerun-1999')).toMatchObject({ status: 'cleared', clearedRun: run.id, lastSeenRun: second.runId });
      const kept = await byFingerprint('rerun', 'rerun-2000');
      expect(kept).toMatchObject({ status: 'open', firstSeenRun: first.runId, lastSeenRun: run.id });
      expect(kept.events.map((e) => e.event)).toEqual(['created', 'seen_again', 'seen_again']);
      console.info(`[store:${factory.name}] re-run of 20,000 hits (19,000 seen again, 1,000 new, 1,000 cleared): ${Math.round(ms)} ms`);
    });
  });

  describe(`workflow store: reopening (${factory.name})`, () => {
    it('opening twice runs the migrations once and keeps the data', async () => {
      const location = await factory.location();
      try {
        const first = await location.open();
        const runs = new RunRepository(first.db);
        const run = await runs.startRun(AS_OF);
        await new LeadRepository(first.db).applyModelRun({ runId: run.id, modelId: 'persist', modelVersion: 1, asOf: AS_OF, hits: inBatches([hit('a'), hit('b')]) });
        await first.close();

        const second = await location.open();
        try {
          const reopened = new LeadRepository(second.db);
          expect((await reopened.listLeads({ modelId: 'persist' })).map((l) => l.fingerprint)).toEqual(['a', 'b']);
          expect(await new RunRepository(second.db).getRun(run.id)).toMatchObject({ id: run.id, asOf: AS_OF });
          const run2 = await new RunRepository(second.db).startRun(AS_OF);
          expect(
            await reopened.applyModelRun({ runId: run2.id, modelId: 'persist', modelVersion: 1, asOf: AS_OF, hits: inBatches([hit('a')]) }),
          ).toEqual({ leads: 1, new: 0, seenAgain: 1, cleared: 1, reopened: 0 });
        } finally {
          await second.close();
        }
      } finally {
        await location.dispose();
      }
    });
  });
}
