import path from 'node:path';
import { matchHeaders } from '../../catalog/catalog.js';
import type { DatasetKind, FieldSpec } from '../../catalog/dataset-kind.js';
import type { Cell, Rng, SynthRow } from '../scenario.js';
import { CsvStreamWriter } from './csv-writer.js';
import { renderValue, wgsToGcj, type ColumnStyle, type Rendered } from './messy-values.js';
import { XlsxStreamWriter } from './xlsx-writer.js';

export type AgencyFileFormat = 'xlsx' | 'csv-gbk' | 'csv-utf8' | 'csv-plain';

/** What the county writer records about each file it wrote (manifest.json). */
export interface AgencyFileRecord {
  readonly file: string;
  readonly kind: string;
  readonly agency: string;
  readonly format: AgencyFileFormat;
  /** Data rows written (broken lines not included). */
  rows: number;
  /** Deliberately broken lines (too many fields) the importer must quarantine. */
  brokenLines: number;
  /** Rows above the header (title, note) and below the data (合计, 填表人) the importer must skip. */
  nonDataRows: number;
}

/** Excel's limit is 1,048,576 rows a sheet; agencies split bigger exports into parts. */
export const XLSX_ROWS_PER_FILE = 1_000_000;

interface Column {
  readonly field: FieldSpec | null;
  readonly header: string;
  readonly style: ColumnStyle | null;
}

export interface AgencyFileOptions {
  readonly dir: string;
  readonly baseName: string;
  readonly kind: DatasetKind;
  readonly agency: string;
  readonly format: AgencyFileFormat;
  /** Decides headers, styles and per-value quirks for this file only. */
  readonly rng: Rng;
  /** Chance that a data row is followed by a broken line (CSV only). */
  readonly brokenLineRate: number;
}

const DATE_STYLES_TEXT: readonly ColumnStyle['date'][] = ['iso', 'slash', 'chinese', 'compact', 'dotted'];

/**
 * One agency's export of one dataset kind: its own choice of Chinese headers, its own date and
 * money habits, title and note rows above the header, a 合计 or 填表人 line below the data, and
 * in CSV a few broken lines (an address with an unquoted comma). Rows arrive canonical and
 * leave messy; XLSX exports roll over to a new part at Excel's row limit.
 */
export class AgencyFile {
  readonly records: AgencyFileRecord[] = [];
  private readonly columns: Column[];
  private readonly fieldNames: ReadonlySet<string>;
  private readonly coordGcj: boolean;
  private csv: CsvStreamWriter | null = null;
  private xlsx: XlsxStreamWriter | null = null;
  private current: AgencyFileRecord | null = null;

  constructor(private readonly options: AgencyFileOptions) {
    const { kind, rng, format } = options;
    const plain = format === 'csv-plain';
    this.coordGcj = !plain && kind.fields.some((f) => f.name === 'coord_system') && rng.chance(0.5);
    this.fieldNames = new Set(kind.fields.map((f) => f.name));
    this.columns = plain ? kind.fields.map((f) => ({ field: f, header: f.name, style: styleFor(f, format, rng, true) })) : this.chooseColumns();
  }

  private chooseColumns(): Column[] {
    const { kind, rng, format } = this.options;
    const columns: Column[] = [];
    if (rng.chance(0.5)) columns.push({ field: null, header: '序号', style: null });
    for (const field of kind.fields) {
      const style = styleFor(field, format, rng, false);
      const alias = field.aliases.length > 0 && rng.chance(0.8) ? rng.pick(field.aliases) : field.label;
      const header = style.type === 'money' && style.money === 'wan' ? `${alias.replace(/（[^）]*元）|\([^)]*元\)/g, '')}（万元）` : alias;
      columns.push({ field, header, style });
    }
    // An alias another field also claims (or the 序号 column's) falls back to the label.
    const matched = matchHeaders(kind, columns.map((c) => c.header));
    return columns.map((c, i) => {
      if (c.field === null || matched.mapping.get(i)?.name === c.field.name) return c;
      const header = c.style?.money === 'wan' ? `${c.field.label}（万元）` : c.field.label;
      return { ...c, header };
    });
  }

  write(row: SynthRow): void {
    for (const key in row) {
      if (!this.fieldNames.has(key)) throw new Error(`合成县：数据集类型“${this.options.kind.id}”没有字段“${key}”`);
    }
    if (!this.current || (this.xlsx && this.current.rows >= XLSX_ROWS_PER_FILE)) this.open();
    const record = this.current as AgencyFileRecord;
    record.rows++;
    const cells = this.columns.map((c) => (c.field === null ? record.rows : this.cell(c, row)));
    if (this.xlsx) this.xlsx.row(cells);
    else if (this.csv) {
      this.csv.row(cells.map((v) => (v === null ? '' : String(v))));
      if (this.options.brokenLineRate > 0 && this.options.rng.chance(this.options.brokenLineRate)) {
        // An address written with a bare comma: one field too many, so the line cannot be parsed.
        this.csv.line([...this.columns.map(() => ''), '毕节市,七星关区'].join(','));
        record.brokenLines++;
      }
    }
  }

  private cell(c: Column, row: SynthRow): Rendered {
    const field = c.field as FieldSpec;
    let value: Cell | undefined = row[field.name];
    if (field.name === 'coord_system') return this.coordGcj && typeof row.lat === 'number' ? 'GCJ-02' : null;
    if (this.coordGcj && (field.name === 'lat' || field.name === 'lng') && typeof row.lat === 'number' && typeof row.lng === 'number') {
      const [lng, lat] = wgsToGcj(row.lng, row.lat);
      value = field.name === 'lat' ? lat : lng;
    }
    return renderValue(value ?? null, c.style as ColumnStyle, this.options.rng);
  }

  private open(): void {
    this.closeCurrent();
    const { dir, baseName, format, kind, agency } = this.options;
    const part = this.records.length === 0 ? '' : `-${this.records.length + 1}`;
    const file = `${baseName}${part}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
    const full = path.join(dir, file);
    const record: AgencyFileRecord = { file, kind: kind.id, agency, format, rows: 0, brokenLines: 0, nonDataRows: 0 };
    const title = `${agency}${kind.name}台账`;
    const headers = this.columns.map((c) => c.header);
    if (format === 'xlsx') {
      this.xlsx = new XlsxStreamWriter(full, kind.name.slice(0, 31));
      this.xlsx.row([title]);
      this.xlsx.mergeLastRow(0, headers.length - 1);
      this.xlsx.row(['说明：本表由系统导出，金额单位为元（表头另有注明的除外）']);
      this.xlsx.row(headers);
      record.nonDataRows = 3;
    } else {
      this.csv = new CsvStreamWriter(full, format === 'csv-gbk' ? 'gbk' : format === 'csv-utf8' ? 'utf8-bom' : 'utf8');
      if (format !== 'csv-plain') {
        this.csv.row([title]);
        record.nonDataRows++;
      }
      this.csv.row(headers);
      record.nonDataRows++;
    }
    this.records.push(record);
    this.current = record;
  }

  private closeCurrent(): void {
    if (!this.current) return;
    if (this.xlsx) {
      this.xlsx.row(['填表人：张敏']);
      this.current.nonDataRows++;
      this.xlsx.close();
    }
    if (this.csv) this.csv.close();
    this.xlsx = null;
    this.csv = null;
  }

  close(): void {
    this.closeCurrent();
    this.current = null;
  }
}

function styleFor(field: FieldSpec, format: AgencyFileFormat, rng: Rng, plain: boolean): ColumnStyle {
  if (plain) return { type: field.type, date: 'iso', money: 'plain', fullWidthIds: 0, fifteenDigitIds: 0 };
  const dateStyles: readonly ColumnStyle['date'][] = format === 'xlsx' ? [...DATE_STYLES_TEXT, 'serial', 'serial'] : DATE_STYLES_TEXT;
  return {
    type: field.type,
    date: field.type === 'datetime' ? (rng.chance(0.5) ? 'slash' : 'iso') : rng.pick(dateStyles),
    money: rng.pick(['plain', 'plain', 'thousands', 'wan'] as const),
    fullWidthIds: rng.chance(0.5) ? 0.02 : 0,
    fifteenDigitIds: rng.chance(0.5) ? 0.05 : 0,
  };
}
