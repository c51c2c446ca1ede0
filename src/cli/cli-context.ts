import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { Warehouse } from '../warehouse/warehouse.js';
import { openWorkflowDb, type WorkflowDb } from '../store/index.js';

export interface GlobalOptions {
  readonly workspace?: string | undefined;
}

/** Opens a workspace's warehouse for a command, saying on stderr what it repaired after an interrupted write. */
export async function openWarehouse(ws: Workspace): Promise<Warehouse> {
  const wh = await Warehouse.open(ws.warehousePath);
  for (const t of wh.recovered) {
    process.stderr.write(`注意：上次写入数据仓库时进程被中断；已清除数据集“${t.dataset}”中未提交的 ${t.rowsRemoved} 行，数据恢复到中断前的状态。\n`);
  }
  return wh;
}

/** Opens the workspace and its warehouse for one command, and closes the warehouse after. */
export async function withWarehouse<T>(global: GlobalOptions, fn: (wh: Warehouse, ws: Workspace) => Promise<T>): Promise<T> {
  const ws = openWorkspace({ workspace: global.workspace });
  const wh = await openWarehouse(ws);
  try {
    return await fn(wh, ws);
  } finally {
    wh.close();
  }
}

/** Opens the warehouse and the workflow store (PGlite in the workspace, or DATABASE_URL). */
export async function withStores<T>(global: GlobalOptions, fn: (wh: Warehouse, store: WorkflowDb, ws: Workspace) => Promise<T>): Promise<T> {
  return withWarehouse(global, async (wh, ws) => {
    const store = await openWorkflowDb({ workflowDir: ws.workflowDir, databaseUrl: process.env['DATABASE_URL'] });
    try {
      return await fn(wh, store, ws);
    } finally {
      await store.close();
    }
  });
}

/** Prints a value as one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
