import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Re-runs that find a lead unchanged no longer rewrite it:
 * - `leads.content_hash` (md5 of what a run writes into the lead: subject, title, reason,
 *   severity, amount, evidence, explanation) tells an unchanged hit from a changed one before its
 *   payload is even sent; rows from before this migration have none and are rewritten once;
 * - `model_applies` keeps, per model, the last run that applied it. Every lead still open after an
 *   apply was seen by it (the others were cleared), so an open lead's last sighting is that run
 *   (or its own `last_seen_*`, if later); cleared leads keep theirs. Measured on 200,000 leads
 *   found again unchanged in PGlite, the rewrite of each row for `last_seen_*` was most of the
 *   re-run's time.
 */
const UP: readonly string[] = [
  'ALTER TABLE leads ADD COLUMN content_hash text',
  `CREATE TABLE model_applies (
    model_id     text PRIMARY KEY,
    last_run     bigint NOT NULL,
    last_applied timestamptz NOT NULL
  )`,
];

const DOWN: readonly string[] = ['DROP TABLE model_applies', 'ALTER TABLE leads DROP COLUMN content_hash'];

export const unchangedLeads: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of UP) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of DOWN) await sql.raw(statement).execute(db);
  },
};
