import { describe, expect, it } from 'vitest';
import type { MergeRange } from './readers/xlsx-reader.js';
import { twoLevelHeader } from './two-level-header.js';

/** Sheet rows by line (1-based), as the XLSX reader gives them: merged-over cells are null. */
function sheet(rows: Record<number, (string | null)[]>): (line: number) => (string | null)[] | undefined {
  return (line) => rows[line];
}

// 1: title over all five columns; 2–3: 序号 and 许可证号 merged down, 负责人 over 姓名 | 身份证号, 经营地址 merged down.
const ROWS = sheet({
  1: ['XX县烟草专卖局 零售户名册', null, null, null, null],
  2: ['序号', '许可证号', '负责人', null, '经营地址'],
  3: [null, null, '姓名', '身份证号', null],
  4: ['1', '520203100001', '王芳', '520203198306246694', '六枝特区平寨镇建设路1号'],
});
const MERGES: MergeRange[] = [
  { top: 1, left: 1, bottom: 1, right: 5 },
  { top: 2, left: 1, bottom: 3, right: 1 },
  { top: 2, left: 2, bottom: 3, right: 2 },
  { top: 2, left: 3, bottom: 2, right: 4 },
  { top: 2, left: 5, bottom: 3, right: 5 },
];
const NAMES = ['序号', '许可证号', '负责人姓名', '负责人身份证号', '经营地址'];

describe('twoLevelHeader', () => {
  it('names each column from both rows when the sub-header row was located', () => {
    expect(twoLevelHeader(3, 5, MERGES, ROWS)).toEqual({ upper: 2, lower: 3, cells: NAMES });
  });

  it('finds the sub-headers below when the group row was located', () => {
    expect(twoLevelHeader(2, 5, MERGES, ROWS)).toEqual({ upper: 2, lower: 3, cells: NAMES });
  });

  it('takes a title merged across every column for no group', () => {
    const rows = sheet({ 1: ['XX县烟草专卖局 零售户名册'], 2: ['序号', '许可证号', '姓名'], 3: ['1', '520203100001', '王芳'] });
    expect(twoLevelHeader(2, 3, [{ top: 1, left: 1, bottom: 1, right: 3 }], rows)).toBeUndefined();
    expect(twoLevelHeader(1, 3, [{ top: 1, left: 1, bottom: 1, right: 2 }], rows)).toBeUndefined(); // one filled cell: a title, not a group row
  });

  it('needs a merge to see two levels: without one the header is the located row alone', () => {
    expect(twoLevelHeader(3, 5, [], ROWS)).toBeUndefined();
    // Merges in the data area only (a company spanning two rows).
    expect(twoLevelHeader(3, 5, [{ top: 4, left: 3, bottom: 5, right: 3 }], ROWS)).toBeUndefined();
  });

  it('keeps the group for a sub-column left blank, and an unmerged upper cell over a blank', () => {
    const rows = sheet({ 2: ['序号', '负责人', null, '备注'], 3: [null, '姓名', null, null] });
    expect(twoLevelHeader(3, 4, [{ top: 2, left: 2, bottom: 2, right: 3 }], rows)?.cells).toEqual(['序号', '负责人姓名', '负责人', '备注']);
  });
});
