import type { DatasetKind } from '../dataset-kind.js';
import { USCC_ALIASES, field, idNumber, personName, status } from '../common-fields.js';

/** Social-insurance contributions per person and month (社会保险费缴费明细). */
export const socialInsurancePayment: DatasetKind = {
  id: 'social_insurance_payment',
  name: '社会保险缴费记录',
  agency: '人力资源和社会保障局、税务局',
  description:
    '社会保险个人缴费明细，含身份证号、参保单位、险种、费款所属期和缴费金额。与用工名册碰撞，发现用人单位未依法缴纳社会保险。',
  fields: [
    idNumber({ required: true, extra: ['参保人身份证号', '参保人员身份证号', '参保人证件号码'] }),
    personName({ extra: ['参保人姓名', '参保人员姓名', '参保人'] }),
    field('personal_no', '个人编号', 'code', ['个人编号', '个人社保编号', '社保编号', '个人参保编号', '社会保障卡号', '社保卡号']),
    field('employer_name', '参保单位', 'org_name', [
      '参保单位',
      '参保单位名称',
      '单位名称',
      '用人单位',
      '工作单位',
    ]),
    field('employer_uscc', '参保单位统一社会信用代码', 'uscc', [...USCC_ALIASES, '参保单位统一社会信用代码']),
    field('insurance_type', '险种', 'text', ['险种', '险种类型', '险种名称', '参保险种', '保险类型']),
    // A month is stored as a date on the first of the month (202305 -> 2023-05-01).
    field(
      'pay_month',
      '费款所属期',
      'date',
      ['费款所属期', '费款所属期起', '对应费款所属期', '缴费所属期', '所属期', '所属年月', '缴费年月', '缴费月份', '缴费期间'],
      true,
    ),
    field('paid_date', '到账日期', 'date', ['到账日期', '到账时间', '实缴日期', '缴费日期', '入库日期', '缴款日期']),
    field('base', '缴费基数', 'money', ['缴费基数', '月缴费基数', '缴费工资', '申报工资', '基数']),
    field('amount', '实缴金额', 'money', ['实缴金额', '缴费金额', '实缴费额', '缴费总额', '金额']),
    field('due_amount', '应缴金额', 'money', ['应缴金额', '应缴费额', '应缴费金额']),
    field('personal_amount', '个人缴费金额', 'money', ['个人缴费金额', '个人缴费', '个人缴纳', '个人部分']),
    field('employer_amount', '单位缴费金额', 'money', ['单位缴费金额', '单位缴费', '单位缴纳', '单位部分']),
    status({ label: '缴费状态', extra: ['缴费状态', '参保状态', '人员状态', '缴费标志'] }),
  ],
};
