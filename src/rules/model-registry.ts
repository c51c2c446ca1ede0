import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { JianduError } from '../shared/errors.js';
import type { ModelSpec } from './spec/model-spec.js';
import { parseModelSpec } from './spec/model-validator.js';

export interface ModelEntry {
  readonly spec: ModelSpec;
  readonly origin: 'builtin' | 'workspace';
  /** The model's folder (model.yaml, fixtures/, expected.yaml), or null for a single-file model. */
  readonly dir: string | null;
  readonly file: string;
  /** Inputs bound by hand to datasets of this workspace (`bindings.yaml` beside the model). */
  readonly bindings: Readonly<Record<string, string>>;
}

export const BINDINGS_FILE = 'bindings.yaml';

/**
 * The built-in library: one folder per model under src/library (shipped with the package; the
 * compiled code finds it from dist/ or src/ alike).
 */
export function libraryDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../src/library');
}

/** Workspace models: `<workspace>/models/<id>/model.yaml` (imported packages) or `<id>.yaml`. */
export function workspaceModelsDir(workspaceRoot: string): string {
  return path.join(workspaceRoot, 'models');
}

function loadFolder(root: string, origin: ModelEntry['origin']): ModelEntry[] {
  if (!existsSync(root)) return [];
  const out: ModelEntry[] = [];
  for (const name of readdirSync(root).sort()) {
    const full = path.join(root, name);
    const file = name.endsWith('.yaml') ? full : path.join(full, 'model.yaml');
    if (!existsSync(file)) continue;
    const dir = file === full ? null : full;
    const bindingsFile = dir ? path.join(dir, BINDINGS_FILE) : undefined;
    const bindings = bindingsFile && existsSync(bindingsFile) ? (parseYaml(readFileSync(bindingsFile, 'utf8')) as Record<string, string>) : {};
    out.push({ spec: parseModelSpec(readFileSync(file, 'utf8'), file), origin, dir, file, bindings });
  }
  return out;
}

/** Every model available in a workspace: the built-in library, then the workspace's own (which win on equal id). */
export function loadModels(workspaceRoot: string): ModelEntry[] {
  const byId = new Map<string, ModelEntry>();
  for (const m of [...loadFolder(libraryDir(), 'builtin'), ...loadFolder(workspaceModelsDir(workspaceRoot), 'workspace')]) byId.set(m.spec.id, m);
  return [...byId.values()];
}

export function selectModels(all: readonly ModelEntry[], ids: readonly string[]): ModelEntry[] {
  if (ids.length === 0) return [...all];
  return ids.map((id) => {
    const m = all.find((x) => x.spec.id === id);
    if (!m) throw new JianduError('not_found', `模型“${id}”不存在。可用模型：${all.map((x) => x.spec.id).join('、')}`, { id });
    return m;
  });
}

/** A model as `models list --json` and the API describe it. */
export function describeModel({ spec, origin }: ModelEntry): Record<string, unknown> {
  return {
    id: spec.id,
    name: spec.name,
    lineOfWork: spec.lineOfWork,
    version: spec.version,
    origin,
    description: spec.description,
    parameters: spec.parameters,
    legalBasis: spec.legalBasis,
    inputs: spec.inputs,
  };
}
