import type { DatasetKind } from '../dataset-kind.js';
import { field, gender, householdAddress, idNumber, personAddress, personName, phone } from '../common-fields.js';

/** Victims in criminal cases, for judicial-assistance (司法救助) leads. */
export const crimeVictim: DatasetKind = {
  id: 'crime_victim',
  name: '刑事案件被害人',
  agency: '人民检察院、人民法院、公安局',
  description:
    '刑事案件被害人信息，含身份证号、案号、罪名、伤情、经济损失和获赔情况。与低保、特困等社会救助记录碰撞，发现符合司法救助条件的被害人。',
  fields: [
    idNumber({
      required: true,
      extra: ['被害人身份证号', '被害人身份证号码', '被害人证件号码', '受害人身份证号', '受害人身份证号码'],
    }),
    personName({ label: '被害人姓名', extra: ['被害人', '被害人姓名', '受害人', '受害人姓名'] }),
    gender(),
    field('age', '年龄', 'integer', ['年龄', '被害人年龄']),
    field('case_no', '案号', 'code', ['案号', '案件编号', '案件号', '部门受案号', '统一受案号', '受案号']),
    field('case_name', '案件名称', 'text', ['案件名称', '案名']),
    field('charge', '罪名', 'text', ['罪名', '涉嫌罪名', '案由', '案件类别']),
    field('injury', '伤情', 'text', ['伤情', '伤情情况', '伤情程度', '受伤情况', '损害后果', '伤残情况', '伤残等级']),
    field('loss_amount', '经济损失', 'money', [
      '经济损失',
      '经济损失金额',
      '直接经济损失',
      '损失金额',
      '损失数额',
      '财产损失',
    ]),
    field('compensation_amount', '已获赔偿金额', 'money', [
      '已获赔偿金额',
      '已获赔偿',
      '已赔偿金额',
      '获赔金额',
      '赔偿金额',
      '赔偿到位金额',
    ]),
    field('family_status', '家庭经济状况', 'text', ['家庭经济状况', '家庭情况', '经济状况', '家庭困难情况', '生活状况']),
    field('stage', '诉讼阶段', 'text', ['诉讼阶段', '案件阶段', '办案环节']),
    field('handling_unit', '承办单位', 'org_name', ['承办单位', '办案单位', '承办院', '承办部门']),
    field('judgment_date', '判决日期', 'date', ['判决日期', '裁判日期', '结案日期']),
    phone(),
    personAddress(),
    householdAddress(),
  ],
};
