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

/** Hotels, guesthouses and homestays registered with the police (旅馆业). */
export const hotel: DatasetKind = {
  id: 'hotel',
  name: '旅馆',
  agency: '公安局治安管理大队',
  description:
    '旅馆业（宾馆、酒店、民宿）名册，含旅馆编码、特种行业许可证号和经纬度。用于校园周边治理和旅馆业违规接纳未成年人监督（与旅馆住宿登记按旅馆编码或名称关联）。',
  fields: [
    orgName({
      required: true,
      label: '旅馆名称',
      extra: ['旅馆名称', '酒店名称', '宾馆名称', '旅店名称', '民宿名称', '店名', '场所名称'],
    }),
    field('hotel_code', '旅馆编码', 'code', [
      '旅馆编码',
      '旅馆代码',
      '旅馆编号',
      '场所编码',
      '场所编号',
      '场所代码',
      '治安管理编码',
    ]),
    field('licence_no', '特种行业许可证号', 'code', [
      '特种行业许可证号',
      '特种行业许可证编号',
      '特行许可证号',
      '特种行业许可证',
      '许可证号',
    ]),
    uscc(),
    legalRepName(),
    legalRepIdNumber(),
    phone(),
    orgAddress({ label: '旅馆地址', extra: ['旅馆地址', '酒店地址'] }),
    ...location(),
    field('hotel_type', '旅馆类型', 'text', ['旅馆类型', '旅馆类别', '经营类型', '类型']),
    field('room_count', '客房数', 'integer', ['房间数', '客房数', '房间数量', '客房数量']),
    status({ extra: ['经营状态', '营业状态'] }),
  ],
};
