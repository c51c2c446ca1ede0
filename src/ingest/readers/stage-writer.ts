import type { DuckDBAppender } from '@duckdb/node-api';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { STAGE_REJECTS_TABLE, STAGE_TABLE, stageColumn } from '../staged-source.js';

/**
 * Bulk-loads rows read in JavaScript (XLSX, JSON) into the stage tables through DuckDB's
 * appender, the fastest way in: no SQL text per row, no parameter binding.
 */
export class StageWriter {
  private ord = 0;
  private readonly rejects: { line: number | null; reason: string; raw: string }[] = [];

  private constructor(
    private readonly appender: DuckDBAppender,
    readonly width: number,
  ) {}

  static async create(wh: Warehouse, width: number): Promise<StageWriter> {
    await wh.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);
    const cols = Array.from({ length: width }, (_, i) => `${stageColumn(i)} VARCHAR`);
    await wh.run(`CREATE TEMP TABLE ${STAGE_TABLE} (_line BIGINT, ${cols.join(', ')}, _ord BIGINT)`);
    await wh.run(`DROP TABLE IF EXISTS temp.${STAGE_REJECTS_TABLE}`);
    await wh.run(`CREATE TEMP TABLE ${STAGE_REJECTS_TABLE} (line BIGINT, reason VARCHAR, raw VARCHAR)`);
    return new StageWriter(await wh.appender(STAGE_TABLE, 'main', 'temp'), width);
  }

  /** Appends one data row; cells beyond the width are an error the caller must reject first. */
  append(line: number | null, cells: readonly (string | null | undefined)[]): void {
    const a = this.appender;
    if (line === null) a.appendNull();
    else a.appendBigInt(BigInt(line));
    for (let i = 0; i < this.width; i++) {
      const v = cells[i];
      if (v == null) a.appendNull();
      else a.appendVarchar(v);
    }
    a.appendBigInt(BigInt(++this.ord));
    a.endRow();
  }

  reject(line: number | null, reason: string, raw: string): void {
    this.rejects.push({ line, reason, raw });
  }

  get rowsAppended(): number {
    return this.ord;
  }

  /** Flushes the rows and writes the rejects. */
  async finish(wh: Warehouse): Promise<void> {
    this.appender.flushSync();
    this.appender.closeSync();
    if (this.rejects.length === 0) return;
    const a = await wh.appender(STAGE_REJECTS_TABLE, 'main', 'temp');
    for (const r of this.rejects) {
      if (r.line === null) a.appendNull();
      else a.appendBigInt(BigInt(r.line));
      a.appendVarchar(r.reason);
      a.appendVarchar(r.raw);
      a.endRow();
    }
    a.flushSync();
    a.closeSync();
  }
}
