import type { DatasetKind } from '../dataset-kind.js';
import { field, gender, idNumber, personName } from '../common-fields.js';

/**
 * Practitioners' qualification and practice registration (医师资格证书, 医师执业证书; nurses'
 * registers fit too). Registers often carry certificate numbers without ID numbers, so only the
 * name is required; matching uses name plus practice institution when the ID is absent.
 */
export const medicalPractitioner: DatasetKind = {
  id: 'medical_practitioner',
  name: '医师资格与执业注册',
  agency: '卫生健康局',
  description:
    '执业医师（护士）资格和执业注册信息，含资格证书编码、执业证书编码、执业类别、执业范围和执业机构。与医疗机构、从业人员碰撞，发现无资格人员从事医疗美容等诊疗活动。',
  fields: [
    personName({ required: true, extra: ['医师姓名', '执业人员姓名', '护士姓名'] }),
    idNumber(),
    gender(),
    field('qualification_cert_no', '资格证书编码', 'code', [
      '资格证书编码',
      '资格证书编号',
      '资格证书号',
      '医师资格证书编码',
      '医师资格证编号',
      '医师资格证号',
    ]),
    field('practice_cert_no', '执业证书编码', 'code', [
      '执业证书编码',
      '执业证书编号',
      '执业证书号',
      '医师执业证书编码',
      '执业证号',
      '执业证编号',
    ]),
    field('practitioner_type', '人员类别', 'text', ['人员类别', '人员类型', '执业资格类型']),
    field('practice_category', '执业类别', 'text', ['执业类别', '医师类别', '资格类别', '类别']),
    field('practice_scope', '执业范围', 'text', ['执业范围', '执业专业', '专业']),
    field('practice_org', '执业机构', 'org_name', [
      '执业机构',
      '执业机构名称',
      '主要执业机构',
      '注册执业机构',
      '执业单位',
      '工作单位',
    ]),
    field('title', '职称', 'text', ['职称', '技术职称', '专业技术职务']),
    field('qualification_date', '资格取得日期', 'date', [
      '资格取得日期',
      '资格取得时间',
      '取得资格日期',
      '资格证发证日期',
    ]),
    field('registered_date', '执业注册日期', 'date', ['执业注册日期', '注册日期', '注册时间', '首次注册日期', '发证日期']),
  ],
};
