import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { JianduError } from '../shared/errors.js';
import { assertIsoDate } from './iso-date.js';
import type { ApplyResult, Lead, LeadCount, LeadEvent, LeadFilter, LeadHit, LeadWithEvents } from './lead.js';
import { resolvePage } from './page.js';
import type { LeadEventsTable, LeadsTable, WorkflowSchema } from './workflow-schema.js';

export type { ApplyResult, EvidenceRef, LeadHit } from './lead.js';

export interface ApplyModelRunArgs {
  runId: number;
  modelId: string;
  modelVersion: number;
  /** The run's as-of date, 'YYYY-MM-DD'; must match the run's. */
  asOf: string;
  /** The model's hits in batches (e.g. 10,000 each), in the order the model produced them. */
  hits: AsyncIterable<readonly LeadHit[]>;
}

/**
 * The per-transaction staging table the hits of one model run are bulk-loaded into. Temporary
 * tables are private to a session, and `ON COMMIT DROP` (or the rollback) removes it, so one name
 * serves every apply: PGlite runs one transaction at a time, and each pooled PostgreSQL
 * connection is its own session.
 */
const STAGING = sql.id('lead_hits_staging');

/** First key of the transaction-level advisory lock that serialises applies of one model. */
const APPLY_LOCK_CLASS = sql.lit(0x4a44_4c45); // 'JDLE'

const SEVERITIES: ReadonlySet<string> = new Set(['high', 'medium', 'low']);

/**
 * Leads and their lifecycle across runs. Only this file reads or writes `leads` and
 * `lead_events`.
 *
 * @example
 * const leads = new LeadRepository(store.db);
 * const result = await leads.applyModelRun({ runId, modelId: 'unpaid-fees', modelVersion: 1, asOf: '2024-06-30', hits });
 * // { leads: 1200, new: 40, seenAgain: 1160, cleared: 12, reopened: 3 }
 */
export class LeadRepository {
  constructor(private readonly db: Kysely<WorkflowSchema>) {}

  /**
   * Records one model run's hits and moves every lead of that model through its lifecycle, all in
   * one transaction on one connection: a failure (a bad hit, a database error, a throwing hit
   * source, a killed process) leaves the store exactly as it was before.
   *
   * 1. Bulk load: each batch of hits is one `INSERT … SELECT FROM json_to_recordset($1)` into a
   *    temporary staging table without a key (maintaining one cost more than the rest of the
   *    load); then one `DELETE … USING` removes duplicate fingerprints (the first one wins).
   * 2. Set-wise lifecycle, three statements, each writing its events by `INSERT … SELECT` from
   *    its own `RETURNING` (SQL committed in test/store/__snapshots__/lead-lifecycle.sql):
   *    - known fingerprint → the lead takes the new subject, title, reason, severity, amount,
   *      evidence, explanation and model version, a cleared lead is open again, and it gets a
   *      `seen_again` event (`reopened` if it was cleared);
   *    - unknown fingerprint → new open lead with a `created` event;
   *    - open lead of this model whose fingerprint is not among the hits → cleared, with
   *      `cleared_at = now()`, `cleared_run = runId` and a `cleared` event.
   *
   * Leads in statuses other than open and cleared (dismissed, in a case) take the new evidence
   * but keep their status.
   *
   * The transaction is open while `hits` is consumed, and on PGlite it holds the only connection:
   * the hit source must not use the workflow store itself (it reads the warehouse), or it waits
   * forever for the connection this call holds.
   */
  async applyModelRun(args: ApplyModelRunArgs): Promise<ApplyResult> {
    const { runId, modelId, modelVersion, hits } = args;
    if (!Number.isSafeInteger(runId) || runId < 1) throw new JianduError('invalid_argument', `runId 无效：${runId}`, { runId });
    if (!modelId) throw new JianduError('invalid_argument', '模型编号不能为空', { modelId });
    if (!Number.isSafeInteger(modelVersion)) {
      throw new JianduError('invalid_argument', `模型版本无效：${modelVersion}`, { modelId, modelVersion });
    }
    const asOf = assertIsoDate(args.asOf, 'asOf');

    return this.db.transaction().execute(async (trx) => {
      // Two applies of one model must not interleave (on PostgreSQL; PGlite runs one at a time).
      await sql`SELECT pg_advisory_xact_lock(${APPLY_LOCK_CLASS}, hashtext(${modelId}))`.execute(trx);
      await checkRunIsOpen(trx, runId, asOf);
      // The sorts and hashes over a run's hits (hundreds of thousands) spill to disk at the 4 MB
      // default; this transaction only.
      await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
      // No key on the staging table: a B-tree over 200,000 random fingerprints cost PGlite about
      // 1.5 s to maintain. Duplicates are removed once, after loading (first one wins, by `ord`).
      await sql`CREATE TEMPORARY TABLE ${STAGING} (
        ord         bigint NOT NULL,
        fingerprint text NOT NULL,
        subject     jsonb NOT NULL,
        title       text NOT NULL,
        reason      text NOT NULL,
        severity    text NOT NULL,
        amount      numeric(18, 2),
        evidence    jsonb NOT NULL,
        explanation jsonb
      ) ON COMMIT DROP`.execute(trx);

      let staged = 0;
      for await (const batch of hits) {
        if (batch.length > 0) await stageBatch(trx, modelId, batch, staged);
        staged += batch.length;
      }
      await sql`DELETE FROM ${STAGING} AS s USING ${STAGING} AS t WHERE s.fingerprint = t.fingerprint AND s.ord > t.ord`.execute(trx);
      // Temporary tables are never auto-analysed; the joins below want real row counts.
      await sql`ANALYZE ${STAGING}`.execute(trx);

      const seen = await updateSeenAgain(trx, runId, modelId, modelVersion);
      const created = await insertNew(trx, runId, modelId, modelVersion);
      const cleared = await clearMissing(trx, runId, modelId);
      return { leads: seen.seenAgain + created, new: created, seenAgain: seen.seenAgain, cleared, reopened: seen.reopened };
    });
  }

  /** Leads, oldest first, optionally of one model and in one status; 100 at a time by default. */
  async listLeads(filter: LeadFilter = {}): Promise<Lead[]> {
    const { limit, offset } = resolvePage(filter);
    let query = this.db.selectFrom('leads').selectAll();
    if (filter.modelId !== undefined) query = query.where('model_id', '=', filter.modelId);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('id').limit(limit).offset(offset).execute();
    return rows.map(toLead);
  }

  /** The subjects of a model's open leads (for comparing a run with a ground truth). */
  async openSubjects(modelId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.db.selectFrom('leads').select('subject').where('model_id', '=', modelId).where('status', '=', 'open').orderBy('id').execute();
    return rows.map((r) => r.subject);
  }

  /** One lead with its history, or undefined. */
  async getLead(id: number): Promise<LeadWithEvents | undefined> {
    const row = await this.db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const events = await this.db.selectFrom('lead_events').selectAll().where('lead_id', '=', id).orderBy('id').execute();
    return { ...toLead(row), events: events.map(toLeadEvent) };
  }

  /** The lead a model's fingerprint names, or undefined. */
  async findByFingerprint(modelId: string, fingerprint: string): Promise<Lead | undefined> {
    const row = await this.db
      .selectFrom('leads')
      .selectAll()
      .where('model_id', '=', modelId)
      .where('fingerprint', '=', fingerprint)
      .executeTakeFirst();
    return row ? toLead(row) : undefined;
  }

  /** How many leads each model has, in total and per status; models in id order. */
  async countByModel(): Promise<LeadCount[]> {
    const rows = await this.db
      .selectFrom('leads')
      .select(['model_id', 'status', sql<number>`count(*)::int`.as('n')])
      .groupBy(['model_id', 'status'])
      .orderBy('model_id')
      .orderBy('status')
      .execute();
    const counts = new Map<string, LeadCount>();
    for (const row of rows) {
      let count = counts.get(row.model_id);
      if (!count) {
        count = { modelId: row.model_id, total: 0, byStatus: {} };
        counts.set(row.model_id, count);
      }
      count.total += row.n;
      count.byStatus[row.status] = row.n;
    }
    return [...counts.values()];
  }
}

async function checkRunIsOpen(trx: Transaction<WorkflowSchema>, runId: number, asOf: string): Promise<void> {
  // FOR SHARE: the run cannot be finished by another session while its leads are being applied.
  const run = await trx.selectFrom('runs').select(['as_of', 'status']).where('id', '=', runId).forShare().executeTakeFirst();
  if (!run) throw new JianduError('not_found', `运行 ${runId} 不存在`, { runId });
  if (run.status !== 'running') {
    throw new JianduError('invalid_argument', `运行 ${runId} 已结束（${run.status}），不能再写入线索`, { runId, status: run.status });
  }
  if (run.as_of !== asOf) {
    throw new JianduError('invalid_argument', `运行 ${runId} 的基准日是 ${run.as_of}，不是 ${asOf}`, { runId, asOf, runAsOf: run.as_of });
  }
}

/**
 * One statement per batch: the whole batch travels as ONE JSON parameter and is unpacked by
 * `json_to_recordset`, so PGlite and node-postgres bind it identically (a JS array of objects is
 * not bound the same way by both) and the server parses it with its JSON parser. Measured here on
 * 10,000 hits, this beats eight parallel `unnest($n::text[])` arrays, whose array literals are
 * escaped in JS and re-parsed element by element. Each row keeps its position in the run
 * (`offset` + its ordinality), by which the first of duplicate fingerprints is kept afterwards.
 */
async function stageBatch(trx: Transaction<WorkflowSchema>, modelId: string, batch: readonly LeadHit[], offset: number): Promise<void> {
  const rows = batch.map((hit) => {
    checkHit(modelId, hit);
    // Only the columns staged; a hit object may carry more.
    return {
      fingerprint: hit.fingerprint,
      subject: hit.subject,
      title: hit.title,
      reason: hit.reason,
      severity: hit.severity,
      amount: hit.amount,
      evidence: hit.evidence,
      explanation: hit.explanation ?? null,
    };
  });
  await sql`
    INSERT INTO ${STAGING} (ord, fingerprint, subject, title, reason, severity, amount, evidence, explanation)
    SELECT ${offset} + h.ord, h.fingerprint, h.subject, h.title, h.reason, h.severity, h.amount, h.evidence, h.explanation
    FROM ROWS FROM (json_to_recordset(${JSON.stringify(rows)}::json) AS (
           fingerprint text, subject jsonb, title text, reason text, severity text, amount numeric,
           evidence jsonb, explanation jsonb)) WITH ORDINALITY AS h(fingerprint, subject, title, reason, severity, amount,
           evidence, explanation, ord)`.execute(trx);
}

/** A hit the database would reject, or store wrongly, is a caller's bug: say which one. */
function checkHit(modelId: string, hit: LeadHit): void {
  const problem =
    typeof hit.fingerprint !== 'string' || hit.fingerprint === ''
      ? '指纹为空'
      : !SEVERITIES.has(hit.severity)
        ? `严重程度无效：${String(hit.severity)}`
        : hit.amount !== null && !Number.isFinite(hit.amount)
          ? `金额无效：${String(hit.amount)}`
          : typeof hit.title !== 'string' || typeof hit.reason !== 'string'
            ? '标题或理由不是文本'
            : hit.subject === null || typeof hit.subject !== 'object'
              ? '主体不是对象'
              : !Array.isArray(hit.evidence)
                ? '证据不是数组'
                : undefined;
  if (problem) {
    throw new JianduError('invalid_argument', `模型 ${modelId} 的线索 ${String(hit.fingerprint)} ${problem}`, {
      modelId,
      fingerprint: hit.fingerprint,
    });
  }
}

/**
 * Known fingerprints, in one statement: the lead takes this run's details (a cleared one is open
 * again), and gets a `seen_again` event, or `reopened` if it was cleared. `old` is the same lead
 * joined a second time: in an UPDATE, rows of the FROM list keep their values from before the
 * statement, which is how RETURNING can tell what the status was. (PostgreSQL 18's
 * `RETURNING old.*` would do; PGlite 0.5 is 18, but servers we support go back to 15.)
 */
async function updateSeenAgain(
  trx: Transaction<WorkflowSchema>,
  runId: number,
  modelId: string,
  modelVersion: number,
): Promise<{ seenAgain: number; reopened: number }> {
  const { rows } = await sql<{ seen_again: number; reopened: number }>`
    WITH seen AS (
      UPDATE leads AS l SET
        model_version = ${modelVersion},
        subject       = h.subject,
        title         = h.title,
        reason        = h.reason,
        severity      = h.severity,
        amount        = h.amount,
        evidence      = h.evidence,
        explanation   = h.explanation,
        last_seen_run = ${runId},
        last_seen_at  = now(),
        status        = CASE WHEN old.status = 'cleared' THEN 'open' ELSE old.status END,
        cleared_at    = CASE WHEN old.status = 'cleared' THEN NULL ELSE old.cleared_at END,
        cleared_run   = CASE WHEN old.status = 'cleared' THEN NULL ELSE old.cleared_run END
      FROM ${STAGING} h
      JOIN leads old ON old.model_id = ${modelId} AND old.fingerprint = h.fingerprint
      WHERE l.id = old.id
      RETURNING l.id, old.status AS old_status
    ),
    events AS (
      INSERT INTO lead_events (lead_id, run_id, at, event)
      SELECT id, ${runId}, now(), CASE WHEN old_status = 'cleared' THEN 'reopened' ELSE 'seen_again' END FROM seen
      RETURNING event
    )
    SELECT count(*)::int AS seen_again, (count(*) FILTER (WHERE event = 'reopened'))::int AS reopened FROM events`.execute(trx);
  const row = rows[0];
  return { seenAgain: row?.seen_again ?? 0, reopened: row?.reopened ?? 0 };
}

/**
 * Inserts the unknown fingerprints as open leads, each with a `created` event. No ORDER BY: ids
 * come out in staging (so, in practice, the model's) order, and sorting 200,000 wide rows to
 * promise it cost more than it is worth.
 */
async function insertNew(trx: Transaction<WorkflowSchema>, runId: number, modelId: string, modelVersion: number): Promise<number> {
  const result = await sql`
    WITH created AS (
      INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, status,
                         first_seen_run, last_seen_run, first_seen_at, last_seen_at, evidence, explanation)
      SELECT h.fingerprint, ${modelId}, ${modelVersion}, h.subject, h.title, h.reason, h.severity, h.amount, 'open',
             ${runId}, ${runId}, now(), now(), h.evidence, h.explanation
      FROM ${STAGING} h
      WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.model_id = ${modelId} AND l.fingerprint = h.fingerprint)
      ORDER BY h.ord
      RETURNING id
    )
    INSERT INTO lead_events (lead_id, run_id, at, event)
    SELECT id, ${runId}, now(), 'created' FROM created`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

/** Clears the open leads of this model that this run did not find; the event keeps when they were last seen. */
async function clearMissing(trx: Transaction<WorkflowSchema>, runId: number, modelId: string): Promise<number> {
  const result = await sql`
    WITH gone AS (
      UPDATE leads AS l SET status = 'cleared', cleared_at = now(), cleared_run = ${runId}
      WHERE l.model_id = ${modelId} AND l.status = 'open'
        AND NOT EXISTS (SELECT 1 FROM ${STAGING} h WHERE h.fingerprint = l.fingerprint)
      RETURNING l.id, l.last_seen_run
    )
    INSERT INTO lead_events (lead_id, run_id, at, event, detail)
    SELECT id, ${runId}, now(), 'cleared', jsonb_build_object('lastSeenRun', last_seen_run) FROM gone`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

function toLead(row: Selectable<LeadsTable>): Lead {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    modelId: row.model_id,
    modelVersion: row.model_version,
    subject: row.subject,
    title: row.title,
    reason: row.reason,
    severity: row.severity,
    amount: row.amount,
    status: row.status,
    firstSeenRun: row.first_seen_run,
    lastSeenRun: row.last_seen_run,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    clearedAt: row.cleared_at,
    clearedRun: row.cleared_run,
    evidence: row.evidence,
    explanation: row.explanation,
  };
}

function toLeadEvent(row: Selectable<LeadEventsTable>): LeadEvent {
  return { id: row.id, leadId: row.lead_id, runId: row.run_id, at: row.at, event: row.event, detail: row.detail };
}
