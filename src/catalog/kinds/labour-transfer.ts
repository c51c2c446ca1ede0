import type { DatasetKind } from '../dataset-kind.js';
import { USCC_ALIASES, field, legalRepIdNumber, legalRepName, projectName } from '../common-fields.js';

/**
 * Cases of refusal to pay wages that the labour inspectorate transfers to the police
 * (涉嫌拒不支付劳动报酬罪案件移送). The police must decide on filing within 3 days.
 */
export const labourTransfer: DatasetKind = {
  id: 'labour_transfer',
  name: '劳动保障监察移送案件',
  agency: '人力资源和社会保障局（劳动保障监察）',
  description:
    '劳动保障监察机构向公安机关移送的涉嫌拒不支付劳动报酬案件，含用人单位、拖欠金额、涉及人数和移送日期。与公安立案登记碰撞，发现移送后未按期立案。',
  fields: [
    field(
      'employer_name',
      '用人单位',
      'org_name',
      [
        '用人单位',
        '用人单位名称',
        '被移送单位',
        '涉案单位',
        '违法单位',
        '欠薪单位',
        '欠薪企业',
        '被投诉单位',
        '单位名称',
        '企业名称',
      ],
      true,
    ),
    field('employer_uscc', '用人单位统一社会信用代码', 'uscc', [...USCC_ALIASES, '用人单位统一社会信用代码']),
    legalRepName({ extra: ['实际控制人', '包工头'] }),
    legalRepIdNumber({ extra: ['实际控制人身份证号', '包工头身份证号'] }),
    projectName({ extra: ['涉案项目'] }),
    field('amount_owed', '拖欠工资金额', 'money', [
      '拖欠工资金额',
      '拖欠工资总额',
      '拖欠劳动报酬金额',
      '拖欠金额',
      '欠薪金额',
      '欠薪总额',
      '涉案金额',
      '涉及金额',
      '金额',
    ]),
    field('worker_count', '涉及人数', 'integer', [
      '涉及人数',
      '涉及劳动者人数',
      '涉及职工人数',
      '涉及农民工人数',
      '拖欠人数',
      '拖欠劳动者人数',
      '欠薪人数',
      '人数',
    ]),
    field('order_date', '责令支付日期', 'date', [
      '责令支付日期',
      '责令改正日期',
      '责令日期',
      '指令书下达日期',
      '限期支付指令书日期',
    ]),
    field('order_deadline', '责令支付期限', 'date', ['责令支付期限', '限期支付期限', '支付期限', '整改期限']),
    field(
      'transfer_date',
      '移送日期',
      'date',
      ['移送日期', '移送时间', '移送公安日期', '移送公安时间', '移送公安机关日期', '移交日期'],
      true,
    ),
    field('transfer_no', '移送书文号', 'code', [
      '移送书文号',
      '移送书编号',
      '移送文书号',
      '移送编号',
      '涉嫌犯罪案件移送书文号',
      '文书号',
    ]),
    field('receiving_agency', '接收公安机关', 'org_name', [
      '接收公安机关',
      '接收机关',
      '接收单位',
      '移送公安机关',
      '受移送机关',
    ]),
    field('police_case_no', '公安案件编号', 'code', ['公安案件编号', '受案编号', '案件编号']),
  ],
};
