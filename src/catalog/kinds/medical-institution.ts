import type { DatasetKind } from '../dataset-kind.js';
import { field, legalRepName, location, orgAddress, orgName, phone, status, uscc } from '../common-fields.js';

/**
 * Medical institutions with their practice licence (医疗机构执业许可证, or the record certificate
 * of a clinic). Registry and licence are one kind: the health commission exports them as one
 * table. Beauty salons that are not medical institutions come from `business_registration`.
 */
export const medicalInstitution: DatasetKind = {
  id: 'medical_institution',
  name: '医疗机构（执业许可）',
  agency: '卫生健康局',
  description:
    '医疗机构执业登记信息，含执业许可证登记号、机构类别、诊疗科目和有效期。用于医美法律监督：与从业机构、执业医师碰撞，发现无证开展医疗美容、超范围执业。',
  fields: [
    orgName({
      required: true,
      label: '医疗机构名称',
      extra: ['医疗机构名称', '医院名称', '诊所名称', '执业名称', '第一名称'],
    }),
    field('licence_no', '执业许可证登记号', 'code', [
      '执业许可证登记号',
      '执业许可证号',
      '医疗机构执业许可证号',
      '医疗机构执业许可证登记号',
      '医疗机构登记号',
      '登记号',
      '许可证号',
      '许可证编号',
      '诊所备案凭证号',
      '备案凭证编号',
      '备案编号',
    ]),
    field('institution_type', '机构类别', 'text', [
      '机构类别',
      '机构类型',
      '医疗机构类别',
      '医疗机构类型',
      '诊疗类别',
      '类别',
    ]),
    field('ownership', '所有制形式', 'text', ['所有制形式', '所有制', '经营性质', '经济类型']),
    uscc(),
    legalRepName({ withHead: false }),
    field('principal_name', '主要负责人', 'person_name', ['主要负责人', '负责人', '负责人姓名', '机构负责人']),
    field('scope', '诊疗科目', 'text', [
      '诊疗科目',
      '核准诊疗科目',
      '诊疗范围',
      '执业范围',
      '执业科目',
      '许可范围',
      '服务范围',
    ]),
    field('bed_count', '床位数', 'integer', ['床位数', '核定床位', '编制床位', '床位']),
    field('issue_date', '发证日期', 'date', [
      '发证日期',
      '发证时间',
      '执业登记日期',
      '登记日期',
      '核发日期',
      '许可日期',
      '批准日期',
    ]),
    field('valid_until', '有效期至', 'date', [
      '有效期至',
      '有效期限至',
      '有效期截止',
      '有效截止日期',
      '许可证有效期至',
      '校验有效期至',
      '到期日期',
    ]),
    field('authority', '发证机关', 'org_name', ['发证机关', '登记机关', '审批机关']),
    orgAddress({ label: '执业地址', extra: ['执业地址', '执业地点', '机构地址'] }),
    phone(),
    ...location(),
    status({ label: '执业状态', extra: ['执业状态', '机构状态', '许可状态'] }),
  ],
};
