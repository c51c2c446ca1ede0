import type { DatasetKind } from '../dataset-kind.js';
import { caseNo, field, status, suspectIdNumber, suspectName } from '../common-fields.js';

/**
 * Criminal case registrations (刑事案件立案) from the police case system. A row may name a
 * suspect and a victim, so bare 身份证号 headers are deliberately left unmapped here: the
 * importer asks the user which person they belong to instead of guessing.
 */
export const policeCaseRegistration: DatasetKind = {
  id: 'police_case_registration',
  name: '公安机关刑事案件立案登记',
  agency: '公安局',
  description:
    '公安机关刑事案件受案、立案记录，含案件编号、案件类别、立案日期、案件状态、嫌疑人和被害人。用于刑事"挂案"清理、人身伤害类案件立案监督、拒不支付劳动报酬立案监督和强制报告监督。',
  fields: [
    caseNo({ required: true, label: '案件编号', extra: ['警综案件编号', '立案编号', '案件编码'] }),
    field('case_name', '案件名称', 'text', ['案件名称', '案名']),
    field('case_type', '案件类别', 'text', ['案件类别', '案件类型', '案别', '案件性质', '刑事案件类别']),
    field('charge', '涉嫌罪名', 'text', ['涉嫌罪名', '罪名', '案由']),
    field('occurred_date', '发案时间', 'date', ['发案时间', '发案日期', '案发时间', '案发日期']),
    field('accepted_date', '受案日期', 'date', [
      '受案日期',
      '受案时间',
      '报案日期',
      '报案时间',
      '接报时间',
      '受理日期',
      '接收日期',
    ]),
    field(
      'filed_date',
      '立案日期',
      'date',
      ['立案日期', '立案时间', '立案日', '立案审批日期', '立案批准时间'],
      true,
    ),
    status({ label: '案件状态', extra: ['案件状态', '办案状态', '当前状态', '处理状态'] }),
    field('handling_unit', '办案单位', 'org_name', ['办案单位', '主办单位', '立案单位', '办案部门', '承办单位', '侦查单位']),
    field('source', '案件来源', 'text', ['案件来源', '来源', '线索来源', '受案来源']),
    field('summary', '简要案情', 'text', ['简要案情', '案情简介', '案情', '简要案情描述', '发案经过']),
    suspectName(),
    suspectIdNumber(),
    field('suspect_org_name', '犯罪嫌疑单位', 'org_name', ['犯罪嫌疑单位', '嫌疑单位', '涉案单位', '涉嫌单位']),
    field('victim_name', '被害人姓名', 'person_name', ['被害人', '被害人姓名', '受害人', '受害人姓名']),
    field('victim_id_number', '被害人身份证号', 'idcard', [
      '被害人身份证号',
      '被害人身份证号码',
      '被害人证件号码',
      '受害人身份证号',
      '受害人身份证号码',
      '受害人证件号码',
    ]),
  ],
};
