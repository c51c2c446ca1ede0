import type { DatasetKind } from '../dataset-kind.js';
import {
  ID_NUMBER_ALIASES,
  PERSON_NAME_ALIASES,
  SUSPECT_ID_ALIASES,
  SUSPECT_NAME_ALIASES,
  field,
} from '../common-fields.js';

/**
 * Procuratorate decisions in review for arrest and review for prosecution (不批准逮捕, 不起诉,
 * 批准逮捕, 起诉...), exported from the 统一业务应用系统. `police_case_no` links back to the police
 * registration; 案件编号 is left unmapped because both numbers go by that header.
 */
export const prosecutionDecision: DatasetKind = {
  id: 'prosecution_decision',
  name: '检察机关审查逮捕、审查起诉决定',
  agency: '人民检察院',
  description:
    '检察机关不批准逮捕、不起诉等审查决定，含受案号、犯罪嫌疑人身份证号、决定和日期。与公安立案、撤案记录碰撞，发现不捕不诉后长期未处理的"挂案"。',
  fields: [
    field('case_no', '部门受案号', 'code', ['部门受案号', '统一受案号', '受案号', '检察院案号', '案号'], true),
    field('police_case_no', '侦查机关案件编号', 'code', [
      '侦查机关案件编号',
      '公安案件编号',
      '公安机关案件编号',
      '移送案件编号',
      '原案件编号',
      '侦查机关案号',
    ]),
    field('case_name', '案件名称', 'text', ['案件名称', '案名']),
    field('charge', '罪名', 'text', ['罪名', '涉嫌罪名', '案由', '移送案由']),
    field('suspect_name', '犯罪嫌疑人姓名', 'person_name', [...SUSPECT_NAME_ALIASES, ...PERSON_NAME_ALIASES]),
    field('suspect_id_number', '犯罪嫌疑人身份证号', 'idcard', [...SUSPECT_ID_ALIASES, ...ID_NUMBER_ALIASES]),
    field(
      'decision',
      '决定',
      'text',
      ['决定', '处理决定', '决定类型', '决定内容', '决定结果', '审查结论', '审查结果', '处理结果'],
      true,
    ),
    field(
      'decision_date',
      '决定日期',
      'date',
      ['决定日期', '决定时间', '作出决定日期', '决定作出日期', '办结日期', '审结日期'],
      true,
    ),
    field('reason', '不捕（不诉）理由', 'text', [
      '不捕理由',
      '不捕类型',
      '不起诉理由',
      '不起诉类型',
      '不捕(不诉)理由',
      '理由',
      '原因',
    ]),
    field('stage', '办案环节', 'text', ['办案环节', '诉讼环节', '案件类别', '阶段', '案件类型']),
    field('referring_agency', '移送机关', 'org_name', ['移送机关', '移送单位', '侦查机关', '提请机关', '移送机关名称']),
    field('document_no', '文书号', 'code', ['文书号', '文书编号', '决定书文号', '文号']),
    field('prosecutor', '承办检察官', 'person_name', ['承办检察官', '承办人', '案件承办人']),
  ],
};
