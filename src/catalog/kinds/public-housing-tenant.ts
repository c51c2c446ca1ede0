import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, personName, phone, status } from '../common-fields.js';

/**
 * Public rental housing tenants (公共租赁住房承租人). Rosters often lack lease dates, so only the
 * tenant's ID is required.
 */
export const publicHousingTenant: DatasetKind = {
  id: 'public_housing_tenant',
  name: '公租房承租人',
  agency: '住房和城乡建设局（住房保障中心）',
  description:
    '公共租赁住房承租人名册，含身份证号、房屋地址、租赁起止日期、租金和欠租情况。与机动车、不动产、市场主体登记及死亡、羁押记录碰撞，发现不符合保障条件的承租人和长期欠租。',
  fields: [
    idNumber({ required: true, extra: ['承租人身份证号', '承租人身份证号码', '承租人证件号码', '租户身份证号'] }),
    personName({ extra: ['承租人', '承租人姓名', '租户姓名', '保障对象姓名'] }),
    phone(),
    field('estate_name', '小区名称', 'text', ['小区名称', '小区', '公租房项目', '项目名称']),
    field('house_code', '房源编号', 'code', ['房源编号', '房源编码', '房屋编号', '房号']),
    field('address', '房屋地址', 'address', [
      '房屋地址',
      '房源地址',
      '房屋坐落',
      '住房地址',
      '租赁房屋地址',
      '坐落',
      '地址',
    ]),
    field('area', '面积', 'text', ['面积', '建筑面积', '租赁面积', '房屋面积']),
    field('lease_start', '租赁起始日期', 'date', [
      '租赁起始日期',
      '租赁开始日期',
      '租赁起始时间',
      '合同起始日期',
      '合同开始日期',
      '起租日期',
      '租期起',
    ]),
    field('lease_end', '租赁终止日期', 'date', [
      '租赁终止日期',
      '租赁结束日期',
      '租赁截止日期',
      '合同终止日期',
      '合同到期日期',
      '租期止',
      '到期日期',
    ]),
    field('rent', '月租金', 'money', ['月租金', '租金', '租金标准', '月租金(元/月)', '租金(元/月)']),
    field('rent_owed', '欠缴租金', 'money', ['欠缴租金', '欠租金额', '欠缴金额', '拖欠租金', '欠费金额', '累计欠租']),
    field('months_owed', '欠租月数', 'integer', ['欠租月数', '欠缴月数', '拖欠月数', '欠费月数']),
    field('family_size', '家庭人口', 'integer', ['家庭人口', '家庭人口数', '家庭成员数', '共同居住人数', '保障人数']),
    field('tenant_type', '保障对象类别', 'text', ['保障对象类别', '承租人类型', '保障类型', '人员类别', '申请类别']),
    status({ label: '租赁状态', extra: ['租赁状态', '入住状态', '合同状态'] }),
  ],
};
