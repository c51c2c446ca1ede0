import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../src/ingest/import.service.js';
import { withIdCheck } from '../support/id-numbers.js';
import { tempWorkspace } from '../support/temp-workspace.js';

let t: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  t = await tempWorkspace();
});
afterEach(() => t.dispose());

const IDS = [withIdCheck('52020319830624669'), withIdCheck('52020319910312002')];

/**
 * A tobacco bureau's roster with a two-level header: a merged title; 序号, 许可证号, 企业名称
 * and 经营地址 merged down through two rows; 负责人 merged over 姓名 | 身份证号.
 */
async function writeRoster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['六枝特区烟草专卖局 零售户名册']);
  ws.mergeCells('A1:F1');
  ws.addRow(['序号', '许可证号', '企业名称', '负责人', null, '经营地址']);
  ws.addRow([null, null, null, '姓名', '身份证号', null]);
  for (const c of ['A', 'B', 'C', 'F']) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells('D2:E2');
  ws.addRow([1, '520203100001', '平寨镇建设路便利店', '王芳', IDS[0], '六枝特区平寨镇建设路1号']);
  ws.addRow([2, '520203100002', '木岗镇惠民超市', '李强', IDS[1], '六枝特区木岗镇新街8号']);
  await wb.xlsx.writeFile(file);
}

describe('an XLSX export with a two-level header', () => {
  // The group row holds more known headers than the one below: it is located first, and the
  // sub-header row, staged as data, is taken back.
  it('names the columns from both rows, maps them to the kind, and imports only the data rows', async () => {
    const file = path.join(t.dir, '零售户名册.xlsx');
    await writeRoster(file);
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'shops', kind: 'tobacco_retailer' });
    expect(Object.keys(r.mapping)).toEqual(['序号', '许可证号', '企业名称', '负责人姓名', '负责人身份证号', '经营地址']);
    expect(r.mapping).toMatchObject({
      许可证号: 'licence_no',
      负责人姓名: 'legal_rep_name',
      负责人身份证号: 'legal_rep_id_number',
      经营地址: 'address',
    });
    expect(r.rowsImported).toBe(2);
    expect(r.rowsQuarantined).toBe(0);
    expect(r.skippedRows.map((s) => [s.line, s.reason])).toEqual([
      [1, 'title'],
      [2, 'header'],
      [3, 'header'],
    ]);
    expect(r.rowsRead).toBe(r.rowsImported + r.rowsQuarantined + r.skippedRows.length);
    expect(r.warnings.join('\n')).toContain('表头为两行');
    const rows = await t.wh.all<{ line: number; name: string; id: string; licence: string }>(
      'SELECT _line::INTEGER AS line, legal_rep_name AS name, legal_rep_id_number AS id, licence_no AS licence FROM data.shops ORDER BY _line',
    );
    expect(rows).toEqual([
      { line: 4, name: '王芳', id: IDS[0], licence: '520203100001' },
      { line: 5, name: '李强', id: IDS[1], licence: '520203100002' },
    ]);
  });

  // Here the sub-header row holds more known headers: it is located, and the group row above it
  // (listed as a title until the merges are read) becomes part of the header.
  it('reads the same header when the sub-header row is the one located', async () => {
    const file = path.join(t.dir, '经营者名单.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['序号', '经营者信息', null, null, '备注']);
    ws.addRow([null, '姓名', '身份证号', '联系电话', null]);
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:D1');
    ws.mergeCells('E1:E2');
    ws.addRow([1, '王芳', IDS[0], '13927322799', '无']);
    await wb.xlsx.writeFile(file);
    const r = await new ImportService(t.wh, t.ws).import({ file, dataset: 'owners' });
    expect(Object.keys(r.mapping)).toEqual(['序号', '经营者信息姓名', '经营者信息身份证号', '经营者信息联系电话', '备注']);
    expect(r.skippedRows.map((s) => [s.line, s.reason])).toEqual([
      [1, 'header'],
      [2, 'header'],
    ]);
    expect(r.rowsImported).toBe(1);
    expect(Object.values(r.invalid).filter((n) => n > 0)).toEqual([]);
  });
});
