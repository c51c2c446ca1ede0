import { open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { sqlLiteral } from '../../warehouse/warehouse.js';
import { JianduError } from '../../shared/errors.js';
import { detectEncoding, type TextEncoding } from '../encoding-detector.js';
import { detectDelimiter, parseDelimitedRecords } from '../delimited-sample.js';
import { locateHeader, nameColumns } from '../header-locator.js';
import { stagedLineSql, type LineProfile } from '../line-scanner.js';
import { iconvName, transcodeToUtf8, type UndecodableLine } from '../transcoder.js';
import { STAGE_REJECTS_TABLE, STAGE_TABLE, stageColumn, type SkippedRow, type StagedSource } from '../staged-source.js';

const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_RECORDS = 30;

export interface CsvStageOptions {
  readonly encoding?: TextEncoding | undefined;
  readonly tmpDir: string;
  readonly isKnownHeader: (text: string) => boolean;
  readonly onProgress?: ((fraction: number, phase: string) => void) | undefined;
  /** The file's line profile (read with its hash), from which accepted records get their source line; null: unknown. */
  readonly lines?: Promise<LineProfile | null> | undefined;
}

/** DuckDB's reject error types, in the words a clerk understands. */
const REJECT_REASONS: Readonly<Record<string, string>> = {
  'MISSING COLUMNS': '列数不足',
  'TOO MANY COLUMNS': '列数过多',
  'UNQUOTED VALUE': '引号未闭合或引号位置错误',
  'INVALID ENCODING': '含无法解码的字节',
  'INVALID UNICODE': '含无法解码的字节',
  'LINE SIZE OVER MAXIMUM': '行过长',
};

/**
 * Stages a CSV/TSV file: detects encoding, delimiter and header row from a sample, transcodes
 * non-UTF-8 files as a stream, then lets DuckDB's own CSV reader load every row as text,
 * collecting the rows it cannot parse (with their line numbers) as rejects.
 */
export async function stageDelimitedFile(wh: Warehouse, file: string, options: CsvStageOptions): Promise<StagedSource> {
  const handle = await open(file, 'r');
  let sample: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buf = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (size === 0) throw new JianduError('unreadable_file', `文件为空：${path.basename(file)}`, { file });

  const detected = detectEncoding(sample);
  const encoding = options.encoding ?? detected.encoding;
  const bomLength = options.encoding && options.encoding !== detected.encoding ? 0 : detected.bomLength;
  const text = iconv.decode(sample.subarray(bomLength), iconvName(encoding));
  const truncated = sample.length < size;
  const delimiter = detectDelimiter(text, file);
  const records = parseDelimitedRecords(text, delimiter, truncated, SAMPLE_RECORDS);
  if (records.length === 0) throw new JianduError('unreadable_file', `文件中没有可读的行：${path.basename(file)}`, { file });
  const located = locateHeader(records.map((r) => r.cells), options.isKnownHeader);
  const headerRecord = records[located.index];
  if (!headerRecord) throw new JianduError('unreadable_file', '找不到表头行', { file });
  const headers = nameColumns(headerRecord.cells, headerRecord.cells.length);
  const preamble: SkippedRow[] = records.slice(0, located.index + 1).map((r, i) => ({
    line: r.line,
    reason: i === located.index ? 'header' : 'title',
    text: r.cells.filter((c) => c.trim() !== '').join(' '),
  }));

  let source = file;
  let transcoded: string | undefined;
  let undecodable: UndecodableLine[] = [];
  const warnings: string[] = [];
  if (encoding !== 'utf-8') {
    transcoded = path.join(options.tmpDir, `${randomUUID()}.csv`);
    undecodable = await transcodeToUtf8(file, encoding, bomLength, transcoded, (n) => options.onProgress?.(n / size, '转换编码'));
    source = transcoded;
  }
  try {
    // UTF-16 moves the bytes the line scan looks for; its lines stay unknown. The scan runs while
    // DuckDB reads the file and is awaited after.
    const profile = encoding === 'utf-16le' || encoding === 'utf-16be' || !options.lines ? Promise.resolve(null) : options.lines.catch(() => null);
    await loadCsvIntoStage(wh, source, headers.length, delimiter, headerRecord.line, options.tmpDir, { profile, undecodable: undecodable.map((u) => u.line) });
    for (const u of undecodable) {
      await wh.run(`INSERT INTO ${STAGE_REJECTS_TABLE} VALUES ($1, $2, $3)`, [u.line, '含无法解码的字节（文件编码不符或文件损坏）', u.text]);
    }
  } finally {
    if (transcoded) await rm(transcoded, { force: true });
  }
  if (headers.length !== new Set(headers).size) warnings.push('表头中有重复的列名，已自动加后缀区分');
  return {
    format: 'csv',
    encoding,
    sheet: null,
    headers,
    preamble,
    warnings,
  };
}

/** The most times the reader restarts after an unterminated quote swallowed the rest of a file. */
const MAX_QUOTE_RECOVERIES = 100;

/**
 * Loads the data rows into the stage with DuckDB's CSV reader. An unterminated quote makes any CSV
 * reader swallow everything up to the next quote character — often the rest of the file. When a
 * rejected record spans several lines for that reason, only its first line is quarantined and the
 * lines after it are read again, so one stray quote does not take a thousand good rows with it.
 */
async function loadCsvIntoStage(
  wh: Warehouse,
  source: string,
  width: number,
  delimiter: string,
  skipLines: number,
  tmpDir: string,
  lines: { profile: Promise<LineProfile | null>; undecodable: readonly number[] },
): Promise<void> {
  const columns = Array.from({ length: width }, (_, i) => `${sqlLiteral(stageColumn(i))}: 'VARCHAR'`).join(', ');
  const reasonCase = Object.entries(REJECT_REASONS)
    .map(([type, label]) => `WHEN ${sqlLiteral(type)} THEN ${sqlLiteral(label)}`)
    .join(' ');
  const read = (skip: number): string =>
    `SELECT NULL::BIGINT AS _line, * FROM read_csv($1,
       header = false, skip = ${skip}, auto_detect = false,
       delim = ${sqlLiteral(delimiter)}, quote = '"', escape = '"',
       columns = {${columns}}, strict_mode = true, null_padding = false,
       store_rejects = true, rejects_table = 'jd_csv_rejects', rejects_scan = 'jd_csv_scans',
       max_line_size = 10000000)`;
  await wh.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);
  await wh.run(`DROP TABLE IF EXISTS temp.${STAGE_REJECTS_TABLE}`);
  await wh.run(`CREATE TEMP TABLE ${STAGE_REJECTS_TABLE} (line BIGINT, reason VARCHAR, raw VARCHAR)`);

  let current = source;
  let skip = skipLines;
  let lineOffset = 0;
  let tmp: string | undefined;
  try {
    for (let round = 0; round <= MAX_QUOTE_RECOVERIES; round++) {
      await wh.run('DROP TABLE IF EXISTS temp.jd_csv_rejects');
      await wh.run('DROP TABLE IF EXISTS temp.jd_csv_scans');
      if (round === 0) {
        // Row order is insertion order; rowid numbers the rows of the stage from 0.
        await wh.run(`CREATE TEMP TABLE ${STAGE_TABLE} AS ${read(skip)}`, [current]);
        await wh.run(`ALTER TABLE ${STAGE_TABLE} ADD COLUMN _ord BIGINT`);
        const lineSql = await acceptedLineSql(wh, skipLines, lines);
        await wh.run(`UPDATE ${STAGE_TABLE} SET _ord = rowid + 1${lineSql ? `, _line = ${lineSql}` : ''}`);
      } else {
        const base = await wh.one<{ n: number }>(`SELECT coalesce(max(_ord), 0)::DOUBLE AS n FROM ${STAGE_TABLE}`);
        await wh.run(`INSERT INTO ${STAGE_TABLE} SELECT *, ${base?.n ?? 0} + row_number() OVER () FROM (${read(skip)})`, [current]);
      }
      // DuckDB's csv_line of a reject may start with the previous line's line feed; strip it.
      await wh.run(`UPDATE temp.jd_csv_rejects SET csv_line = regexp_replace(csv_line, '^[\\r\\n]+', '')`);
      // A record that swallowed lines: keep its first line as the reject, read the rest again.
      const swallowed = await wh.one<{ line: number; raw: string }>(
        `SELECT line::DOUBLE AS line, csv_line AS raw FROM temp.jd_csv_rejects
         WHERE error_type = 'UNQUOTED VALUE' AND contains(csv_line, chr(10)) ORDER BY line LIMIT 1`,
      );
      // One reject per line (DuckDB reports a short row once per missing column): the first error.
      await wh.run(
        `INSERT INTO ${STAGE_REJECTS_TABLE}
         SELECT line + ${lineOffset},
                (CASE error_type ${reasonCase} ELSE error_type END) || '（' || error_message || '）',
                CASE WHEN line = $1 THEN regexp_replace(split_part(csv_line, chr(10), 1), '\\r$', '') ELSE regexp_replace(csv_line, '[\\r\\n]+$', '') END
         FROM (SELECT *, row_number() OVER (PARTITION BY line ORDER BY byte_position, column_idx) AS rn FROM temp.jd_csv_rejects)
         WHERE rn = 1`,
        [swallowed?.line ?? -1],
      );
      if (!swallowed) break;
      const rest = swallowed.raw.split('\n').slice(1).join('\n');
      if (rest.trim() === '') break;
      tmp ??= path.join(tmpDir, `${randomUUID()}.rest.csv`);
      await writeFile(tmp, rest.endsWith('\n') ? rest : `${rest}\n`);
      lineOffset += swallowed.line;
      current = tmp;
      skip = 0;
    }
  } finally {
    if (tmp) await rm(tmp, { force: true });
    await wh.run('DROP TABLE IF EXISTS temp.jd_csv_rejects');
    await wh.run('DROP TABLE IF EXISTS temp.jd_csv_scans');
  }
}

/**
 * The source line of each accepted record, as SQL over the stage's rowid (see stagedLineSql),
 * from the file's line profile, the staged count and the lines DuckDB rejected or that could not
 * be decoded; null when they cannot be known for sure.
 */
async function acceptedLineSql(wh: Warehouse, headerLine: number, lines: { profile: Promise<LineProfile | null>; undecodable: readonly number[] }): Promise<string | null> {
  const profile = await lines.profile;
  if (!profile) return null;
  const staged = await wh.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${STAGE_TABLE}`);
  const rejected = await wh.all<{ line: number }>('SELECT DISTINCT line::DOUBLE AS line FROM temp.jd_csv_rejects WHERE line IS NOT NULL');
  return stagedLineSql(profile, headerLine, staged?.n ?? 0, [...rejected.map((r) => r.line), ...lines.undecodable]);
}
