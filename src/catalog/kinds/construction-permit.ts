import type { DatasetKind } from '../dataset-kind.js';
import {
  contractorName,
  contractorUscc,
  field,
  ownerName,
  ownerUscc,
  projectCode,
  projectName,
} from '../common-fields.js';

/**
 * Construction permits (建筑工程施工许可证). The permit's issue date starts the 20-working-day
 * term for the general contractor's wage deposit (人社部发〔2021〕65号 art 8).
 */
export const constructionPermit: DatasetKind = {
  id: 'construction_permit',
  name: '建筑工程施工许可证',
  agency: '住房和城乡建设局',
  description:
    '施工许可证核发记录，含许可证号、发证日期、建设单位和施工单位统一社会信用代码。用于农民工工资保证金监督：取得施工许可证后20个工作日内应存储保证金。',
  fields: [
    field(
      'permit_no',
      '施工许可证号',
      'code',
      ['施工许可证号', '施工许可证编号', '施工许可证', '施工许可编号', '许可证号', '许可证编号', '证书编号'],
      true,
    ),
    projectName(),
    projectCode(),
    ownerName(),
    ownerUscc(),
    contractorName(),
    contractorUscc(),
    field('contract_amount', '合同价格', 'money', ['合同价格', '合同金额', '合同价', '合同价款', '工程造价']),
    field('building_area', '建设规模', 'text', ['建筑面积', '建设规模', '面积']),
    field('address', '建设地址', 'address', ['建设地址', '建设地点', '项目地址', '工程地点', '工程地址', '地址']),
    field('issue_date', '发证日期', 'date', ['发证日期', '发证时间', '核发日期', '颁发日期', '许可日期', '批准日期'], true),
    field('authority', '发证机关', 'org_name', ['发证机关', '核发机关', '审批机关']),
  ],
};
