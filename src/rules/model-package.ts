import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { JianduError } from '../shared/errors.js';
import { BINDINGS_FILE, type ModelEntry } from './model-registry.js';
import { validateModelSpec } from './spec/model-validator.js';
import type { ModelSpec } from './spec/model-spec.js';

/**
 * A model package (一地创新、多地应用): one JSON file carrying a model, the fixtures that prove it
 * and the leads they must produce, so one office's model can be re-used on another's data.
 */
export interface ModelPackage {
  readonly format: 'jiandu-model-package';
  readonly formatVersion: 1;
  readonly model: ModelSpec;
  /** Fixture files by name (`<alias>.csv`), as UTF-8 text. */
  readonly fixtures: Readonly<Record<string, string>>;
  /** The expected leads of the fixtures (expected.yaml), if the model has them. */
  readonly expected: unknown;
}

export const FIXTURES_DIR = 'fixtures';
export const EXPECTED_FILE = 'expected.yaml';

export function exportModelPackage(entry: ModelEntry): ModelPackage {
  const fixtures: Record<string, string> = {};
  let expected: unknown = null;
  if (entry.dir) {
    const fx = path.join(entry.dir, FIXTURES_DIR);
    if (existsSync(fx)) for (const f of readdirSync(fx).sort()) fixtures[f] = readFileSync(path.join(fx, f), 'utf8');
    const ex = path.join(entry.dir, EXPECTED_FILE);
    if (existsSync(ex)) expected = parseYaml(readFileSync(ex, 'utf8')) as unknown;
  }
  return { format: 'jiandu-model-package', formatVersion: 1, model: entry.spec, fixtures, expected };
}

/**
 * Each `--map` key must name an input (`alias=dataset`) or a field an input uses
 * (`alias.field=column`); anything else is a typo that would silently bind nothing.
 */
function checkBindingKeys(spec: ModelSpec, bindings: Readonly<Record<string, string>>): void {
  const aliases = spec.inputs.map((i) => i.alias).join('、');
  for (const key of Object.keys(bindings)) {
    const dot = key.indexOf('.');
    const alias = dot < 0 ? key : key.slice(0, dot);
    const input = spec.inputs.find((i) => i.alias === alias);
    if (!input) throw new JianduError('invalid_argument', `--map 中的“${alias}”不是模型的输入。模型的输入：${aliases}`);
    const field = dot < 0 ? undefined : key.slice(dot + 1);
    if (field !== undefined && !input.fields.includes(field)) {
      throw new JianduError('invalid_argument', `--map 中的“${key}”：输入“${alias}”不使用字段“${field}”。它使用的字段：${input.fields.join('、')}`);
    }
  }
}

/**
 * Validates a package and writes it as a workspace model folder, with the bindings given by
 * `--map alias=dataset` and `--map alias.field=column`. Returns the folder written.
 */
export function installModelPackage(text: string, source: string, modelsDir: string, bindings: Readonly<Record<string, string>>): { dir: string; spec: ModelSpec } {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (cause) {
    throw new JianduError('invalid_argument', `模型包 ${source} 不是有效的 JSON`, { source }, { cause });
  }
  const pkg = raw as Partial<ModelPackage>;
  if (pkg.format !== 'jiandu-model-package' || pkg.formatVersion !== 1) {
    throw new JianduError('invalid_argument', `${source} 不是 Jiandu 模型包（format 应为 jiandu-model-package，formatVersion 1）`);
  }
  const spec = validateModelSpec(pkg.model, source);
  checkBindingKeys(spec, bindings);
  const dir = path.join(modelsDir, spec.id);
  mkdirSync(path.join(dir, FIXTURES_DIR), { recursive: true });
  writeFileSync(path.join(dir, 'model.yaml'), stringifyYaml(spec));
  for (const [name, content] of Object.entries(pkg.fixtures ?? {})) {
    if (!/^[\p{L}\p{N}_.-]+$/u.test(name) || name.startsWith('.')) throw new JianduError('invalid_argument', `模型包中的样例文件名不合法：${name}`);
    writeFileSync(path.join(dir, FIXTURES_DIR, name), content);
  }
  if (pkg.expected != null) writeFileSync(path.join(dir, EXPECTED_FILE), stringifyYaml(pkg.expected));
  if (Object.keys(bindings).length > 0) writeFileSync(path.join(dir, BINDINGS_FILE), stringifyYaml(bindings));
  return { dir, spec };
}
