import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { getKind, listKinds, inferFieldFromHeader, parseHeader } from '../catalog/index.js';
import type { DatasetKind } from '../catalog/dataset-kind.js';
import { displayTimeInMessage } from '../shared/display-time.js';
import { JianduError } from '../shared/errors.js';
import { scanFile } from './file-scan.js';
import type { LineProfile } from './line-scanner.js';
import type { Workspace } from '../workspace/workspace.js';
import { BatchRepository } from '../warehouse/batch.repository.js';
import { DatasetRepository, datasetTable, invalidCountSql, rawColumn, type DatasetRecord } from '../warehouse/dataset.repository.js';
import { quoteIdent, sqlLiteral, type Warehouse } from '../warehouse/warehouse.js';
import { planColumns, type ColumnPlan, type MapOverride } from './column-plan.js';
import type { TextEncoding } from './encoding-detector.js';
import { detectFileFormat } from './file-format.js';
import type { ImportReport } from './import-report.js';
import { columnTypeFor, normalizedExpression } from './normalized-expression.js';
import { stageDelimitedFile } from './readers/csv-stager.js';
import { stageJsonFile } from './readers/json-stager.js';
import { stageXlsxFile } from './readers/xlsx-stager.js';
import { buildRowClassifier } from './row-classifier.js';
import { STAGE_REJECTS_TABLE, STAGE_TABLE, stageColumn, type SkipReason, type SkippedRow, type StagedSource } from './staged-source.js';
import { inferTypesFromValues } from './value-inference.js';

export interface ImportOptions {
  readonly file: string;
  readonly dataset: string;
  readonly kind?: string | undefined;
  readonly sheet?: string | number | undefined;
  readonly encoding?: TextEncoding | undefined;
  readonly map?: readonly MapOverride[] | undefined;
  readonly agency?: string | undefined;
  readonly force?: boolean | undefined;
  /** Called with a fraction in 0..1 (or -1 when unknown) and the current phase, in Chinese. */
  readonly onProgress?: ((fraction: number, phase: string) => void) | undefined;
}

/** The most non-data rows listed one by one in a report; beyond that they are counted in a warning. */
const MAX_LISTED_SKIPPED = 10_000;

/** The staged rows that are not data, with their reason and text (see markSkippedRows). */
const SKIPPED_TABLE = 'jd_stage_skipped';

/** Staged rows from which the choice of per-distinct-value columns is made on a 10 % sample. */
const SAMPLED_FROM = 200_000;

/**
 * Imports one agency file into a dataset as one batch. The file is staged by the reader for its
 * format, each column is mapped to a field and normalised by its semantic type inside DuckDB, rows
 * that cannot be parsed go to the batch's quarantine file, and rows, batch record and dataset
 * schema changes are committed in one transaction: a failed or killed import leaves the warehouse
 * as it was.
 *
 * @example
 * const report = await new ImportService(wh, ws).import({ file: '许可.csv', dataset: 'tobacco', kind: 'tobacco_retailer' });
 */
export class ImportService {
  private readonly datasets: DatasetRepository;
  private readonly batches: BatchRepository;

  constructor(
    private readonly wh: Warehouse,
    private readonly ws: Workspace,
  ) {
    this.datasets = new DatasetRepository(wh);
    this.batches = new BatchRepository(wh);
  }

  async import(options: ImportOptions): Promise<ImportReport> {
    const started = Date.now();
    const file = path.resolve(options.file);
    const fileStat = await stat(file).catch((cause: unknown) => {
      throw new JianduError('unreadable_file', `无法读取文件：${options.file}`, { file }, { cause });
    });
    if (!fileStat.isFile()) throw new JianduError('unreadable_file', `不是文件：${options.file}`, { file });
    const kind = this.resolveKind(options.kind);
    const existing = await this.datasets.find(options.dataset);
    if (existing && kind && existing.kind !== kind.id) {
      throw new JianduError('invalid_argument', `数据集“${options.dataset}”的类型是“${existing.kind ?? '自定义'}”，不能按“${kind.id}”导入`, {});
    }
    const datasetKind = kind ?? (existing?.kind ? getKind(existing.kind) : undefined);
    // The file is hashed while it is staged. Only a file of the same byte size as an earlier
    // batch of this dataset can be the same file: then the hash is awaited first, so a duplicate
    // is refused before any work.
    // The same read gives a delimited file's line profile, from which the stage learns each
    // accepted record's source line.
    const format = detectFileFormat(file);
    const scanning = scanFile(file, { lines: format === 'csv' });
    scanning.catch(() => undefined);
    const hashing = scanning.then((scan) => scan.sha256);
    hashing.catch(() => undefined);
    const sameSize = existing ? await this.batches.anyOfSize(options.dataset, fileStat.size) : false;
    const previous = sameSize ? await this.batches.findSameFile(options.dataset, await hashing) : undefined;
    if (previous && !options.force) {
      throw new JianduError(
        'duplicate_import',
        `同一文件（SHA-256 相同）已于 ${displayTimeInMessage(previous.importedAt)} 导入数据集“${options.dataset}”，批次 ${previous.batchId}。如确需再次导入，请加 --force`,
        { batchId: previous.batchId },
      );
    }

    const progress = options.onProgress;
    // A failed read surfaces through the hash below; the lines are then only unknown.
    const staged = await this.stage(format, file, options, scanning.then((scan) => scan.lines, () => null));
    const sha256 = await hashing;
    const warnings = [...staged.warnings];
    if (previous) warnings.push(`同一文件已于批次 ${previous.batchId} 导入，本次按 --force 再次导入`);

    const { planned, pending } = planColumns({
      headers: staged.headers,
      kind: datasetKind,
      overrides: options.map ?? [],
      existing: existing?.fields ?? [],
    });
    const inferred = await inferTypesFromValues(this.wh, pending);
    const columns = [...planned, ...inferred].sort((a, b) => a.index - b.index);
    const emptyUnnamed = await this.emptyUnnamedColumns(columns);
    const kept = columns.filter((c) => !emptyUnnamed.has(c.index));
    if (emptyUnnamed.size > 0) warnings.push(`忽略了 ${emptyUnnamed.size} 个没有表头且全为空的列`);
    warnings.push(...coordinateWarnings(kept));

    progress?.(-1, '写入数据仓库');
    const classifier = buildRowClassifier(staged.headers.length);
    const result = await this.wh.transaction(async () => {
      const dataset = await this.datasets.ensure(options.dataset, datasetKind?.id ?? null);
      await this.datasets.addFields(
        dataset.name,
        [
          ...(datasetKind?.fields ?? []).map((f) => ({ name: f.name, label: f.label, type: f.type, required: f.required })),
          ...kept.map((c) => ({ name: c.field, label: c.label, type: c.type, required: false })),
        ],
        columnTypeFor,
      );
      const schema = await this.datasets.get(dataset.name);
      const batchId = await this.batches.nextId();
      await this.wh.run(classifier.prepare);
      const skippedInFile = await this.markSkippedRows(staged.headers.length, classifier.expression);
      const { rowsImported, invalidByDictionary } = await this.insertRows(schema, kept, batchId, skippedInFile > 0);
      const invalid = await this.countInvalid(schema.name, kept, batchId, invalidByDictionary);
      const skippedRows = await this.skippedRows(staged, skippedInFile, warnings);
      const quarantine = await this.writeQuarantine(schema.name, batchId);
      const maxOrd = await this.wh.one<{ n: number }>(`SELECT coalesce(max(_ord), 0)::DOUBLE AS n FROM ${STAGE_TABLE}`);
      await this.datasets.advanceRowIds(schema.name, maxOrd?.n ?? 0);
      const rowsQuarantined = quarantine.rows;
      const report: ImportReport = {
        dataset: schema.name,
        batchId,
        kind: schema.kind,
        file: path.basename(file),
        sha256,
        format,
        encoding: staged.encoding,
        sheet: staged.sheet,
        rowsRead: rowsImported + rowsQuarantined + skippedRows.total,
        rowsImported,
        rowsQuarantined,
        quarantineFile: quarantine.file,
        skippedRows: skippedRows.listed,
        mapping: Object.fromEntries(kept.map((c) => [c.header, c.field])),
        invalid,
        columns: kept.map((c) => ({ header: c.header, field: c.field, type: c.type, basis: c.basis })),
        warnings,
        durationMs: Date.now() - started,
      };
      try {
        await this.batches.insert({
          batchId,
          dataset: schema.name,
          kind: schema.kind,
          agency: options.agency ?? null,
          fileName: path.basename(file),
          sha256,
          fileBytes: fileStat.size,
          format,
          encoding: staged.encoding,
          sheet: staged.sheet,
          durationMs: report.durationMs,
          rowsRead: report.rowsRead,
          rowsImported,
          rowsQuarantined,
          firstRowId: schema.nextRowId,
          quarantineFile: quarantine.file,
          report,
        });
      } catch (error) {
        if (quarantine.file) await rm(quarantine.file, { force: true });
        throw error;
      }
      return report;
    });
    await this.dropStage();
    return result;
  }

  private resolveKind(id: string | undefined): DatasetKind | undefined {
    if (id === undefined) return undefined;
    const kind = getKind(id);
    if (!kind) {
      throw new JianduError('invalid_argument', `数据集类型“${id}”不存在。可用类型：${listKinds().map((k) => k.id).join(', ')}（jiandu kinds 查看说明）`, { kind: id });
    }
    return kind;
  }

  private async stage(format: 'csv' | 'xlsx' | 'json', file: string, options: ImportOptions, lines: Promise<LineProfile | null>): Promise<StagedSource> {
    const isKnownHeader = (text: string): boolean => inferFieldFromHeader(text) !== undefined || parseHeader(text).unit !== null;
    const onProgress = options.onProgress;
    switch (format) {
      case 'csv':
        return stageDelimitedFile(this.wh, file, { encoding: options.encoding, tmpDir: this.ws.tmpDir, isKnownHeader, onProgress, lines });
      case 'xlsx':
        return stageXlsxFile(this.wh, file, { sheet: options.sheet, isKnownHeader, onProgress });
      case 'json':
        return stageJsonFile(this.wh, file, { onProgress });
    }
  }

  /** Unnamed columns (列N) that hold nothing at all are padding from the exporting program. */
  private async emptyUnnamedColumns(columns: readonly ColumnPlan[]): Promise<Set<number>> {
    const unnamed = columns.filter((c) => /^列\d+$/.test(c.header));
    if (unnamed.length === 0) return new Set();
    const row = await this.wh.one<Record<string, number>>(
      `SELECT ${unnamed.map((c, i) => `count(nullif(trim(${stageColumn(c.index)}), ''))::DOUBLE AS n${i}`).join(', ')} FROM ${STAGE_TABLE}`,
    );
    return new Set(unnamed.filter((_, i) => (row?.[`n${i}`] ?? 0) === 0).map((c) => c.index));
  }

  /**
   * Normalises and inserts the data rows in one INSERT … SELECT. Columns with few distinct values
   * (dates, amounts, names of places and companies repeat across a registry) are normalised once
   * per distinct value and joined back: the macros' cost then follows the number of distinct
   * values, not of rows. Non-data rows were marked before ({@link markSkippedRows}) and are left
   * out by row number. The invalid values of those columns are counted from their dictionaries,
   * where the values that failed are few or none, instead of by reading every inserted row again.
   */
  private async insertRows(
    dataset: DatasetRecord,
    columns: readonly ColumnPlan[],
    batchId: number,
    anySkipped: boolean,
  ): Promise<{ rowsImported: number; invalidByDictionary: Map<string, number> }> {
    const dictionary = await this.dictionaryColumns(columns);
    const targets = ['_row_id', '_batch_id', '_row_no', '_line'];
    const values = [`${dataset.nextRowId - 1} + s._ord`, String(batchId), 's._ord', 's._line'];
    const joins: string[] = [];
    // Normalised values are computed once in an inner query (n<i>); the raw text is kept only where
    // it differs from the normalised value's text (see rawColumn): most cells of a clean column
    // then store nothing twice.
    const inner: string[] = [];
    for (const c of columns) {
      targets.push(c.field, rawColumn(c.field));
      const raw = `s.${stageColumn(c.index)}`;
      const norm = `n${c.index}`;
      if (dictionary.has(c.index)) {
        const dict = `jd_dict_${c.index}`;
        await this.wh.run(`DROP TABLE IF EXISTS temp.${dict}`);
        await this.wh.run(
          `CREATE TEMP TABLE ${dict} AS SELECT raw, norm, raw IS DISTINCT FROM CAST(norm AS VARCHAR) AS differs
           FROM (SELECT raw, ${normalizedExpression(c, columns, 'raw')} AS norm
                 FROM (SELECT DISTINCT ${stageColumn(c.index)} AS raw FROM ${STAGE_TABLE} WHERE ${stageColumn(c.index)} IS NOT NULL))`,
        );
        joins.push(`LEFT JOIN ${dict} AS d${c.index} ON d${c.index}.raw = ${raw}`);
        inner.push(`d${c.index}.norm AS ${norm}`, `CASE WHEN d${c.index}.differs THEN ${raw} END AS r${c.index}`);
      } else {
        inner.push(`${normalizedExpression(c, columns, raw)} AS ${norm}`, `${raw} AS r${c.index}`);
      }
      values.push(norm, dictionary.has(c.index) ? `r${c.index}` : `CASE WHEN r${c.index} IS DISTINCT FROM CAST(${norm} AS VARCHAR) THEN r${c.index} END`);
    }
    const notSkipped = anySkipped ? `NOT EXISTS (SELECT 1 FROM ${SKIPPED_TABLE} AS k WHERE k._ord = s._ord)` : null;
    await this.wh.run(
      `INSERT INTO ${datasetTable(dataset.name)} (${targets.map(quoteIdent).join(', ')})
       SELECT ${values.join(', ')} FROM (
         SELECT s._ord, s._line, ${inner.join(', ')} FROM ${STAGE_TABLE} AS s ${joins.join(' ')} ${notSkipped ? `WHERE ${notSkipped}` : ''}) AS s`,
    );
    const invalidByDictionary = new Map<string, number>();
    for (const c of columns) {
      if (!dictionary.has(c.index) || c.type === 'text') continue;
      invalidByDictionary.set(c.field, await this.countInvalidInDictionary(c.index, notSkipped));
    }
    for (const i of dictionary) await this.wh.run(`DROP TABLE IF EXISTS temp.jd_dict_${i}`);
    const counted = await this.wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${datasetTable(dataset.name)} WHERE _batch_id = $1`, [batchId]);
    return { rowsImported: counted?.n ?? 0, invalidByDictionary };
  }

  /**
   * Data rows whose value in a dictionary column failed normalisation: the same test as
   * {@link invalidCountSql} (no normalised value, raw text not blank), made on the distinct values
   * first; only when some failed are the rows holding them counted.
   */
  private async countInvalidInDictionary(index: number, notSkipped: string | null): Promise<number> {
    const bad = `SELECT raw FROM temp.jd_dict_${index} WHERE norm IS NULL AND trim(raw) <> ''`;
    const any = await this.wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM (${bad})`);
    if ((any?.n ?? 0) === 0) return 0;
    const rows = await this.wh.one<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM ${STAGE_TABLE} AS s WHERE s.${stageColumn(index)} IN (${bad})${notSkipped ? ` AND ${notSkipped}` : ''}`,
    );
    return rows?.n ?? 0;
  }

  /**
   * Columns worth normalising per distinct value: at most about a fifth as many distinct values
   * as rows. From {@link SAMPLED_FROM} rows on, judged on a tenth of them (DuckDB's block sample:
   * 13 ms instead of 115 ms for a full count over a million rows): a value repeated five times,
   * spread evenly, shows in a 10 % sample as about 0.8 distinct values per sampled row, a unique
   * one as 1. A column misjudged is only normalised row by row — the same values, more slowly.
   */
  private async dictionaryColumns(columns: readonly ColumnPlan[]): Promise<Set<number>> {
    // Coordinates are converted from two or three columns at once; they stay row by row.
    const candidates = columns.filter((c) => !['lat', 'lng', 'text'].includes(c.type));
    if (candidates.length === 0) return new Set();
    const total = await this.wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${STAGE_TABLE}`);
    if ((total?.n ?? 0) < 10_000) return new Set();
    // Below SAMPLED_FROM rows every row is counted (a block sample of a small table is too coarse).
    const sampled = (total?.n ?? 0) >= SAMPLED_FROM;
    const row = await this.wh.one<Record<string, number>>(
      `SELECT count(*)::DOUBLE AS n, ${candidates.map((c, i) => `approx_count_distinct(${stageColumn(c.index)})::DOUBLE AS d${i}`).join(', ')}
       FROM ${STAGE_TABLE}${sampled ? ' USING SAMPLE 10 PERCENT (system, 7)' : ''}`,
    );
    const n = row?.['n'] ?? 0;
    if (n === 0) return new Set();
    const share = sampled ? 0.8 : 0.2;
    return new Set(candidates.filter((_, i) => (row?.[`d${i}`] ?? n) <= share * n).map((c) => c.index));
  }

  /** Invalid values per checked field: from the dictionaries where there was one, else by reading the batch's rows. */
  private async countInvalid(dataset: string, columns: readonly ColumnPlan[], batchId: number, fromDictionary: ReadonlyMap<string, number>): Promise<Record<string, number>> {
    const checked = columns.filter((c) => c.type !== 'text');
    const rowByRow = checked.filter((c) => !fromDictionary.has(c.field));
    const row =
      rowByRow.length === 0
        ? undefined
        : await this.wh.one<Record<string, number>>(
            `SELECT ${rowByRow.map((c, i) => `coalesce(${invalidCountSql(c.field)}, 0)::DOUBLE AS i${i}`).join(', ')} FROM ${datasetTable(dataset)} WHERE _batch_id = $1`,
            [batchId],
          );
    return Object.fromEntries(checked.map((c) => [c.field, fromDictionary.get(c.field) ?? row?.[`i${rowByRow.indexOf(c)}`] ?? 0]));
  }

  /**
   * Marks the staged rows that are not data (blank, 合计/小计, a trailing note) in a temporary
   * table, with the text the report lists for each; the insert leaves them out by row number
   * instead of classifying every row a second time. Returns how many there are.
   */
  private async markSkippedRows(width: number, classExpr: string): Promise<number> {
    const text = `concat_ws(' ', ${Array.from({ length: width }, (_, i) => `nullif(trim(${stageColumn(i)}), '')`).join(', ')})`;
    await this.wh.run(`DROP TABLE IF EXISTS temp.${SKIPPED_TABLE}`);
    await this.wh.run(
      `CREATE TEMP TABLE ${SKIPPED_TABLE} AS
       SELECT _ord, _line, cls AS reason, txt AS text
       FROM (SELECT _ord, _line, ${classExpr} AS cls, ${text} AS txt FROM ${STAGE_TABLE})
       WHERE cls IS NOT NULL`,
    );
    const n = await this.wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${SKIPPED_TABLE}`);
    return n?.n ?? 0;
  }

  private async skippedRows(staged: StagedSource, inFile: number, warnings: string[]): Promise<{ listed: SkippedRow[]; total: number }> {
    const rows =
      inFile === 0
        ? []
        : await this.wh.all<{ line: number | null; reason: SkipReason; text: string }>(
            `SELECT _line::DOUBLE AS line, reason, text FROM ${SKIPPED_TABLE} ORDER BY _ord LIMIT ${MAX_LISTED_SKIPPED}`,
          );
    if (inFile > rows.length) warnings.push(`另有 ${inFile - rows.length} 个非数据行未逐条列出`);
    const listed: SkippedRow[] = [...staged.preamble, ...rows.map((r) => ({ line: r.line, reason: r.reason, text: r.text }))];
    return { listed, total: staged.preamble.length + inFile };
  }

  /** Writes the rows the reader rejected to the batch's quarantine CSV: line, reason, raw text. */
  private async writeQuarantine(dataset: string, batchId: number): Promise<{ file: string | null; rows: number }> {
    const n = await this.wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${STAGE_REJECTS_TABLE}`);
    const rows = n?.n ?? 0;
    if (rows === 0) return { file: null, rows: 0 };
    const file = path.join(this.ws.quarantineDir, `${safeFileName(dataset)}-batch${batchId}.csv`);
    await this.wh.run(
      `COPY (SELECT line AS "行号", reason AS "原因", raw AS "原始内容" FROM ${STAGE_REJECTS_TABLE} ORDER BY line NULLS LAST)
       TO ${sqlLiteral(file)} (HEADER, DELIMITER ',')`,
    );
    return { file, rows };
  }

  private async dropStage(): Promise<void> {
    await this.wh.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);
    await this.wh.run(`DROP TABLE IF EXISTS temp.${STAGE_REJECTS_TABLE}`);
    await this.wh.run(`DROP TABLE IF EXISTS temp.${SKIPPED_TABLE}`);
  }
}

function coordinateWarnings(columns: readonly ColumnPlan[]): string[] {
  const hasCoords = columns.some((c) => c.type === 'lat') && columns.some((c) => c.type === 'lng');
  const hasSystem = columns.some((c) => c.type === 'coord_system');
  return hasCoords && !hasSystem ? ['文件未注明坐标系，经纬度按 WGS-84 处理；如为高德/腾讯（GCJ-02）或百度（BD-09）坐标，请增加“坐标系”列'] : [];
}

function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]/gu, '_');
}
