import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openMemoryWorkflowDb, openWorkflowDb } from '../../src/store/index.js';
import { leadLifecycleSuite } from './lead-lifecycle.case.js';

// The embedded default: always runs. The suite uses one in-memory PGlite; reopening uses a
// file-backed one in a temporary directory.
leadLifecycleSuite({
  name: 'pglite',
  open: (log) => openMemoryWorkflowDb({ log }),
  location: () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-workflow-'));
    return Promise.resolve({
      open: () => openWorkflowDb({ workflowDir: dir }),
      dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    });
  },
});
