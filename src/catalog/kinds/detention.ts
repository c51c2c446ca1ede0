import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, personName } from '../common-fields.js';

/** Custody periods: criminal detention, arrest, administrative detention (看守所, 拘留所). */
export const detention: DatasetKind = {
  id: 'detention',
  name: '羁押、拘留记录',
  agency: '公安局监管支队（看守所、拘留所）',
  description:
    '在押、被拘留人员的入所和出所记录，含身份证号、羁押类型、起止日期和监所。与医保结算、社区矫正、公租房碰撞，发现羁押期间发生的结算、"纸面服刑"等。',
  fields: [
    idNumber({ required: true, extra: ['在押人员身份证号', '被羁押人身份证号', '被拘留人身份证号'] }),
    personName({ extra: ['在押人员姓名', '被羁押人姓名', '被拘留人姓名', '被监管人员姓名'] }),
    field('detention_type', '羁押类型', 'text', [
      '羁押类型',
      '羁押性质',
      '拘留类型',
      '强制措施',
      '措施类型',
      '诉讼阶段',
      '人员类型',
      '类型',
    ]),
    field(
      'start_date',
      '入所日期',
      'date',
      [
        '入所日期',
        '入所时间',
        '羁押日期',
        '羁押开始日期',
        '羁押起始日期',
        '拘留日期',
        '拘留开始日期',
        '拘留起始日期',
        '收押日期',
        '收拘日期',
        '开始日期',
        '起始日期',
      ],
      true,
    ),
    field('end_date', '出所日期', 'date', [
      '出所日期',
      '出所时间',
      '释放日期',
      '羁押结束日期',
      '羁押截止日期',
      '拘留结束日期',
      '拘留截止日期',
      '解除日期',
      '结束日期',
      '截止日期',
    ]),
    field('facility', '羁押场所', 'org_name', ['羁押场所', '监所名称', '羁押地点', '监管场所', '所在监所', '执行场所']),
    field('case_no', '案件编号', 'code', ['案件编号', '案号', '案件号']),
    field('charge', '案由', 'text', ['案由', '罪名', '涉嫌罪名', '拘留原因', '违法行为']),
    field('handling_unit', '办案单位', 'org_name', ['办案单位', '送押单位', '送拘单位', '决定机关']),
  ],
};
