import type { DatasetKind } from '../dataset-kind.js';
import {
  field,
  legalRepIdNumber,
  legalRepName,
  location,
  orgAddress,
  orgName,
  phone,
  status,
  uscc,
} from '../common-fields.js';

/** Holders of a tobacco retail licence (烟草专卖零售许可证). */
export const tobaccoRetailer: DatasetKind = {
  id: 'tobacco_retailer',
  name: '烟草制品零售许可户',
  agency: '烟草专卖局',
  description:
    '烟草专卖零售许可证持证户名册，含许可证号、经营地址和经纬度。用于校园周边治理：学校、幼儿园周边禁止设置烟草销售网点（未成年人保护法第59条）。',
  fields: [
    field(
      'licence_no',
      '许可证号',
      'code',
      [
        '许可证号',
        '许可证编号',
        '许可证号码',
        '烟草专卖零售许可证号',
        '烟草专卖零售许可证编号',
        '零售许可证号',
        '专卖许可证号',
        '烟草专卖许可证号',
        '证号',
      ],
      true,
    ),
    orgName({
      label: '企业名称（字号）',
      extra: ['企业名称(字号)', '字号名称', '字号', '店名', '店铺名称', '商店名称', '零售户名称', '户名', '经营户名称'],
    }),
    legalRepName({ label: '负责人（经营者）' }),
    legalRepIdNumber(),
    uscc(),
    phone(),
    orgAddress({ label: '经营地址', extra: ['零售户地址', '经营地址(详细)'] }),
    ...location(),
    field('business_type', '经营业态', 'text', ['业态', '经营业态', '零售业态', '经营类型', '市场类型']),
    field('issue_date', '发证日期', 'date', ['发证日期', '发证时间', '许可日期', '核发日期', '登记日期', '办证日期']),
    field('valid_until', '有效期至', 'date', [
      '有效期至',
      '有效期限至',
      '许可证有效期至',
      '有效截止日期',
      '有效期截止日期',
      '到期日期',
    ]),
    status({ extra: ['许可证状态', '经营状态', '持证状态'] }),
  ],
};
