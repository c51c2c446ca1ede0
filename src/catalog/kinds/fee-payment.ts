import type { DatasetKind } from '../dataset-kind.js';
import { USCC_ALIASES, field, projectCode, projectName } from '../common-fields.js';

/**
 * Payments of administrative fees such as 水土保持补偿费 (collected by the tax bureau since
 * 2021, by the water bureau before).
 */
export const feePayment: DatasetKind = {
  id: 'fee_payment',
  name: '行政事业性收费缴纳记录',
  agency: '税务局、水利局',
  description:
    '水土保持补偿费等行政事业性收费的缴纳记录，含缴费人、项目、费种、缴费日期和金额。与建设项目碰撞，发现应缴未缴的项目（水土保持法第32条、第57条）。',
  fields: [
    field(
      'payer_name',
      '缴费人名称',
      'text',
      ['缴费人名称', '缴费人', '缴费单位', '缴费单位名称', '缴款人', '缴款单位', '缴费义务人', '缴纳人', '付款人'],
      true,
    ),
    field('payer_uscc', '缴费人统一社会信用代码', 'uscc', [
      ...USCC_ALIASES,
      '缴费人识别号',
      '缴费人统一社会信用代码',
      '缴费单位统一社会信用代码',
    ]),
    projectName(),
    projectCode(),
    field('fee_type', '费种', 'text', [
      '费种',
      '费种名称',
      '收费项目',
      '收费项目名称',
      '费目',
      '缴费项目',
      '征收项目',
      '征收品目',
    ]),
    field(
      'paid_date',
      '缴费日期',
      'date',
      ['缴费日期', '缴费时间', '缴款日期', '缴款时间', '缴纳日期', '入库日期', '到账日期', '收款日期', '开票日期'],
      true,
    ),
    field('amount', '缴费金额', 'money', [
      '缴费金额',
      '缴款金额',
      '实缴金额',
      '缴纳金额',
      '实收金额',
      '收费金额',
      '金额',
    ]),
    field('receipt_no', '票据号码', 'code', [
      '票据号码',
      '票据号',
      '收据号',
      '电子税票号',
      '电子税票号码',
      '缴款书号',
      '凭证号',
      '票号',
    ]),
    field('period', '所属时期', 'text', ['所属时期', '所属期间', '费款所属期间']),
    field('authority', '征收机关', 'org_name', ['征收机关', '征收单位', '收费单位', '主管税务机关', '执收单位']),
  ],
};
