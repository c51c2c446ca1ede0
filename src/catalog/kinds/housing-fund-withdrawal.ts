import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, personName } from '../common-fields.js';

/** Withdrawals from the housing provident fund (住房公积金提取). */
export const housingFundWithdrawal: DatasetKind = {
  id: 'housing_fund_withdrawal',
  name: '住房公积金提取',
  agency: '住房公积金管理中心',
  description:
    '住房公积金提取记录，含职工身份证号、提取原因、日期和金额。与法院案件、婚姻登记、不动产登记碰撞，发现以虚假诉讼、假离婚、虚假购房违法套取公积金。',
  fields: [
    idNumber({ required: true, extra: ['职工身份证号', '缴存人身份证号', '提取人身份证号', '职工证件号码'] }),
    personName({ extra: ['职工姓名', '缴存人姓名', '提取人姓名', '提取人'] }),
    field('account_no', '个人公积金账号', 'code', [
      '个人公积金账号',
      '公积金个人账号',
      '公积金账号',
      '个人账号',
      '个人账户',
      '职工账号',
      '账号',
    ]),
    field('employer_name', '缴存单位', 'org_name', ['缴存单位', '缴存单位名称', '单位名称', '所在单位', '工作单位', '单位']),
    field('reason', '提取原因', 'text', [
      '提取原因',
      '提取原因类别',
      '提取类型',
      '提取事由',
      '提取方式',
      '提取种类',
      '业务类型',
    ]),
    field(
      'withdrawal_date',
      '提取日期',
      'date',
      ['提取日期', '提取时间', '支取日期', '办理日期', '业务日期', '交易日期', '到账日期'],
      true,
    ),
    field('amount', '提取金额', 'money', ['提取金额', '本次提取金额', '提取额', '支取金额', '发生额', '金额']),
    field('basis_doc', '提取依据', 'text', ['提取依据', '证明材料', '提取凭证', '依据文书', '关联案号']),
    field('spouse_name', '配偶姓名', 'person_name', ['配偶姓名', '配偶']),
    field('spouse_id_number', '配偶身份证号', 'idcard', ['配偶身份证号', '配偶身份证号码', '配偶证件号码']),
    field('property_address', '房屋坐落', 'address', ['房屋坐落', '房屋地址', '购房地址', '房屋位置']),
  ],
};
