import type { DatasetKind } from '../dataset-kind.js';
import { caseNo, field } from '../common-fields.js';

/**
 * Settlement agreements reached during enforcement (执行和解协议). A settlement past `due_date`
 * that is neither fulfilled nor resumed is the lead.
 */
export const enforcementSettlement: DatasetKind = {
  id: 'enforcement_settlement',
  name: '执行和解协议',
  agency: '人民法院',
  description:
    '执行案件中达成的和解协议，含案号、约定履行期限、是否履行完毕和是否恢复执行。与行政非诉执行案件碰撞，发现和解逾期未履行且未恢复执行。',
  fields: [
    caseNo({ required: true, court: true }),
    field('applicant_agency', '申请执行人', 'org_name', ['申请执行人', '申请执行机关', '申请机关']),
    field('respondent_name', '被执行人', 'text', ['被执行人', '被执行人姓名', '被执行人名称', '被申请人']),
    field('agreement_date', '和解日期', 'date', [
      '和解日期',
      '签订日期',
      '协议签订日期',
      '和解协议签订日期',
      '达成和解日期',
      '签署日期',
      '协议日期',
    ]),
    field(
      'due_date',
      '约定履行期限',
      'date',
      [
        '约定履行期限',
        '履行期限',
        '履行期限至',
        '履行期限届满日期',
        '履行截止日期',
        '约定履行日期',
        '最后履行日期',
        '到期日期',
      ],
      true,
    ),
    field('amount', '和解金额', 'money', ['和解金额', '和解协议金额', '协议金额', '约定履行金额', '履行金额', '金额']),
    field('paid_amount', '已履行金额', 'money', ['已履行金额', '实际履行金额', '已付金额', '已缴金额']),
    field('fulfilled', '是否履行完毕', 'boolean', ['是否履行完毕', '是否已履行', '是否履行', '履行完毕']),
    field('fulfilment_status', '履行情况', 'text', ['履行情况', '履行状态']),
    field('fulfilled_date', '履行完毕日期', 'date', ['履行完毕日期', '实际履行日期', '履行日期']),
    field('resumed', '是否恢复执行', 'boolean', ['是否恢复执行', '是否已恢复执行', '恢复执行']),
    field('resumed_date', '恢复执行日期', 'date', ['恢复执行日期', '恢复执行时间', '恢复执行立案日期']),
    field('content', '和解内容', 'text', ['和解内容', '协议内容', '和解协议内容', '履行方式']),
  ],
};
