import type { SemanticType } from '../catalog/semantic-type.js';
import { columnStorage } from './column-storage.js';
import { JianduError } from '../shared/errors.js';
import { quoteIdent, type Warehouse } from './warehouse.js';

export interface DatasetField {
  readonly name: string;
  readonly label: string;
  readonly type: SemanticType;
  readonly position: number;
  readonly required: boolean;
}

export interface DatasetRecord {
  readonly name: string;
  readonly kind: string | null;
  /** When the dataset was created, UTC: 'YYYY-MM-DDTHH:MM:SSZ'. */
  readonly createdAt: string;
  readonly nextRowId: number;
  readonly fields: readonly DatasetField[];
}

/** Columns every dataset table has, before its fields. */
export const SYSTEM_COLUMNS = ['_row_id', '_batch_id', '_row_no', '_line'] as const;

/** Dataset names become table names (quoted): letters, digits, underscores; Chinese allowed. */
const DATASET_NAME = /^[\p{L}][\p{L}\p{N}_]{0,62}$/u;

export function assertDatasetName(name: string): void {
  if (!DATASET_NAME.test(name)) {
    throw new JianduError('invalid_argument', `数据集名称“${name}”不合法：须以文字开头，只含文字、数字和下划线，最长 63 个字符`, { name });
  }
}

/** The warehouse table of a dataset. */
export function datasetTable(name: string): string {
  return `data.${quoteIdent(name)}`;
}

/**
 * The column beside a field that keeps its source text where that differs from the normalised
 * value's text (`' 张三 '`, `'2023年5月1日'`, an invalid ID number); NULL where the text was
 * already the value (`'张三'`, `'2023-05-01'`) or empty. Nothing is lost: {@link rawTextSql}
 * gives every cell's source text back. Storing each clean cell once made a million-row import
 * about a sixth faster.
 */
export function rawColumn(field: string): string {
  return `${field}__raw`;
}

/** SQL for a field's source text, as the agency wrote it (see {@link rawColumn}). */
export function rawTextSql(field: string, table?: string): string {
  const q = (c: string): string => (table ? `${table}.${quoteIdent(c)}` : quoteIdent(c));
  return `coalesce(${q(rawColumn(field))}, CAST(${q(field)} AS VARCHAR))`;
}

/**
 * SQL counting a field's invalid values: raw text present, normalised value missing. CASE trims
 * only the raw text of rows whose value failed (a FILTER with trim() costs about five times more).
 */
export function invalidCountSql(field: string): string {
  const raw = quoteIdent(rawColumn(field));
  return `sum(CASE WHEN ${quoteIdent(field)} IS NULL AND ${raw} IS NOT NULL THEN (trim(${raw}) <> '')::INTEGER ELSE 0 END)`;
}

/** Datasets and their fields in the warehouse catalogue. Only this file writes `jiandu.datasets`. */
export class DatasetRepository {
  constructor(private readonly wh: Warehouse) {}

  async list(): Promise<DatasetRecord[]> {
    const rows = await this.wh.all<{ name: string }>('SELECT name FROM jiandu.datasets ORDER BY name');
    const out: DatasetRecord[] = [];
    for (const r of rows) {
      const d = await this.find(r.name);
      if (d) out.push(d);
    }
    return out;
  }

  async find(name: string): Promise<DatasetRecord | undefined> {
    const row = await this.wh.one<{ name: string; kind: string | null; created_at: string; next_row_id: number }>(
      'SELECT name, kind, strftime(created_at, \'%Y-%m-%dT%H:%M:%SZ\') AS created_at, next_row_id::DOUBLE AS next_row_id FROM jiandu.datasets WHERE name = $1',
      [name],
    );
    if (!row) return undefined;
    const fields = await this.wh.all<DatasetField>(
      'SELECT name, label, type, position, required FROM jiandu.dataset_fields WHERE dataset = $1 ORDER BY position',
      [name],
    );
    return { name: row.name, kind: row.kind, createdAt: row.created_at, nextRowId: row.next_row_id, fields };
  }

  async get(name: string): Promise<DatasetRecord> {
    const d = await this.find(name);
    if (!d) throw new JianduError('not_found', `数据集“${name}”不存在`, { name });
    return d;
  }

  /** Creates the dataset (catalogue row and table) when it does not exist yet. */
  async ensure(name: string, kind: string | null): Promise<DatasetRecord> {
    assertDatasetName(name);
    const existing = await this.find(name);
    if (existing) {
      if (kind && existing.kind !== kind) {
        throw new JianduError('invalid_argument', `数据集“${name}”已存在，类型为“${existing.kind ?? '自定义'}”，不能以“${kind}”导入`, { name });
      }
      return existing;
    }
    await this.wh.run("INSERT INTO jiandu.datasets VALUES ($1, $2, timezone('UTC', now()), 1)", [name, kind]);
    await this.wh.run(
      `CREATE TABLE ${datasetTable(name)} (_row_id BIGINT NOT NULL, _batch_id INTEGER NOT NULL, _row_no BIGINT NOT NULL, _line BIGINT)`,
    );
    return this.get(name);
  }

  /**
   * Adds the fields the dataset does not have yet (a normalised column and its raw text column
   * each; identifier columns stored uncompressed, see column-storage.ts).
   */
  async addFields(name: string, fields: readonly Omit<DatasetField, 'position'>[], columnType: (t: SemanticType) => string): Promise<void> {
    const current = await this.get(name);
    let position = current.fields.length;
    const have = new Set(current.fields.map((f) => f.name));
    for (const f of fields) {
      if (have.has(f.name)) continue;
      have.add(f.name);
      await this.wh.run(`ALTER TABLE ${datasetTable(name)} ADD COLUMN ${quoteIdent(f.name)} ${columnType(f.type)}${columnStorage(f.type)}`);
      await this.wh.run(`ALTER TABLE ${datasetTable(name)} ADD COLUMN ${quoteIdent(rawColumn(f.name))} VARCHAR`);
      await this.wh.run('INSERT INTO jiandu.dataset_fields VALUES ($1, $2, $3, $4, $5, $6)', [name, f.name, f.label, f.type, position++, f.required]);
    }
  }

  async advanceRowIds(name: string, count: number): Promise<void> {
    await this.wh.run('UPDATE jiandu.datasets SET next_row_id = next_row_id + $2 WHERE name = $1', [name, count]);
  }

  async rowCount(name: string): Promise<number> {
    const r = await this.wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${datasetTable(name)}`);
    return r?.n ?? 0;
  }

  /** Per field: fill rate (normalised value present) and invalid count (raw text present, normalised value missing). */
  async fieldStats(name: string): Promise<{ field: string; filled: number; invalid: number }[]> {
    const d = await this.get(name);
    if (d.fields.length === 0) return [];
    const parts = d.fields.map(
      (f, i) =>
        `count(${quoteIdent(f.name)})::DOUBLE AS f${i}, coalesce(${invalidCountSql(f.name)}, 0)::DOUBLE AS i${i}`,
    );
    const row = await this.wh.one<Record<string, number>>(`SELECT ${parts.join(', ')} FROM ${datasetTable(name)}`);
    return d.fields.map((f, i) => ({ field: f.name, filled: row?.[`f${i}`] ?? 0, invalid: row?.[`i${i}`] ?? 0 }));
  }
}
