import type { DatasetKind } from '../dataset-kind.js';
import { field, legalRepName, location, orgAddress, orgName, phone, status, uscc } from '../common-fields.js';

/** Bars, KTV, game halls and internet cafés: the venues barred near schools. */
export const entertainmentVenue: DatasetKind = {
  id: 'entertainment_venue',
  name: '娱乐场所（酒吧、KTV、游艺厅、网吧）',
  agency: '文化广电旅游局（文化市场综合执法）',
  description:
    '歌舞娱乐、游艺娱乐场所、酒吧和互联网上网服务营业场所名册，含场所类型和经纬度。用于校园周边治理（未成年人保护法第58条）。',
  fields: [
    orgName({
      required: true,
      label: '场所名称',
      extra: ['场所名称', '店名', '门店名称', '网吧名称', '网吧名称(字号)', '娱乐场所名称', '经营单位名称'],
    }),
    field('venue_type', '场所类型', 'text', [
      '场所类型',
      '场所类别',
      '娱乐场所类型',
      '经营类型',
      '经营类别',
      '经营项目',
      '行业类别',
      '业态',
      '类型',
    ]),
    field('licence_no', '经营许可证号', 'code', [
      '许可证号',
      '许可证编号',
      '经营许可证号',
      '娱乐经营许可证号',
      '网络文化经营许可证号',
      '文化经营许可证号',
    ]),
    uscc(),
    legalRepName(),
    phone(),
    orgAddress({ label: '经营地址' }),
    ...location(),
    field('issue_date', '发证日期', 'date', ['发证日期', '发证时间', '许可日期', '核发日期']),
    status({ extra: ['经营状态', '营业状态'] }),
  ],
};
