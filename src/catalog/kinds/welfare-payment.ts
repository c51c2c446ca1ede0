import type { DatasetKind } from '../dataset-kind.js';
import { field, householdAddress, idNumber, personAddress, personName, phone } from '../common-fields.js';

/**
 * Social assistance paid to a person: minimum living allowance (低保), support for the extremely
 * poor (特困供养), temporary assistance. One kind serves both rosters (no month) and monthly
 * payment lists, so only `id_number` is required.
 */
export const welfarePayment: DatasetKind = {
  id: 'welfare_payment',
  name: '社会救助（低保、特困）发放',
  agency: '民政局',
  description:
    '最低生活保障、特困人员供养等社会救助对象及资金发放记录，含身份证号、救助类型、金额和发放月份。用于司法救助线索（被害人×救助对象）和死亡、羁押后仍领取救助的监督。',
  fields: [
    idNumber({ required: true, extra: ['救助对象身份证号', '保障对象身份证号', '低保对象身份证号'] }),
    personName({ extra: ['救助对象姓名', '保障对象姓名', '低保对象姓名', '特困人员姓名', '对象姓名'] }),
    field('household_head_name', '户主姓名', 'person_name', ['户主姓名', '户主']),
    field('household_head_id_number', '户主身份证号', 'idcard', ['户主身份证号', '户主身份证号码', '户主证件号码']),
    field('relation_to_head', '与户主关系', 'text', ['与户主关系', '家庭关系', '关系']),
    field('welfare_type', '救助类型', 'text', [
      '救助类型',
      '救助类别',
      '救助项目',
      '保障类型',
      '保障类别',
      '低保类别',
      '对象类别',
      '人员类别',
      '待遇类型',
      '资金类型',
      '类别',
    ]),
    field('amount', '发放金额', 'money', [
      '发放金额',
      '实发金额',
      '救助金额',
      '保障金额',
      '月保障金额',
      '补助金额',
      '保障金',
      '低保金',
      '金额',
    ]),
    // A month is stored as a date on the first of the month (2023年5月 -> 2023-05-01).
    field('pay_month', '发放月份', 'date', [
      '发放月份',
      '发放年月',
      '发放时间',
      '发放日期',
      '所属月份',
      '资金所属期',
      '月份',
    ]),
    field('start_date', '纳入日期', 'date', [
      '纳入日期',
      '纳入时间',
      '批准日期',
      '审批日期',
      '保障起始日期',
      '保障开始日期',
      '享受起始日期',
      '救助开始日期',
    ]),
    field('end_date', '退出日期', 'date', ['退出日期', '停保日期', '停发日期', '终止日期', '保障终止日期', '退保日期']),
    field('family_size', '保障人数', 'integer', ['保障人数', '家庭人口', '家庭人口数', '家庭人数', '救助人数', '享受人数']),
    field('township', '乡镇（街道）', 'text', ['乡镇(街道)', '乡镇', '所属乡镇', '所在乡镇', '乡镇街道', '街道']),
    field('village', '村（社区）', 'text', ['村(社区)', '村居', '村社区', '所属村', '村委会', '社区']),
    field('bank_account', '发放账号', 'code', ['发放账号', '银行账号', '银行卡号', '账号', '卡号', '存折号']),
    phone(),
    personAddress(),
    householdAddress(),
  ],
};
