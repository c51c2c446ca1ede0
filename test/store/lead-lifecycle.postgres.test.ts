import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openScratchPostgresWorkflowDb, openWorkflowDb } from '../../src/store/index.js';
import { leadLifecycleSuite } from './lead-lifecycle.case.js';
import { TEST_DATABASE_URL, skippedWithoutPostgres } from '../support/postgres-server.js';

const url = TEST_DATABASE_URL;

if (url) {
  leadLifecycleSuite({
    name: 'postgres',
    // Each store lives in its own schema, so test files in parallel never collide.
    open: (log) => openScratchPostgresWorkflowDb(url, { log }),
    location: async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await adminQuery(url, `CREATE SCHEMA ${schema}`);
      // The real entrance, pointed at the schema through the connection string's `options`.
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      return {
        open: () => openWorkflowDb({ workflowDir: '', databaseUrl: scoped.toString() }),
        dispose: () => adminQuery(url, `DROP SCHEMA ${schema} CASCADE`),
      };
    },
  });
} else {
  skippedWithoutPostgres('workflow store: lead lifecycle (postgres)');
}

async function adminQuery(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
