import { buildingBlockSuite } from './building-blocks.case.js';
import { postgresEngine } from './support/dialect-harness.js';
import { TEST_DATABASE_URL, skippedWithoutPostgres } from '../support/postgres-server.js';

const url = TEST_DATABASE_URL;

if (url) buildingBlockSuite('postgres', (fx) => postgresEngine(fx, url));
else skippedWithoutPostgres('model compiler building blocks on postgres');
