import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { Warehouse } from '../warehouse/warehouse.js';

export interface GlobalOptions {
  readonly workspace?: string | undefined;
}

/** Opens the workspace and its warehouse for one command, and closes the warehouse after. */
export async function withWarehouse<T>(global: GlobalOptions, fn: (wh: Warehouse, ws: Workspace) => Promise<T>): Promise<T> {
  const ws = openWorkspace({ workspace: global.workspace });
  const wh = await Warehouse.open(ws.warehousePath);
  try {
    return await fn(wh, ws);
  } finally {
    wh.close();
  }
}

/** Prints a value as one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
