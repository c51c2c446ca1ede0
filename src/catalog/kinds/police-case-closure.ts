import type { DatasetKind } from '../dataset-kind.js';
import {
  ID_NUMBER_ALIASES,
  PERSON_NAME_ALIASES,
  SUSPECT_ID_ALIASES,
  SUSPECT_NAME_ALIASES,
  caseNo,
  field,
} from '../common-fields.js';

/**
 * How a police criminal case ended: withdrawn (撤销案件), sent for prosecution (移送审查起诉),
 * investigation terminated (终止侦查). A registered case with no row here is still open.
 */
export const policeCaseClosure: DatasetKind = {
  id: 'police_case_closure',
  name: '公安机关刑事案件撤案、结案',
  agency: '公安局',
  description:
    '公安机关刑事案件撤销案件、终止侦查、移送审查起诉记录，含案件编号、处理结果和日期。与立案登记碰撞，发现长期未结的"挂案"。',
  fields: [
    caseNo({ required: true, label: '案件编号' }),
    field('case_name', '案件名称', 'text', ['案件名称', '案名']),
    field('closure_type', '处理结果', 'text', [
      '处理结果',
      '结案方式',
      '处理方式',
      '结案类型',
      '处理类型',
      '案件处理结果',
      '办结方式',
      '终结方式',
      '撤案/结案',
    ]),
    field(
      'closure_date',
      '处理日期',
      'date',
      [
        '处理日期',
        '处理时间',
        '撤案日期',
        '撤案时间',
        '结案日期',
        '结案时间',
        '移送起诉日期',
        '移送起诉时间',
        '移送审查起诉日期',
        '终止侦查日期',
        '办结日期',
      ],
      true,
    ),
    field('reason', '撤案原因', 'text', ['撤案原因', '撤案理由', '撤销案件原因', '处理理由', '原因']),
    // The suspect is the only person on a closure row, so bare ID/name headers are theirs.
    field('suspect_name', '犯罪嫌疑人姓名', 'person_name', [...SUSPECT_NAME_ALIASES, ...PERSON_NAME_ALIASES]),
    field('suspect_id_number', '犯罪嫌疑人身份证号', 'idcard', [...SUSPECT_ID_ALIASES, ...ID_NUMBER_ALIASES]),
    field('handling_unit', '办案单位', 'org_name', ['办案单位', '主办单位', '办案部门', '承办单位']),
    field('document_no', '文书号', 'code', [
      '文书号',
      '文书编号',
      '决定书文号',
      '撤销案件决定书文号',
      '起诉意见书文号',
    ]),
  ],
};
