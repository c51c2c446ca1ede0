import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { openWorkspace, type Workspace } from '../../src/workspace/workspace.js';

/** A fresh workspace in the system temp folder, with its warehouse open. */
export async function tempWorkspace(): Promise<{ ws: Workspace; wh: Warehouse; dir: string; dispose: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-test-'));
  const ws = openWorkspace({ workspace: path.join(dir, 'ws') });
  const wh = await Warehouse.open(ws.warehousePath);
  return {
    ws,
    wh,
    dir,
    dispose: () => {
      wh.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
