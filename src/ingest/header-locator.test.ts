import { describe, expect, it } from 'vitest';
import { locateHeader, nameColumns } from './header-locator.js';

const known = new Set(['序号', '姓名', '身份证号', '联系电话', '发证日期']);
const isKnown = (t: string): boolean => known.has(t);

describe('finding the header row of an agency export', () => {
  it('skips a title row and a note row above the header', () => {
    const rows = [
      ['六枝特区民政局 低保对象名册', null, null, null],
      ['填报单位：民政局', null, '统计时间：2023年', null],
      ['序号', '姓名', '身份证号', '联系电话'],
      ['1', '张三', '52020319850612123X', '13800138000'],
    ];
    expect(locateHeader(rows, isKnown).index).toBe(2);
  });

  it('prefers the row with most known headers over a wide text row above it', () => {
    const rows = [
      ['表一', '表二', '表三', '表四'],
      ['序号', '姓名', '身份证号', '发证日期'],
      ['1', '李四', 'x', '2021-01-01'],
    ];
    expect(locateHeader(rows, isKnown).index).toBe(1);
  });

  it('does not take a row of numbers or dates for a header', () => {
    const rows = [
      ['2023年', '', ''],
      ['编号', '名称', '金额'],
      ['1', '甲', '1,000'],
    ];
    expect(locateHeader(rows, () => false).index).toBe(1);
  });

  it('names blank headers 列N and suffixes repeated ones', () => {
    expect(nameColumns(['姓名', '', '电话', '电话', null], 6)).toEqual(['姓名', '列2', '电话', '电话_2', '列5', '列6']);
  });
});
