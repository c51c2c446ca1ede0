import { hash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { JianduError } from '../shared/errors.js';
import { assertIsoDate } from './iso-date.js';
import type { ApplyResult, KnownContent, Lead, LeadCount, LeadEvent, LeadFilter, LeadHit, LeadWithEvents, RunHit } from './lead.js';
import { resolvePage } from './page.js';
import type { LeadEventsTable, LeadsTable, WorkflowSchema } from './workflow-schema.js';

export type { ApplyResult, EvidenceRef, LeadHit } from './lead.js';

export interface ApplyModelRunArgs {
  runId: number;
  modelId: string;
  modelVersion: number;
  /** The run's as-of date, 'YYYY-MM-DD'; must match the run's. */
  asOf: string;
  /**
   * The model's hits in batches (e.g. 10,000 each), in the order the model produced them; or a
   * function that makes them once it is told the content hashes of the model's open leads, so it
   * can hand over an unchanged lead by its hash alone (see {@link UnchangedHit}).
   */
  hits: AsyncIterable<readonly RunHit[]> | ((known: KnownContent) => AsyncIterable<readonly RunHit[]>);
}

/**
 * The per-transaction staging table the hits of one model run are bulk-loaded into. Temporary
 * tables are private to a session, and `ON COMMIT DROP` (or the rollback) removes it, so one name
 * serves every apply: PGlite runs one transaction at a time, and each pooled PostgreSQL
 * connection is its own session.
 */
const STAGING = sql.id('lead_hits_staging');

/** The per-transaction table of the fingerprints of open leads this run did not find (see {@link STAGING}). */
const GONE = sql.id('lead_gone');

/** In {@link KnownLeads}: this run has found the lead (the map's other values are content hashes). */
const FOUND = '';

/** Rows per statement when fingerprints are sent to {@link GONE}. */
const GONE_BATCH = 10_000;

/**
 * The open leads of a model at the running model version, fingerprint → content hash, as they were
 * when an apply began; a hit sets the entry of its fingerprint to {@link FOUND} (adding it if new).
 */
type KnownLeads = Map<string, string>;

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
  /**
   * @param options.knownLeadsPage about how many of a model's known leads an apply reads per round
   *   trip (default 500,000).
   */
  constructor(
    private readonly db: Kysely<WorkflowSchema>,
    private readonly options: { readonly knownLeadsPage?: number } = {},
  ) {}

  /**
   * Records one model run's hits and moves every lead of that model through its lifecycle, all in
   * one transaction on one connection: a failure (a bad hit, a database error, a throwing hit
   * source, a killed process) leaves the store exactly as it was before.
   *
   * 1. The model's open leads at this model version are read first, fingerprint and content hash
   *    (the hit's own `contentHash` when the run gave one — a digest DuckDB made of everything
   *    the lead is rendered from — else the md5 of the JSON of what a run writes into a lead).
   *    When `hits` is a function, it is handed those hashes, so the run can pass a lead it finds
   *    unchanged as an {@link UnchangedHit}, by its hash alone. A hit whose fingerprint and hash
   *    match a known lead, or an unchanged hit, is found again unchanged: it is counted and
   *    nothing of it is sent. Every other hit goes, in batches, as one text parameter split in
   *    SQL (see {@link stageRows}), into a staging table. Of hits with the same fingerprint the
   *    first one wins: each fingerprint taken is marked in the same map, later hits with it are
   *    skipped.
   * 2. Set-wise lifecycle, each statement writing its events by `INSERT … SELECT` from its own
   *    `RETURNING` (SQL committed in test/store/__snapshots__/lead-lifecycle.sql):
   *    - known fingerprint, changed → the lead takes the new subject, title, reason, severity,
   *      amount, evidence, explanation and model version, a cleared lead is open again, and it
   *      gets a `seen_again` event (`reopened` if it was cleared);
   *    - known fingerprint, unchanged → nothing is written: the row keeps its content, its last
   *      sighting is this model's last apply (`model_applies`, see {@link selectLeads}) and its
   *      history lists the sighting from the apply log (see {@link getLead});
   *    - unknown fingerprint → new open lead with a `created` event;
   *    - open lead of this model that no hit found → cleared, with `cleared_at = now()`,
   *      `cleared_run = runId`, its last sighting fixed, and a `cleared` event. Of the leads read
   *      in step 1 those are the ones no hit marked (their fingerprints are sent); of the others
   *      (another model version, no content hash yet) those not staged.
   *
   * Leads in statuses other than open and cleared (dismissed, in a case) take the new evidence
   * but keep their status.
   *
   * The transaction is open while `hits` is consumed, and on PGlite it holds the only connection:
   * the hit source must not use the workflow store itself (it reads the warehouse), or it waits
   * forever for the connection this call holds. Memory: the map of step 1 holds an entry per open
   * lead of the model and per new fingerprint (about 150 bytes each).
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
      await sql`CREATE TEMPORARY TABLE ${STAGING} (
        ord         bigint NOT NULL,
        fingerprint text COLLATE "C" NOT NULL,
        subject     json NOT NULL,
        title       text NOT NULL,
        reason      text NOT NULL,
        severity    text NOT NULL,
        amount      numeric(18, 2),
        evidence    json NOT NULL,
        explanation json,
        content_hash text NOT NULL
      ) ON COMMIT DROP`.execute(trx);

      const known = await readKnownLeads(trx, modelId, modelVersion, this.options.knownLeadsPage ?? KNOWN_PAGE);
      // Content hash → fingerprint, for the hits a run hands over by their hash alone.
      const byHash = new Map<string, string>();
      for (const [fingerprint, contentHash] of known) byHash.set(contentHash, fingerprint);
      const source = typeof hits === 'function' ? hits({ has: (contentHash) => byHash.has(contentHash) }) : hits;
      let ord = 0;
      let staged = 0;
      let unchanged = 0;
      for await (const batch of source) {
        const rows: StagingRow[] = [];
        for (const item of batch) {
          if ('unchanged' in item) {
            ord += 1;
            const fingerprint = byHash.get(item.contentHash);
            if (fingerprint === undefined) {
              throw new JianduError('invalid_argument', `模型 ${modelId} 的未变线索摘要 ${item.contentHash} 不属于任何在办线索`, { modelId, contentHash: item.contentHash });
            }
            if (known.get(fingerprint) === FOUND) continue; // a hit with this fingerprint came first
            known.set(fingerprint, FOUND);
            unchanged += 1;
            continue;
          }
          const hit = item;
          checkHit(modelId, hit);
          ord += 1;
          const stored = known.get(hit.fingerprint);
          if (stored === FOUND) continue; // a later hit with the fingerprint of one already taken
          known.set(hit.fingerprint, FOUND);
          let json: LeadJson | undefined;
          const contentHash = hit.contentHash ?? hash('md5', leadPayload(hit, (json = leadJson(hit))));
          if (stored === contentHash) {
            unchanged += 1;
            continue;
          }
          rows.push({ ord, contentHash, hit, json: json ?? leadJson(hit) });
        }
        if (rows.length > 0) await stageRows(trx, rows);
        staged += rows.length;
      }
      // Temporary tables are never auto-analysed; the joins below want real row counts (without
      // them the planner took the anti joins below for small nested loops). Only the columns
      // joined on: sampling the JSON payloads too took 0.6 s of a 200,000-lead first run.
      if (staged > 0) await sql`ANALYZE ${STAGING} (ord, fingerprint)`.execute(trx);

      const seen = await updateSeenAgain(trx, runId, modelId, modelVersion);
      const created = await insertNew(trx, runId, modelId, modelVersion);
      // Before clearMissing: it reads this model's open leads, which may all have just been inserted.
      await refreshLeadStatistics(trx, created, seen.seenAgain + unchanged);
      const cleared = await clearMissing(trx, runId, modelId, modelVersion, known);
      await sql`
        INSERT INTO model_applies (model_id, last_run, last_applied) VALUES (${modelId}, ${runId}, now())
        ON CONFLICT (model_id) DO UPDATE SET last_run = excluded.last_run, last_applied = excluded.last_applied`.execute(trx);
      await sql`
        INSERT INTO model_apply_log (model_id, run_id, applied_at) VALUES (${modelId}, ${runId}, now())
        ON CONFLICT (model_id, run_id) DO UPDATE SET applied_at = excluded.applied_at`.execute(trx);
      const seenAgain = seen.seenAgain + unchanged;
      return { leads: seenAgain + created, new: created, seenAgain, cleared, reopened: seen.reopened };
    });
  }

  /** Leads, oldest first, optionally of one model and in one status; 100 at a time by default. */
  async listLeads(filter: LeadFilter = {}): Promise<Lead[]> {
    const { limit, offset } = resolvePage(filter);
    let query = selectLeads(this.db);
    if (filter.modelId !== undefined) query = query.where('l.model_id', '=', filter.modelId);
    if (filter.status !== undefined) query = query.where('l.status', '=', filter.status);
    const rows = await query.orderBy('l.id').limit(limit).offset(offset).execute();
    return rows.map(toLead);
  }

  /** The subjects of a model's open leads (for comparing a run with a ground truth). */
  async openSubjects(modelId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.db.selectFrom('leads').select('subject').where('model_id', '=', modelId).where('status', '=', 'open').orderBy('id').execute();
    return rows.map((r) => r.subject);
  }

  /**
   * One lead with its history, or undefined. The history is the lead's stored events, its
   * `created` entry made from the lead itself (see {@link withCreation}), and, for every apply of
   * its model that found it open and unchanged (and so wrote nothing for it), a `seen_again`
   * sighting taken from the apply log — the same history as when each was a stored event (before
   * migration 0004; those stay as they were). Entries not stored have id null.
   */
  async getLead(id: number): Promise<LeadWithEvents | undefined> {
    const row = await selectLeads(this.db).where('l.id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const events = await this.db.selectFrom('lead_events').selectAll().where('lead_id', '=', id).orderBy('id').execute();
    const applies = await this.db
      .selectFrom('model_apply_log')
      .select(['run_id', 'applied_at'])
      .where('model_id', '=', row.model_id)
      .where('applied_at', '>=', row.first_seen_at)
      .orderBy('applied_at')
      .orderBy('id')
      .execute();
    const lead = toLead(row);
    return { ...lead, events: withSightings(id, withCreation(lead, events.map(toLeadEvent)), applies) };
  }

  /** The lead a model's fingerprint names, or undefined. */
  async findByFingerprint(modelId: string, fingerprint: string): Promise<Lead | undefined> {
    const row = await selectLeads(this.db).where('l.model_id', '=', modelId).where('l.fingerprint', '=', fingerprint).executeTakeFirst();
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

/** Known leads read per round trip by default. */
const KNOWN_PAGE = 500_000;

/**
 * The open leads of a model at this model version with their content hash (see {@link KnownLeads}),
 * as one text per round trip, a record per lead (ASCII RS between records, US between the two
 * fields): row by row, PGlite took 2 s to hand over 200,000 pairs; as JSON pairs
 * (`json_agg(json_build_array(…))`) 0.7–1.0 s, as this text 0.2 s plus the split. A field holding
 * a separator would change the record count or a record's field count; such a page is read again
 * as JSON. More than `pageSize` leads are read in as many parts, by a hash of the fingerprint
 * (each part scans the model's leads; ordered pages by fingerprint took 0.4–0.8 s per 50,000, in
 * random heap order).
 */
async function readKnownLeads(trx: Transaction<WorkflowSchema>, modelId: string, modelVersion: number, pageSize: number): Promise<KnownLeads> {
  const known: KnownLeads = new Map();
  const knowable = sql`l.model_id = ${modelId} AND l.status = 'open' AND l.model_version = ${modelVersion} AND l.content_hash IS NOT NULL`;
  const read = async (parts: number, part: number, limit: number): Promise<number> => {
    const leads = sql`SELECT l.fingerprint, l.content_hash FROM leads l
            WHERE ${knowable} AND (${parts} = 1 OR abs(hashtext(l.fingerprint) % ${parts}) = ${part})
            LIMIT ${limit}`;
    const { rows } = await sql<{ page: string | null; n: number }>`
      SELECT string_agg(p.fingerprint || chr(31) || p.content_hash, chr(30)) AS page, count(*)::float8 AS n FROM (${leads}) AS p`.execute(trx);
    const n = Number(rows[0]?.n ?? 0);
    const page = n === 0 ? [] : splitPairs(rows[0]?.page ?? '', n);
    if (page) {
      for (const [fingerprint, contentHash] of page) known.set(fingerprint, contentHash);
      return n;
    }
    const json = await sql<{ page: string | null }>`SELECT json_agg(json_build_array(p.fingerprint, p.content_hash))::text AS page FROM (${leads}) AS p`.execute(trx);
    const pairs = JSON.parse(json.rows[0]?.page ?? '[]') as [string, string][];
    for (const [fingerprint, contentHash] of pairs) known.set(fingerprint, contentHash);
    return pairs.length;
  };
  // Usually all in one: a model has fewer open leads than a page.
  if ((await read(1, 0, pageSize + 1)) <= pageSize) return known;
  known.clear();
  const { rows } = await sql<{ n: number }>`SELECT count(*)::float8 AS n FROM leads l WHERE ${knowable}`.execute(trx);
  const parts = Math.ceil(Number(rows[0]?.n ?? 0) / pageSize);
  for (let part = 0; part < parts; part++) await read(parts, part, Number.MAX_SAFE_INTEGER);
  return known;
}

/** The `n` pairs of a page of {@link readKnownLeads}, or null when a field held a separator. */
function splitPairs(page: string, n: number): [string, string][] | null {
  const records = page.split(RS);
  if (records.length !== n) return null;
  const pairs: [string, string][] = [];
  for (const record of records) {
    const at = record.indexOf(US);
    if (at < 0 || record.indexOf(US, at + 1) >= 0) return null;
    pairs.push([record.slice(0, at), record.slice(at + 1)]);
  }
  return pairs;
}

/** The JSON texts of a hit's structured parts, each made once (for its content hash and for staging). */
interface LeadJson {
  readonly subject: string;
  readonly evidence: string;
  readonly explanation: string;
}

/** A hit to stage, with its position in the run and its content hash. */
interface StagingRow {
  readonly ord: number;
  readonly contentHash: string;
  readonly hit: LeadHit;
  readonly json: LeadJson;
}

function leadJson(hit: LeadHit): LeadJson {
  return { subject: JSON.stringify(hit.subject), evidence: JSON.stringify(hit.evidence), explanation: JSON.stringify(hit.explanation ?? null) };
}

/**
 * The JSON of what a run writes into a lead (only the columns a lead keeps; a hit object may carry
 * more), whose md5 is the lead's content hash: the text `JSON.stringify` gives for the object
 * `{ fingerprint, subject, title, reason, severity, amount, evidence, explanation }`, made from
 * the parts' texts.
 */
function leadPayload(hit: LeadHit, json: LeadJson): string {
  return (
    `{"fingerprint":${JSON.stringify(hit.fingerprint)},"subject":${json.subject},"title":${JSON.stringify(hit.title)},` +
    `"reason":${JSON.stringify(hit.reason)},"severity":${JSON.stringify(hit.severity)},"amount":${JSON.stringify(hit.amount)},` +
    `"evidence":${json.evidence},"explanation":${json.explanation}}`
  );
}

/** Record and field separators of the staging text (ASCII RS and US); JSON texts never hold them raw. */
const RS = '\u001e';
const US = '\u001f';

/**
 * Stages hits in one round trip. Usually as one text parameter, a record per hit and a field per
 * column, split by `string_to_array` (measured on a PostgreSQL server, 200,000 leads: 1.17 s,
 * against 2.2–2.5 s unpacking the same as JSON by `json_to_recordset`, the way used when a title,
 * reason, fingerprint or content hash holds a separator character).
 */
async function stageRows(trx: Transaction<WorkflowSchema>, rows: readonly StagingRow[]): Promise<void> {
  const plain = (t: string): boolean => !t.includes(RS) && !t.includes(US);
  if (!rows.every(({ hit, contentHash }) => plain(hit.fingerprint) && plain(hit.title) && plain(hit.reason) && plain(contentHash))) {
    await stageAsJson(trx, rows);
    return;
  }
  const text = rows
    .map(({ ord, contentHash, hit, json }) =>
      [ord, hit.fingerprint, json.subject, hit.title, hit.reason, hit.severity, hit.amount ?? '', json.evidence, json.explanation, contentHash].join(US),
    )
    .join(RS);
  await sql`
    INSERT INTO ${STAGING} (ord, fingerprint, subject, title, reason, severity, amount, evidence, explanation, content_hash)
    SELECT f[1]::bigint, f[2], f[3]::json, f[4], f[5], f[6], nullif(f[7], '')::numeric, f[8]::json, nullif(f[9], 'null')::json, f[10]
    FROM unnest(string_to_array(${text}::text, chr(30))) AS r, string_to_array(r, chr(31)) AS f`.execute(trx);
}

/** {@link stageRows} as one JSON parameter unpacked by `json_to_recordset`, for any text. */
async function stageAsJson(trx: Transaction<WorkflowSchema>, rows: readonly StagingRow[]): Promise<void> {
  const doc = `[${rows.map(({ ord, contentHash, hit, json }) => `{"ord":${ord},"content_hash":${JSON.stringify(contentHash)},${leadPayload(hit, json).slice(1)}`).join(',')}]`;
  await sql`
    INSERT INTO ${STAGING} (ord, fingerprint, subject, title, reason, severity, amount, evidence, explanation, content_hash)
    SELECT h.ord, h.fingerprint, h.subject, h.title, h.reason, h.severity, h.amount, h.evidence, h.explanation, h.content_hash
    FROM json_to_recordset(${doc}::json) AS h(
      ord bigint, content_hash text, fingerprint text, subject json, title text, reason text, severity text, amount numeric,
      evidence json, explanation json)`.execute(trx);
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
                : hit.contentHash !== undefined && (typeof hit.contentHash !== 'string' || hit.contentHash === '')
                  ? '内容摘要无效'
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
        content_hash  = h.content_hash,
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
 * Inserts the unknown fingerprints as open leads, ids in the order the model produced the hits
 * (`ORDER BY h.ord`: dropping it measured within noise on 200,000 leads, so the promise is kept).
 * No event row: a lead's creation is its `first_seen_run` and `first_seen_at`, which its history
 * shows as the `created` entry (see {@link withCreation}). Writing 200,000 `created` rows took
 * 1.0–1.3 s of the 2.7–3.1 s this insert took with them on a PostgreSQL server.
 */
async function insertNew(trx: Transaction<WorkflowSchema>, runId: number, modelId: string, modelVersion: number): Promise<number> {
  const result = await sql`
    INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, status,
                       first_seen_run, last_seen_run, first_seen_at, last_seen_at, evidence, explanation, content_hash)
    SELECT h.fingerprint, ${modelId}, ${modelVersion}, h.subject, h.title, h.reason, h.severity, h.amount, 'open',
           ${runId}, ${runId}, now(), now(), h.evidence, h.explanation, h.content_hash
    FROM ${STAGING} h
    WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.model_id = ${modelId} AND l.fingerprint = h.fingerprint)
    ORDER BY h.ord`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

/** New leads below which the planner's statistics of `leads` are left as they are (autovacuum's base threshold). */
const ANALYZE_BASE_ROWS = 50;

/**
 * Refreshes the planner's statistics of `leads`, inside the run's transaction (ANALYZE counts the
 * transaction's own new rows), when a run inserted more than 50 leads and either more than a
 * tenth of the rows last counted (autovacuum's rule) or more than it found again — a model's
 * first run, or one that grew many times over. Statistics are per model (`model_id` values):
 * leads they do not know of are estimated at a handful, and a handful is planned with nested
 * loops. Measured: 2,400 leads found again were probed by 5.8 million comparisons (0.2 s)
 * instead of 2,400 index probes while `leads` had never been analysed (PGlite has no
 * autovacuum, and a server's comes late); a model's 20,000 first leads, unknown to statistics
 * taken before, made its next run take 16.6 s instead of 0.65 s on PostgreSQL; 200,000 first
 * leads anti-joined with 200,000 keys in `clearMissing` did not finish.
 */
async function refreshLeadStatistics(trx: Transaction<WorkflowSchema>, created: number, foundAgain: number): Promise<void> {
  if (created <= ANALYZE_BASE_ROWS) return;
  if (created <= foundAgain) {
    const { rows } = await sql<{ n: number }>`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'leads'::regclass`.execute(trx);
    if (created <= ANALYZE_BASE_ROWS + 0.1 * Number(rows[0]?.n ?? 0)) return;
  }
  // The columns the lifecycle's statements filter and join on; the wide JSON and text columns
  // are never in a condition (all columns: 0.78 s after 200,000 first leads).
  await sql`ANALYZE leads (model_id, fingerprint, status, model_version, content_hash)`.execute(trx);
}

/**
 * Clears the open leads of this model that this run did not find; the event keeps when they were
 * last seen. Not found: of the leads read before the hits (`known`), those no hit marked, whose
 * fingerprints are sent here; of the other open leads (another model version, no content hash),
 * those without a staged hit — the ones found were rewritten to this version already.
 */
async function clearMissing(trx: Transaction<WorkflowSchema>, runId: number, modelId: string, modelVersion: number, known: KnownLeads): Promise<number> {
  await sql`CREATE TEMPORARY TABLE ${GONE} (fingerprint text COLLATE "C" NOT NULL) ON COMMIT DROP`.execute(trx);
  let gone: string[] = [];
  const send = async (): Promise<void> => {
    await sql`INSERT INTO ${GONE} (fingerprint) SELECT f FROM json_array_elements_text(${JSON.stringify(gone)}::json) AS f`.execute(trx);
    gone = [];
  };
  for (const [fingerprint, state] of known) {
    if (state === FOUND) continue;
    gone.push(fingerprint);
    if (gone.length === GONE_BATCH) await send();
  }
  if (gone.length > 0) await send();
  const result = await sql`
    WITH gone AS (
      UPDATE leads AS l SET status = 'cleared', cleared_at = now(), cleared_run = ${runId},
        -- An open lead was seen by every apply of its model until now: fix its last sighting.
        last_seen_run = GREATEST(l.last_seen_run, (SELECT a.last_run FROM model_applies a WHERE a.model_id = ${modelId})),
        last_seen_at  = GREATEST(l.last_seen_at, (SELECT a.last_applied FROM model_applies a WHERE a.model_id = ${modelId}))
      WHERE l.model_id = ${modelId} AND l.status = 'open'
        AND (l.fingerprint IN (SELECT g.fingerprint FROM ${GONE} g)
             OR ((l.model_version <> ${modelVersion} OR l.content_hash IS NULL)
                 AND l.fingerprint NOT IN (SELECT s.fingerprint FROM ${STAGING} s)))
      RETURNING l.id, l.last_seen_run
    )
    INSERT INTO lead_events (lead_id, run_id, at, event, detail)
    SELECT id, ${runId}, now(), 'cleared', jsonb_build_object('lastSeenRun', last_seen_run) FROM gone`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Leads with their last sighting: an open lead was seen by every apply of its model since it was
 * last written (re-runs that find it unchanged do not rewrite it), so its last sighting is the
 * later of its own and its model's last apply; a cleared lead keeps the one fixed when it cleared.
 */
function selectLeads(db: Kysely<WorkflowSchema>) {
  return db
    .selectFrom('leads as l')
    .leftJoin('model_applies as a', 'a.model_id', 'l.model_id')
    .selectAll('l')
    .select([
      sql<number>`CASE WHEN l.status = 'open' THEN GREATEST(l.last_seen_run, a.last_run) ELSE l.last_seen_run END`.as('seen_run'),
      sql<Date>`CASE WHEN l.status = 'open' THEN GREATEST(l.last_seen_at, a.last_applied) ELSE l.last_seen_at END`.as('seen_at'),
    ]);
}

function toLead(row: Selectable<LeadsTable> & { seen_run: number; seen_at: Date }): Lead {
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
    lastSeenRun: row.seen_run,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.seen_at,
    clearedAt: row.cleared_at,
    clearedRun: row.cleared_run,
    evidence: row.evidence,
    explanation: row.explanation,
  };
}

/**
 * The lead's events with its `created` entry first: stored by runs before migration 0004, else
 * made from the lead's first sighting (`first_seen_run`, `first_seen_at`: the time of the apply
 * that created it, as every event of that apply carries).
 */
function withCreation(lead: Lead, events: readonly LeadEvent[]): LeadEvent[] {
  if (events.some((e) => e.event === 'created')) return [...events];
  return [{ id: null, leadId: lead.id, runId: lead.firstSeenRun, at: lead.firstSeenAt, event: 'created', detail: null }, ...events];
}

/**
 * A lead's stored events merged with its sightings: walking its model's applies in order, an apply
 * that wrote no event for the lead while it was open (created or reopened, not since cleared) saw
 * it unchanged. An apply's events carry its run and its transaction's time, which is the apply's
 * `applied_at`.
 */
function withSightings(leadId: number, events: readonly LeadEvent[], applies: readonly { run_id: number; applied_at: Date }[]): LeadEvent[] {
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id ?? 0) - (b.id ?? 0));
  const out: LeadEvent[] = [];
  let open = false;
  let next = 0;
  const take = (e: LeadEvent): void => {
    out.push(e);
    if (e.event === 'created' || e.event === 'reopened') open = true;
    else if (e.event === 'cleared') open = false;
  };
  for (const apply of applies) {
    const at = apply.applied_at.getTime();
    while (next < ordered.length && (ordered[next]?.at.getTime() ?? 0) < at) take(ordered[next++] as LeadEvent);
    let own = false;
    while (next < ordered.length && ordered[next]?.at.getTime() === at) {
      const e = ordered[next++] as LeadEvent;
      own ||= e.runId === apply.run_id;
      take(e);
    }
    if (!own && open) out.push({ id: null, leadId, runId: apply.run_id, at: apply.applied_at, event: 'seen_again', detail: null });
  }
  while (next < ordered.length) take(ordered[next++] as LeadEvent);
  return out;
}

function toLeadEvent(row: Selectable<LeadEventsTable>): LeadEvent {
  return { id: row.id, leadId: row.lead_id, runId: row.run_id, at: row.at, event: row.event, detail: row.detail };
}
