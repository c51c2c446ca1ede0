import type { Warehouse } from '../../warehouse/warehouse.js';
import { locateHeader, nameColumns } from '../header-locator.js';
import { STAGE_TABLE, stageColumn, type SkippedRow, type StagedSource } from '../staged-source.js';
import { twoLevelHeader } from '../two-level-header.js';
import { StageWriter } from './stage-writer.js';
import { openXlsxSheet, type MergeRange, type SheetRow } from './xlsx-reader.js';

export interface XlsxStageOptions {
  readonly sheet?: string | number | undefined;
  readonly isKnownHeader: (text: string) => boolean;
  readonly onProgress?: ((fraction: number, phase: string) => void) | undefined;
}

const SAMPLE_ROWS = 30;

/**
 * Stages one sheet of an XLSX workbook, streamed: the first rows decide the header (title and
 * note rows above it are listed as skipped), the rest go to the stage through the appender.
 * Vertically merged cells in the data area (a 建设单位 spanning two rows) are filled down, and a
 * two-level header (a group cell merged over its sub-headers) is read as one, once the sheet's
 * merge list — which XLSX stores after the rows — is known.
 */
export async function stageXlsxFile(wh: Warehouse, file: string, options: XlsxStageOptions): Promise<StagedSource> {
  const reader = await openXlsxSheet(file, options.sheet, (done, total) => options.onProgress?.(done / total, '读取 Excel'));
  const sample: SheetRow[] = [];
  let writer: StageWriter | undefined;
  let headerLine = 0;
  let headers: string[] = [];
  let widest = 0;
  let preamble: SkippedRow[] = [];
  const warnings: string[] = [];

  const start = async (): Promise<StageWriter> => {
    const located = locateHeader(sample.map((r) => r.cells), options.isKnownHeader);
    widest = Math.max(0, ...sample.map((r) => lastFilled(r.cells) + 1));
    headers = nameColumns(sample[located.index]?.cells ?? [], widest);
    headerLine = sample[located.index]?.line ?? 0;
    sample.slice(0, located.index + 1).forEach((r, i) => preamble.push({ line: r.line, reason: i === located.index ? 'header' : 'title', text: rowText(r.cells) }));
    const w = await StageWriter.create(wh, headers.length);
    for (const r of sample.slice(located.index + 1)) appendRow(w, r);
    return w;
  };
  const appendRow = (w: StageWriter, r: SheetRow): void => {
    if (lastFilled(r.cells) >= w.width) {
      w.reject(r.line, `第 ${lastFilled(r.cells) + 1} 列有内容，但表头只有 ${w.width} 列`, r.cells.map((c) => c ?? '').join(','));
    } else w.append(r.line, r.cells);
  };

  for await (const row of reader.rows()) {
    if (writer) appendRow(writer, row);
    else {
      sample.push(row);
      if (sample.length >= SAMPLE_ROWS) writer = await start();
    }
  }
  writer ??= await start();
  await writer.finish(wh);
  const cellsAt = (line: number): readonly (string | null)[] | undefined => sample.find((r) => r.line === line)?.cells;
  const two = twoLevelHeader(headerLine, widest, reader.merges(), cellsAt);
  if (two) {
    headers = nameColumns(two.cells, widest);
    if (two.lower > headerLine) {
      // The group row was taken for the header, and the sub-headers below it for data.
      await wh.run(`DELETE FROM ${STAGE_TABLE} WHERE _line = ${two.lower}`);
      preamble.push({ line: two.lower, reason: 'header', text: rowText(cellsAt(two.lower) ?? []) });
    } else {
      preamble = preamble.map((p) => (p.line === two.upper ? { ...p, reason: 'header' } : p));
    }
    headerLine = two.lower;
    warnings.push(`表头为两行（第 ${two.upper}、${two.lower} 行），列名取自两行：${headers.join('、')}`);
  }
  await fillVerticalMerges(wh, reader.merges().filter((m) => m.top > headerLine && m.bottom > m.top && m.left <= headers.length));
  return {
    format: 'xlsx',
    encoding: null,
    sheet: reader.sheet.name,
    headers,
    preamble,
    warnings,
  };
}

/** A row's filled cells, as the report lists a non-data row. */
function rowText(cells: readonly (string | null)[]): string {
  return cells.filter((c) => c != null && c.trim() !== '').join(' ');
}

function lastFilled(cells: readonly (string | null)[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i];
    if (c != null && c.trim() !== '') return i;
  }
  return -1;
}

async function fillVerticalMerges(wh: Warehouse, merges: readonly MergeRange[]): Promise<void> {
  if (merges.length === 0) return;
  await wh.run('DROP TABLE IF EXISTS temp.jd_merges');
  await wh.run('CREATE TEMP TABLE jd_merges (top BIGINT, bottom BIGINT, col INTEGER)');
  const a = await wh.appender('jd_merges', 'main', 'temp');
  for (const m of merges) {
    a.appendBigInt(BigInt(m.top));
    a.appendBigInt(BigInt(m.bottom));
    a.appendInteger(m.left - 1);
    a.endRow();
  }
  a.flushSync();
  a.closeSync();
  for (const col of new Set(merges.map((m) => m.left - 1))) {
    const c = stageColumn(col);
    await wh.run(
      `UPDATE ${STAGE_TABLE} AS s SET ${c} = src.val
       FROM (SELECT m.top, m.bottom, t.${c} AS val FROM jd_merges m JOIN ${STAGE_TABLE} t ON t._line = m.top WHERE m.col = ${col}) AS src
       WHERE s._line > src.top AND s._line <= src.bottom AND (s.${c} IS NULL OR trim(s.${c}) = '')`,
    );
  }
  await wh.run('DROP TABLE temp.jd_merges');
}
