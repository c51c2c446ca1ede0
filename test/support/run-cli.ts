import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/jiandu.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `jiandu` command (dist/, built by `npm test` before the suite) in a workspace. */
export function runCli(args: readonly string[], workspace: string, env: Readonly<Record<string, string>> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env, JIANDU_HOME: workspace } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `jiandu` without waiting, for tests that interrupt it. */
export function startCli(args: readonly string[], workspace: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, JIANDU_HOME: workspace }, stdio: ['ignore', 'pipe', 'pipe'] });
}
