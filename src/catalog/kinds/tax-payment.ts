import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, uscc } from '../common-fields.js';

/**
 * Tax payments (入库记录), e.g. 耕地占用税, whose liability arises on the day the taxpayer
 * receives the natural-resources authority's written notice (耕地占用税法 art 10).
 */
export const taxPayment: DatasetKind = {
  id: 'tax_payment',
  name: '税款缴纳记录',
  agency: '税务局',
  description:
    '耕地占用税等税款入库记录，含纳税人、纳税人识别号、税种、金额和入库日期。与用地批复碰撞，发现占用耕地未缴税。',
  fields: [
    field(
      'taxpayer_name',
      '纳税人名称',
      'text',
      ['纳税人名称', '纳税人', '纳税人姓名', '纳税单位', '缴款单位', '缴款单位名称'],
      true,
    ),
    uscc({ label: '纳税人识别号（统一社会信用代码）' }),
    // An individual taxpayer's 纳税人识别号 is the citizen ID; 身份证号 columns hold it.
    idNumber({ label: '纳税人身份证号' }),
    field('tax_type', '税种', 'text', ['税种', '税种名称', '征收项目', '征收项目名称']),
    field('tax_item', '征收品目', 'text', ['征收品目', '征收品目名称', '品目', '品目名称', '税目', '税目名称']),
    field('amount', '实缴税额', 'money', [
      '实缴税额',
      '实缴金额',
      '入库金额',
      '税额',
      '实纳税额',
      '税款金额',
      '缴纳金额',
      '金额',
    ]),
    field('tax_due', '应纳税额', 'money', ['应纳税额', '应缴税额', '应征税额', '应征金额', '应补(退)税额']),
    field(
      'paid_date',
      '入库日期',
      'date',
      ['入库日期', '入库时间', '缴款日期', '缴款时间', '缴纳日期', '缴税日期', '开票日期'],
      true,
    ),
    field('period_start', '税款所属期起', 'date', ['税款所属期起', '所属期起', '所属期起始日期', '所属期起日期']),
    field('period_end', '税款所属期止', 'date', ['税款所属期止', '所属期止', '所属期终止日期', '所属期止日期']),
    field('voucher_no', '电子税票号码', 'code', [
      '电子税票号码',
      '电子税票号',
      '税票号码',
      '完税凭证号',
      '票证号码',
      '凭证号',
    ]),
    field('tax_area', '计税面积', 'text', ['计税面积', '占地面积', '占用面积', '计税依据']),
    field('authority', '主管税务机关', 'org_name', ['主管税务机关', '税务机关', '征收机关', '主管税务所(科、分局)']),
  ],
};
