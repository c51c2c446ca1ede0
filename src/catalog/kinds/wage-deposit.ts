import type { DatasetKind } from '../dataset-kind.js';
import {
  CONTRACTOR_USCC_ALIASES,
  USCC_ALIASES,
  contractorName,
  field,
  projectCode,
  projectName,
  status,
} from '../common-fields.js';

/**
 * Migrant workers' wage deposits (农民工工资保证金). The general contractor deposits it
 * (保障农民工工资支付条例 art 32); a bank guarantee (保函) may replace the cash deposit.
 */
export const wageDeposit: DatasetKind = {
  id: 'wage_deposit',
  name: '农民工工资保证金存储记录',
  agency: '人力资源和社会保障局',
  description:
    '农民工工资保证金存储（含银行保函）记录，含施工总承包单位、项目、存储日期、金额和是否保函。与建设项目、施工许可证碰撞，发现未按期存储保证金的施工单位。',
  fields: [
    contractorName({ required: true, extra: ['存储单位', '存储单位名称', '缴存单位', '缴存单位名称'] }),
    // The deposit record's only credit code is the contractor's, so the bare headers go here too.
    field('contractor_uscc', '施工单位统一社会信用代码', 'uscc', [...CONTRACTOR_USCC_ALIASES, ...USCC_ALIASES]),
    projectName(),
    projectCode(),
    field(
      'deposit_date',
      '存储日期',
      'date',
      ['存储日期', '存储时间', '缴存日期', '缴存时间', '存入日期', '缴纳日期', '到账日期', '办理日期', '保函开立日期'],
      true,
    ),
    field('amount', '存储金额', 'money', [
      '存储金额',
      '缴存金额',
      '保证金金额',
      '保证金额',
      '存储额度',
      '保函金额',
      '金额',
    ]),
    field('is_guarantee', '是否保函', 'boolean', ['是否保函', '是否以保函替代', '是否为保函', '保函', '保函替代']),
    field('deposit_method', '存储方式', 'text', ['存储方式', '缴存方式', '缴纳方式', '存储形式']),
    field('guarantee_no', '保函编号', 'code', ['保函编号', '保函号', '保函编码']),
    field('bank', '存储银行', 'org_name', ['存储银行', '开户银行', '存储银行名称', '经办银行', '保函出具银行', '出具银行']),
    field('account_no', '保证金账号', 'code', ['保证金账号', '保证金账户', '专用账户', '存储账号', '账号']),
    field('refund_date', '退还日期', 'date', ['退还日期', '返还日期', '退还时间', '返还时间']),
    status({ extra: ['保证金状态'] }),
  ],
};
