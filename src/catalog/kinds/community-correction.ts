import type { DatasetKind } from '../dataset-kind.js';
import { field, householdAddress, idNumber, personAddress, personName, phone, status } from '../common-fields.js';

/**
 * Persons under community correction: probation (缓刑), parole (假释), public surveillance (管制)
 * and temporary service outside prison (暂予监外执行).
 */
export const communityCorrection: DatasetKind = {
  id: 'community_correction',
  name: '社区矫正对象',
  agency: '司法局',
  description:
    '社区矫正对象名册，含身份证号、矫正类别（缓刑、假释、管制、暂予监外执行）、矫正起止日期和执行地司法所。与行政处罚、羁押记录碰撞，发现应提请撤销缓刑、假释的违法行为和"纸面服刑"。',
  fields: [
    idNumber({ required: true, extra: ['矫正对象身份证号', '社区矫正对象身份证号'] }),
    personName({ extra: ['矫正对象姓名', '社区矫正对象姓名', '矫正对象', '社区矫正对象'] }),
    field('sentence_type', '矫正类别', 'text', [
      '矫正类别',
      '矫正类型',
      '社区矫正类别',
      '矫正对象类别',
      '刑罚执行类别',
      '刑罚类型',
      '适用类别',
    ]),
    field('charge', '罪名', 'text', ['罪名', '原判罪名', '犯罪类型', '案由']),
    field('sentence', '原判刑罚', 'text', ['原判刑罚', '原判刑期', '判决刑期', '判处刑罚', '刑期']),
    field(
      'start_date',
      '矫正起始日期',
      'date',
      [
        '矫正起始日期',
        '矫正开始日期',
        '社区矫正起始日期',
        '矫正期限起',
        '矫正起日',
        '入矫日期',
        '入矫时间',
        '报到日期',
        '接收日期',
        '起始日期',
      ],
      true,
    ),
    field('end_date', '矫正结束日期', 'date', [
      '矫正结束日期',
      '矫正终止日期',
      '矫正期满日期',
      '矫正期限止',
      '矫正止日',
      '解矫日期',
      '期满日期',
      '终止日期',
      '截止日期',
    ]),
    field('court', '判决法院', 'org_name', ['判决法院', '原判法院', '裁判机关', '判决机关', '决定机关']),
    field('judgment_no', '判决书文号', 'code', ['判决书文号', '判决书编号', '判决书号', '裁判文书号', '原判案号']),
    field('office', '执行地司法所', 'org_name', ['执行地司法所', '司法所', '负责司法所', '矫正单位', '社区矫正机构']),
    status({ label: '矫正状态', extra: ['矫正状态', '在矫状态', '人员状态', '当前状态'] }),
    field('warning_count', '警告次数', 'integer', ['警告次数', '受警告次数', '累计警告次数']),
    phone(),
    personAddress(),
    householdAddress(),
  ],
};
