import { buildingBlockSuite } from './building-blocks.case.js';
import { pgliteEngine } from './support/dialect-harness.js';

buildingBlockSuite('pglite', pgliteEngine);
