import type { DatasetKind } from '../dataset-kind.js';
import { caseNo, court, field, status } from '../common-fields.js';

/** Applications by administrative agencies to enforce their decisions through the court (行政非诉执行). */
export const adminEnforcementCase: DatasetKind = {
  id: 'admin_enforcement_case',
  name: '行政非诉执行案件',
  agency: '人民法院',
  description:
    '行政机关申请人民法院强制执行其行政决定的非诉执行案件，含案号、申请机关、被执行人和执行标的。与执行和解协议碰撞，发现和解逾期既未履行又未恢复执行。',
  fields: [
    caseNo({ required: true, court: true }),
    court(),
    field('applicant_agency', '申请执行机关', 'org_name', [
      '申请执行机关',
      '申请执行人',
      '申请机关',
      '申请单位',
      '作出行政行为机关',
      '行政机关',
    ]),
    field('respondent_name', '被执行人', 'text', [
      '被执行人',
      '被执行人姓名',
      '被执行人名称',
      '被申请人',
      '被申请执行人',
      '行政相对人',
    ]),
    field('respondent_id_number', '被执行人身份证号', 'idcard', [
      '被执行人身份证号',
      '被执行人身份证号码',
      '被执行人证件号码',
      '被申请人身份证号',
      '被申请人证件号码',
    ]),
    field('respondent_uscc', '被执行人统一社会信用代码', 'uscc', [
      '被执行人统一社会信用代码',
      '被执行人社会信用代码',
      '被申请人统一社会信用代码',
    ]),
    field('decision_no', '行政决定书文号', 'code', [
      '行政决定书文号',
      '处罚决定书文号',
      '决定书文号',
      '原决定文号',
      '执行依据',
      '执行依据文号',
      '执行依据文书号',
    ]),
    field('cause', '案由', 'text', ['案由', '执行案由', '行政行为种类']),
    field('amount', '申请执行金额', 'money', [
      '申请执行金额',
      '申请执行标的',
      '执行标的',
      '执行标的额',
      '执行金额',
      '应执行金额',
      '标的额',
      '金额',
    ]),
    field('executed_amount', '执行到位金额', 'money', ['执行到位金额', '已执行金额', '实际执行金额', '到位金额']),
    field('filed_date', '立案日期', 'date', ['立案日期', '立案时间', '收案日期', '受理日期'], true),
    field('ruling', '裁定结果', 'text', ['裁定结果', '审查结果', '裁定结论', '是否准予执行']),
    field('ruling_date', '裁定日期', 'date', ['裁定日期', '裁定时间', '审查日期']),
    field('closed_date', '结案日期', 'date', ['结案日期', '结案时间', '办结日期']),
    field('closing_method', '结案方式', 'text', ['结案方式', '结案类型', '执行结果', '处理结果']),
    status({ label: '案件状态', extra: ['案件状态', '执行状态'] }),
  ],
};
