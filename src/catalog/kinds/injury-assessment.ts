import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, personName } from '../common-fields.js';

/**
 * Forensic injury assessments (伤情鉴定). 轻伤二级 and above is the threshold of intentional
 * injury (故意伤害罪), which is what makes an unfiled case a lead.
 */
export const injuryAssessment: DatasetKind = {
  id: 'injury_assessment',
  name: '伤情鉴定',
  agency: '公安局物证鉴定机构、司法鉴定机构',
  description:
    '人体损伤程度鉴定记录，含被鉴定人身份证号、鉴定意见（轻微伤、轻伤、重伤）和鉴定日期。与公安立案登记碰撞，发现达到轻伤以上未立案的人身伤害案件。',
  fields: [
    idNumber({ required: true, extra: ['被鉴定人身份证号', '被鉴定人证件号码', '伤者身份证号'] }),
    personName({ label: '被鉴定人', extra: ['被鉴定人', '被鉴定人姓名', '伤者', '伤者姓名'] }),
    field(
      'injury_degree',
      '损伤程度',
      'text',
      ['损伤程度', '损伤程度等级', '伤情程度', '伤情等级', '鉴定意见', '鉴定结论', '伤情鉴定结论', '鉴定结果'],
      true,
    ),
    field(
      'assessment_date',
      '鉴定日期',
      'date',
      ['鉴定日期', '鉴定时间', '鉴定完成日期', '出具日期', '意见书出具日期', '鉴定意见书日期', '报告日期'],
      true,
    ),
    field('institution', '鉴定机构', 'org_name', ['鉴定机构', '鉴定机构名称', '鉴定单位', '鉴定中心']),
    field('report_no', '鉴定文书号', 'code', [
      '鉴定文书号',
      '鉴定文书编号',
      '鉴定书编号',
      '鉴定书号',
      '鉴定意见书编号',
      '鉴定编号',
      '报告编号',
      '文书编号',
    ]),
    field('case_no', '关联案件编号', 'code', ['关联案件编号', '案件编号', '委托案件编号', '案号']),
    field('entrusting_agency', '委托单位', 'org_name', ['委托单位', '委托机关', '送检单位', '委托人']),
    field('injury_date', '受伤日期', 'date', ['受伤日期', '受伤时间', '致伤时间', '伤害发生时间', '案发时间']),
    field('injury_cause', '致伤原因', 'text', ['致伤原因', '受伤原因', '致伤方式', '伤因']),
    field('injury_site', '受伤部位', 'text', ['受伤部位', '损伤部位', '伤及部位']),
  ],
};
