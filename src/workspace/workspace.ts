import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** The folder every command works in: warehouse, workflow store, quarantine files, exports. */
export interface Workspace {
  readonly root: string;
  /** The DuckDB warehouse file holding agency data. */
  readonly warehousePath: string;
  /** The PGlite data directory of the workflow store. */
  readonly workflowDir: string;
  /** One CSV per import batch with the rows that could not be parsed. */
  readonly quarantineDir: string;
  readonly exportsDir: string;
  /** Scratch space (transcoded files); emptied of our own files after each command. */
  readonly tmpDir: string;
}

export const DEFAULT_WORKSPACE = './jiandu-data';

/**
 * Resolves the workspace folder: the `--workspace` option wins, then `JIANDU_HOME`, then
 * `./jiandu-data`. Creates the folder and its sub-folders on first use.
 *
 * @example
 * const ws = openWorkspace({ workspace: process.env.JIANDU_HOME });
 * ws.warehousePath; // '/abs/jiandu-data/warehouse.duckdb'
 */
export function openWorkspace(options: { workspace?: string | undefined; env?: NodeJS.ProcessEnv } = {}): Workspace {
  const env = options.env ?? process.env;
  const root = path.resolve(options.workspace ?? env['JIANDU_HOME'] ?? DEFAULT_WORKSPACE);
  const ws: Workspace = {
    root,
    warehousePath: path.join(root, 'warehouse.duckdb'),
    workflowDir: path.join(root, 'workflow'),
    quarantineDir: path.join(root, 'quarantine'),
    exportsDir: path.join(root, 'exports'),
    tmpDir: path.join(root, 'tmp'),
  };
  for (const dir of [ws.root, ws.workflowDir, ws.quarantineDir, ws.exportsDir, ws.tmpDir]) {
    mkdirSync(dir, { recursive: true });
  }
  return ws;
}
