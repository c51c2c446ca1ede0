import type { DatasetKind } from '../dataset-kind.js';
import { field, gender, idNumber, personAddress, personName } from '../common-fields.js';

/** Deaths: household-registration cancellations, death certificates, cremations. */
export const deathRegistration: DatasetKind = {
  id: 'death_registration',
  name: '死亡登记',
  agency: '公安局户政、卫生健康局、民政局（殡葬）',
  description:
    '死亡人员信息（户籍注销、死亡医学证明、火化记录），含身份证号和死亡日期。与医保结算、社会救助、公租房等碰撞，发现死亡后仍发生的结算、领取。',
  fields: [
    idNumber({ required: true, extra: ['死者身份证号', '死者身份证号码', '死亡人身份证号', '逝者身份证号'] }),
    personName({ extra: ['死者姓名', '死亡人姓名', '逝者姓名'] }),
    gender(),
    field('death_date', '死亡日期', 'date', ['死亡日期', '死亡时间', '死亡日', '去世日期', '死亡年月日'], true),
    field('registered_date', '注销日期', 'date', ['注销日期', '注销时间', '户口注销日期', '登记日期', '登记时间']),
    field('cremation_date', '火化日期', 'date', ['火化日期', '火化时间']),
    field('cause', '死亡原因', 'text', ['死亡原因', '死因', '根本死因']),
    field('place', '死亡地点', 'text', ['死亡地点', '死亡地址', '死亡场所']),
    field('source', '数据来源', 'text', ['数据来源', '来源', '注销机关']),
    personAddress(),
  ],
};
