import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { JianduError } from '../../shared/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { nameColumns } from '../header-locator.js';
import type { StagedSource } from '../staged-source.js';
import { StageWriter } from './stage-writer.js';

export interface JsonStageOptions {
  readonly onProgress?: ((fraction: number, phase: string) => void) | undefined;
}

type JsonRecord = Record<string, unknown>;

/** A JSON value as cell text: nested objects and arrays keep their JSON form. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Stages a JSON array of objects, or NDJSON (one object per line). Keys become columns in order
 * of first appearance. An NDJSON line that is not a JSON object is quarantined with its line
 * number; a JSON array that does not parse is refused as a whole, with the parser's message.
 */
export async function stageJsonFile(wh: Warehouse, file: string, options: JsonStageOptions): Promise<StagedSource> {
  const head = await firstChar(file);
  return head === '[' ? stageArray(wh, file) : stageNdjson(wh, file, options);
}

async function firstChar(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0] ?? '';
  } finally {
    await handle.close();
  }
}

async function stageArray(wh: Warehouse, file: string): Promise<StagedSource> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new JianduError('unreadable_file', `JSON 文件无法解析：${path.basename(file)}：${cause instanceof Error ? cause.message : String(cause)}`, { file }, { cause });
  }
  if (!Array.isArray(parsed)) throw new JianduError('unreadable_file', 'JSON 文件应为对象数组', { file });
  const keys = collectKeys(parsed.filter(isRecord));
  const writer = await StageWriter.create(wh, keys.length);
  parsed.forEach((item: unknown, i) => {
    if (isRecord(item)) writer.append(null, keys.map((k) => cellText(item[k])));
    else writer.reject(null, `第 ${i + 1} 个元素不是对象`, JSON.stringify(item) ?? String(item));
  });
  await writer.finish(wh);
  return staged(keys, []);
}

async function stageNdjson(wh: Warehouse, file: string, options: JsonStageOptions): Promise<StagedSource> {
  const size = (await stat(file)).size;
  const keys = new Set<string>();
  for await (const { value } of ndjsonLines(file)) if (isRecord(value)) for (const k of Object.keys(value)) keys.add(k);
  const columns = [...keys];
  const writer = await StageWriter.create(wh, columns.length);
  let bytes = 0;
  for await (const { line, text, value, error } of ndjsonLines(file)) {
    bytes += Buffer.byteLength(text) + 1;
    if (line % 10_000 === 0) options.onProgress?.(bytes / size, '读取 JSON');
    if (error) writer.reject(line, `JSON 解析失败：${error}`, text);
    else if (!isRecord(value)) writer.reject(line, '该行不是 JSON 对象', text);
    else writer.append(line, columns.map((k) => cellText(value[k])));
  }
  await writer.finish(wh);
  return staged(columns, []);
}

async function* ndjsonLines(file: string): AsyncGenerator<{ line: number; text: string; value?: unknown; error?: string }> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    try {
      yield { line, text, value: JSON.parse(text) as unknown };
    } catch (cause) {
      yield { line, text, error: cause instanceof Error ? cause.message : String(cause) };
    }
  }
}

function collectKeys(records: readonly JsonRecord[]): string[] {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) keys.add(k);
  return [...keys];
}

function staged(keys: readonly string[], warnings: string[]): StagedSource {
  return {
    format: 'json',
    encoding: 'utf-8',
    sheet: null,
    headers: nameColumns(keys, keys.length),
    preamble: [],
    warnings,
  };
}
