import type { DatasetKind } from '../dataset-kind.js';
import { birthDate, field, gender, idNumber, personAddress, personName, phone } from '../common-fields.js';

/**
 * Hospital visits with injuries (伤情就诊记录). Minors often have no ID number on the record,
 * so the required fields are the name and the visit date; `age` and `birth_date` identify minors.
 */
export const hospitalVisit: DatasetKind = {
  id: 'hospital_visit',
  name: '医疗机构伤情就诊记录',
  agency: '卫生健康局（医疗机构）',
  description:
    '医疗机构接诊的外伤、伤害就诊记录，含患者身份证号、年龄、诊断、伤情程度、就诊日期和是否报警。与公安立案、接报警记录碰撞，用于人身伤害类案件立案监督和强制报告监督。',
  fields: [
    personName({ required: true, label: '患者姓名', extra: ['患者姓名', '患者', '就诊人姓名', '就诊人', '病人姓名'] }),
    idNumber({ extra: ['患者身份证号', '患者证件号码', '就诊人身份证号', '就诊人证件号码'] }),
    gender({ extra: ['患者性别'] }),
    field('age', '年龄', 'integer', ['年龄', '患者年龄', '就诊年龄', '年龄(岁)']),
    birthDate(),
    // The visit's own number identifies a lead when the patient (often a child) has no ID number.
    field('visit_no', '就诊流水号', 'code', ['就诊流水号', '就诊ID', '就诊号', '住院号', '门诊号', '住院号/门诊号', '病案号', '病历号']),
    field('hospital_name', '就诊医院', 'org_name', [
      '就诊医院',
      '就诊机构',
      '就诊单位',
      '接诊医院',
      '首诊医院',
      '医院名称',
      '医疗机构名称',
      '医疗机构',
    ]),
    field('department', '就诊科室', 'text', ['就诊科室', '接诊科室', '科室', '科别']),
    field(
      'visit_date',
      '就诊日期',
      'date',
      ['就诊日期', '就诊时间', '接诊日期', '接诊时间', '首诊日期', '首诊时间', '门诊日期', '入院日期', '入院时间'],
      true,
    ),
    field('diagnosis', '诊断', 'text', [
      '诊断',
      '诊断结果',
      '诊断名称',
      '初步诊断',
      '临床诊断',
      '门诊诊断',
      '入院诊断',
      '主要诊断',
      '疾病名称',
    ]),
    field('injury_cause', '致伤原因', 'text', [
      '致伤原因',
      '受伤原因',
      '损伤原因',
      '外伤原因',
      '伤因',
      '致伤方式',
      '受伤经过',
    ]),
    field('injury_site', '受伤部位', 'text', ['受伤部位', '损伤部位', '伤及部位']),
    field('injury_degree', '伤情程度', 'text', ['伤情程度', '损伤程度', '受伤程度', '伤情', '伤势', '伤情等级']),
    field('reported_to_police', '是否报警', 'boolean', [
      '是否报警',
      '是否报案',
      '已报警',
      '是否向公安机关报告',
      '是否报告公安',
      '是否强制报告',
    ]),
    field('report_date', '报告日期', 'date', ['报告日期', '报告时间', '报警时间', '报警日期', '报案时间']),
    field('guardian_name', '监护人姓名', 'person_name', ['监护人姓名', '监护人', '家长姓名', '陪同人姓名', '陪诊人']),
    field('guardian_phone', '监护人联系方式', 'phone', [
      '监护人联系方式',
      '监护人电话',
      '监护人联系电话',
      '家长电话',
      '家长联系方式',
      '陪同人电话',
    ]),
    phone(),
    personAddress(),
  ],
};
