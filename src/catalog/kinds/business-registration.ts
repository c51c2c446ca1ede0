import type { DatasetKind } from '../dataset-kind.js';
import { field, legalRepIdNumber, legalRepName, orgAddress, orgName, phone, status, uscc } from '../common-fields.js';

/** Registered market entities: companies, branches, individual businesses (个体工商户), co-operatives. */
export const businessRegistration: DatasetKind = {
  id: 'business_registration',
  name: '市场主体登记',
  agency: '市场监督管理局',
  description:
    '市场主体（企业、个体工商户、农民专业合作社）登记信息，含统一社会信用代码、名称、法定代表人及身份证号、住所、电话、登记状态和成立日期。用于涉企公告送达、公租房、医美等监督。',
  fields: [
    uscc(),
    field('reg_no', '注册号', 'code', ['注册号', '工商注册号', '登记注册号', '营业执照注册号', '注册登记号']),
    orgName({
      required: true,
      label: '主体名称',
      extra: ['市场主体名称', '个体工商户名称', '字号名称', '企业(字号)名称', '商号'],
    }),
    field('entity_type', '市场主体类型', 'text', [
      '市场主体类型',
      '市场主体类别',
      '主体类型',
      '企业类型',
      '企业类别',
      '组织形式',
      '经济性质',
      '登记类型',
      '类型',
    ]),
    legalRepName({ extra: ['法定代表人(负责人、经营者)', '法定代表人/负责人'] }),
    legalRepIdNumber(),
    orgAddress({ label: '住所（经营场所）' }),
    phone({ extra: ['企业联系电话', '登记联系电话'] }),
    field('contact_name', '联络员', 'person_name', ['联络员', '联系人', '联系人姓名', '联络员姓名']),
    field('registered_date', '成立日期', 'date', [
      '成立日期',
      '成立时间',
      '登记日期',
      '登记时间',
      '注册日期',
      '注册时间',
      '设立日期',
      '开业日期',
    ]),
    field('approval_date', '核准日期', 'date', ['核准日期', '核准时间', '最近核准日期', '发照日期']),
    status({ label: '登记状态', extra: ['登记状态', '经营状态', '企业状态', '主体状态', '存续状态'] }),
    field('cancelled_date', '注销（吊销）日期', 'date', ['注销日期', '注销时间', '吊销日期', '注销/吊销日期']),
    field('business_scope', '经营范围', 'text', ['经营范围', '许可经营项目', '一般经营项目']),
    field('registered_capital', '注册资本', 'money', ['注册资本', '注册资金', '注册资本金', '出资额', '资金数额']),
    field('industry', '所属行业', 'text', ['所属行业', '行业', '行业类别', '行业门类', '国民经济行业']),
    field('authority', '登记机关', 'org_name', ['登记机关', '登记管理机关', '管辖机关', '管辖单位', '所属市场监管所']),
  ],
};
