import type { DatasetKind } from '../dataset-kind.js';
import {
  contractorName,
  contractorUscc,
  field,
  location,
  ownerName,
  ownerUscc,
  projectCode,
  projectName,
  status,
} from '../common-fields.js';

/** Construction projects (在建/已建项目) with their owner and general contractor. */
export const constructionProject: DatasetKind = {
  id: 'construction_project',
  name: '建设项目',
  agency: '住房和城乡建设局、发展和改革局',
  description:
    '辖区建设项目清单，含建设单位、施工总承包单位、投资额和开工日期。用于水土保持补偿费（与缴费记录碰撞）和农民工工资保证金（与存储记录碰撞）监督。',
  fields: [
    projectName({ required: true }),
    projectCode({ extra: ['备案编号', '项目备案号'] }),
    ownerName(),
    ownerUscc(),
    contractorName(),
    contractorUscc(),
    field('address', '建设地点', 'address', [
      '建设地点',
      '建设地址',
      '项目地址',
      '项目地点',
      '工程地点',
      '工程地址',
      '项目位置',
      '地址',
    ]),
    ...location(),
    field('project_type', '项目类型', 'text', ['项目类型', '项目类别', '工程类别', '工程类型', '建设性质', '行业类别']),
    field('total_investment', '总投资', 'money', ['总投资', '投资总额', '项目总投资', '计划总投资', '总投资额']),
    field('contract_amount', '合同金额', 'money', [
      '合同金额',
      '合同价',
      '合同价款',
      '中标金额',
      '中标价',
      '工程造价',
      '工程合同价款',
    ]),
    field('land_area', '用地面积', 'text', ['用地面积', '占地面积', '项目用地面积']),
    field('approval_date', '立项日期', 'date', ['立项日期', '立项时间', '批复日期', '审批日期', '核准日期', '备案日期']),
    field('start_date', '开工日期', 'date', ['开工日期', '开工时间', '计划开工日期', '实际开工日期']),
    field('completion_date', '竣工日期', 'date', ['竣工日期', '竣工时间', '完工日期', '计划竣工日期']),
    status({ label: '项目状态', extra: ['项目状态', '建设状态', '项目进度'] }),
  ],
};
