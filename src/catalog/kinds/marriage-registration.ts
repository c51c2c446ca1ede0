import type { DatasetKind } from '../dataset-kind.js';
import { field } from '../common-fields.js';

/**
 * Marriage and divorce registrations (婚姻登记). A row names two persons, so the IDs are
 * `male_id_number` and `female_id_number` rather than `id_number`.
 */
export const marriageRegistration: DatasetKind = {
  id: 'marriage_registration',
  name: '婚姻登记',
  agency: '民政局',
  description:
    '结婚、离婚登记信息，含男女双方身份证号、登记类型和登记日期。与住房公积金提取碰撞，发现以假离婚、假结婚套取公积金。',
  fields: [
    field('registration_type', '登记类型', 'text', ['登记类型', '婚姻登记类型', '登记业务类型', '业务类型', '类型']),
    field(
      'registered_date',
      '登记日期',
      'date',
      ['登记日期', '登记时间', '婚姻登记日期', '结婚登记日期', '离婚登记日期', '结婚日期', '离婚日期', '办理日期'],
      true,
    ),
    field('certificate_no', '证书字号', 'code', [
      '证书字号',
      '证字号',
      '证件字号',
      '证书编号',
      '结婚证字号',
      '结婚证号',
      '离婚证字号',
      '离婚证号',
      '婚姻登记证号',
    ]),
    field('male_name', '男方姓名', 'person_name', ['男方姓名', '男方', '丈夫姓名']),
    field(
      'male_id_number',
      '男方身份证号',
      'idcard',
      ['男方身份证号', '男方身份证号码', '男方证件号码', '男方证件号', '男方公民身份号码', '丈夫身份证号'],
      true,
    ),
    field('female_name', '女方姓名', 'person_name', ['女方姓名', '女方', '妻子姓名']),
    field(
      'female_id_number',
      '女方身份证号',
      'idcard',
      ['女方身份证号', '女方身份证号码', '女方证件号码', '女方证件号', '女方公民身份号码', '妻子身份证号'],
      true,
    ),
    field('office', '登记机关', 'org_name', ['登记机关', '婚姻登记机关', '登记机构', '办理机关']),
  ],
};
