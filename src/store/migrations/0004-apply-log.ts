import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Every apply of a model's hits, one row each (`model_apply_log`), so that a lead found again
 * unchanged costs no row of its own: it was seen by every apply of its model while it was open,
 * and its history lists those sightings from this log (see `LeadRepository.getLead`). Before, each
 * such sighting was a `seen_again` row in `lead_events`: a model with 200,000 open leads run
 * daily added 73 million rows a year, and writing them was a quarter of a re-run's time.
 * Events stay for what changes a lead: its content rewritten (`seen_again`), cleared, reopened;
 * its creation is the lead's own `first_seen_run` and `first_seen_at` (no `created` row either,
 * since the same release). Applies before this migration are not in the log; their sightings and
 * creations are stored events.
 */
const UP: readonly string[] = [
  `CREATE TABLE model_apply_log (
    id         bigserial PRIMARY KEY,
    model_id   text COLLATE "C" NOT NULL,
    run_id     bigint NOT NULL,
    applied_at timestamptz NOT NULL,
    CONSTRAINT model_apply_log_model_run_key UNIQUE (model_id, run_id)
  )`,
];

const DOWN: readonly string[] = ['DROP TABLE model_apply_log'];

export const applyLog: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of UP) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of DOWN) await sql.raw(statement).execute(db);
  },
};
