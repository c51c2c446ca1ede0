import type { DatasetKind } from '../dataset-kind.js';
import { USCC_ALIASES, birthDate, field, gender, idNumber, personAddress, personName, phone } from '../common-fields.js';

/** Employee rosters (职工花名册) supplied by employers or the labour bureau. */
export const employee: DatasetKind = {
  id: 'employee',
  name: '用工名册',
  agency: '人力资源和社会保障局、用人单位',
  description:
    '用人单位职工花名册，含身份证号、性别、用人单位、岗位、入职和离职日期及工资。与社会保险缴费记录碰撞，发现未缴社保、欠薪（商超妇女权益保护等）。',
  fields: [
    idNumber({ required: true, extra: ['职工身份证号', '职工身份证号码', '员工身份证号', '劳动者身份证号'] }),
    personName({ extra: ['职工姓名', '员工姓名', '劳动者姓名'] }),
    gender(),
    birthDate(),
    field('employer_name', '用人单位', 'org_name', [
      '用人单位',
      '用人单位名称',
      '单位名称',
      '工作单位',
      '所在单位',
      '企业名称',
      '公司名称',
    ]),
    field('employer_uscc', '用人单位统一社会信用代码', 'uscc', [...USCC_ALIASES, '用人单位统一社会信用代码']),
    field('store', '所在门店', 'org_name', ['所在门店', '门店', '门店名称', '工作门店', '店铺']),
    field('position', '岗位', 'text', ['岗位', '工作岗位', '岗位名称', '职务', '工种']),
    field('hire_date', '入职日期', 'date', [
      '入职日期',
      '入职时间',
      '用工日期',
      '用工起始日期',
      '参加工作时间',
      '劳动合同起始日期',
      '合同开始日期',
    ]),
    field('leave_date', '离职日期', 'date', ['离职日期', '离职时间', '解除劳动合同日期', '用工终止日期', '合同终止日期']),
    field('monthly_wage', '月工资', 'money', ['月工资', '月薪', '工资', '应发工资', '工资标准', '基本工资']),
    field('contract_signed', '是否签订劳动合同', 'boolean', ['是否签订劳动合同', '是否签订合同', '签订劳动合同']),
    phone(),
    personAddress(),
  ],
};
