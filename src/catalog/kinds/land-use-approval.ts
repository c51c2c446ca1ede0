import type { DatasetKind } from '../dataset-kind.js';
import { USCC_ALIASES, field, projectName } from '../common-fields.js';

/**
 * Land-use approvals that convert or occupy farmland (农用地转用/占用耕地批复). `notice_date`,
 * when the table has it, is when the 耕地占用税 liability arises (耕地占用税法 art 10); many
 * tables only have the approval date, so that is the required date.
 */
export const landUseApproval: DatasetKind = {
  id: 'land_use_approval',
  name: '建设用地批复（占用耕地）',
  agency: '自然资源局',
  description:
    '建设用地审批、农用地转用和占用耕地批复记录，含用地单位、面积、批复日期和通知日期。与税款缴纳记录碰撞，发现占用耕地未缴耕地占用税。',
  fields: [
    field('approval_no', '批复文号', 'code', [
      '批复文号',
      '批准文号',
      '批文号',
      '用地批准文号',
      '批复文件号',
      '农转用批复文号',
      '文号',
    ]),
    field(
      'applicant_name',
      '用地单位',
      'text',
      ['用地单位', '用地单位名称', '用地单位(个人)', '用地申请人', '用地者', '用地人', '申请用地单位'],
      true,
    ),
    field('applicant_uscc', '用地单位统一社会信用代码', 'uscc', [
      ...USCC_ALIASES,
      '用地单位统一社会信用代码',
      '用地单位社会信用代码',
    ]),
    projectName({ extra: ['用地项目名称', '批次名称'] }),
    field('address', '土地坐落', 'address', ['土地坐落', '坐落', '宗地坐落', '用地位置', '项目位置', '位置', '地址']),
    field('total_area', '批准用地面积', 'text', ['批准用地面积', '用地面积', '批准面积', '用地总面积', '总面积', '面积']),
    field('farmland_area', '占用耕地面积', 'text', ['占用耕地面积', '耕地面积', '占用耕地', '其中耕地', '其中:耕地']),
    field('land_use', '土地用途', 'text', ['土地用途', '用途', '用地性质', '用地类型', '规划用途']),
    field(
      'approval_date',
      '批复日期',
      'date',
      ['批复日期', '批复时间', '批准日期', '批准时间', '审批日期', '批准用地日期'],
      true,
    ),
    field('notice_date', '通知送达日期', 'date', [
      '通知送达日期',
      '通知书送达日期',
      '通知日期',
      '通知书日期',
      '送达日期',
      '书面通知日期',
      '告知日期',
    ]),
    field('authority', '批准机关', 'org_name', ['批准机关', '审批机关', '批复机关']),
    field('is_temporary', '是否临时用地', 'boolean', ['是否临时用地', '临时用地']),
  ],
};
