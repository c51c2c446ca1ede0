import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, personName } from '../common-fields.js';

/** Real-estate rights registrations (不动产登记) of natural-person holders. */
export const propertyRegistration: DatasetKind = {
  id: 'property_registration',
  name: '不动产登记',
  agency: '不动产登记中心（自然资源局）',
  description:
    '不动产权属登记信息，含权利人证件号码、不动产权证号、坐落、面积和登记日期。与公租房承租人、住房公积金提取碰撞，发现不符合保障条件或虚假购房提取。',
  fields: [
    idNumber({
      required: true,
      extra: [
        '权利人证件号',
        '权利人证件号码',
        '权利人身份证号',
        '权利人身份证号码',
        '产权人身份证号',
        '产权人证件号码',
        '房屋所有权人证件号码',
      ],
    }),
    personName({
      label: '权利人',
      extra: ['权利人', '权利人名称', '权利人姓名', '产权人', '产权人姓名', '房屋所有权人', '所有权人'],
    }),
    field('certificate_no', '不动产权证号', 'code', [
      '不动产权证号',
      '不动产权证书号',
      '不动产权证书编号',
      '不动产登记证明号',
      '产权证号',
      '房产证号',
      '房屋所有权证号',
      '权证号',
      '证书号',
      '证号',
    ]),
    field('unit_no', '不动产单元号', 'code', ['不动产单元号', '不动产单元代码', '单元号']),
    field('address', '坐落', 'address', ['坐落', '房屋坐落', '不动产坐落', '坐落地址', '房地坐落', '房屋地址', '地址']),
    field('area', '建筑面积', 'text', ['建筑面积', '面积', '房屋面积']),
    field('usage', '用途', 'text', ['用途', '房屋用途', '规划用途', '设计用途']),
    field('right_type', '权利类型', 'text', ['权利类型', '权利类型名称', '权利性质', '登记类型']),
    field('share', '共有情况', 'text', ['共有情况', '共有方式', '共有性质']),
    field('acquired_method', '取得方式', 'text', ['取得方式', '登记原因', '房屋来源', '转移原因']),
    field(
      'registered_date',
      '登记日期',
      'date',
      ['登记日期', '登记时间', '登簿日期', '登簿时间', '发证日期', '核准日期', '办结日期'],
      true,
    ),
    field('deregistered_date', '注销日期', 'date', ['注销日期', '注销时间']),
  ],
};
