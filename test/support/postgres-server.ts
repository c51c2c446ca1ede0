import { describe, it } from 'vitest';

/** The PostgreSQL server the suite tests against; `.ci/run` always sets it. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

const REASON = 'TEST_DATABASE_URL is not set (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)';

/**
 * Stands in for a suite that needs a PostgreSQL server where none is configured: one skipped test
 * that says why, and a notice on the console. Only outside CI: `.ci/run` starts or installs a
 * server and sets TEST_DATABASE_URL, so CI always runs these suites.
 */
export function skippedWithoutPostgres(suite: string): void {
  console.warn(`${suite} skipped: ${REASON}`);
  describe(`${suite} — skipped: ${REASON}`, () => {
    // Skipped on purpose, and only here: no server is configured (REASON). CI sets TEST_DATABASE_URL.
    it.skip(`needs a PostgreSQL server: ${REASON}`, () => undefined);
  });
}
