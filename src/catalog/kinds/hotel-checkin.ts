import type { DatasetKind } from '../dataset-kind.js';
import { birthDate, field, gender, idNumber, personAddress, personName, phone } from '../common-fields.js';

/**
 * Guest check-ins from the hotel registration system (旅馆业治安管理信息系统). The guest's age at
 * check-in comes from `id_number` and `checkin_time`; the guardian fields record what 未成年人
 * 保护法 art 57 requires the hotel to ask.
 */
export const hotelCheckin: DatasetKind = {
  id: 'hotel_checkin',
  name: '旅馆住宿登记',
  agency: '公安局治安管理大队',
  description:
    '旅客入住登记记录，含证件号码、入住时间、旅馆、房号、同住人和监护人信息。用于旅馆业违规接纳未成年人监督（未成年人保护法第57条、第122条）。',
  fields: [
    idNumber({
      required: true,
      extra: ['旅客身份证号', '住客身份证号', '旅客证件号码', '住客证件号码', '入住人身份证号', '入住人证件号码', '客人证件号码'],
    }),
    personName({ label: '旅客姓名', extra: ['旅客姓名', '住客姓名', '入住人姓名', '客人姓名'] }),
    gender(),
    birthDate(),
    field(
      'checkin_time',
      '入住时间',
      'datetime',
      ['入住时间', '入住日期', '登记时间', '入住登记时间', '到达时间', '抵店时间', '入住日期时间'],
      true,
    ),
    field('checkout_time', '退房时间', 'datetime', ['退房时间', '离店时间', '退房日期', '离店日期', '离开时间']),
    field('hotel_name', '旅馆名称', 'org_name', [
      '旅馆名称',
      '酒店名称',
      '宾馆名称',
      '入住旅馆',
      '旅馆',
      '场所名称',
      '住宿场所',
    ]),
    field('hotel_code', '旅馆编码', 'code', ['旅馆编码', '旅馆代码', '旅馆编号', '场所编码', '场所编号', '场所代码']),
    field('room_no', '房间号', 'code', ['房间号', '房号', '入住房间', '房间号码', '房间']),
    field('companion_name', '同住人姓名', 'person_name', ['同住人', '同住人姓名', '同行人姓名', '同住人员']),
    field('companion_id_number', '同住人身份证号', 'idcard', [
      '同住人身份证号',
      '同住人身份证号码',
      '同住人证件号码',
      '同行人身份证号',
      '同行人证件号码',
    ]),
    field('companion_relation', '同住人关系', 'text', ['同住人关系', '与同住人关系', '同行人关系']),
    field('guardian_name', '监护人姓名', 'person_name', ['监护人姓名', '监护人', '家长姓名']),
    field('guardian_phone', '监护人联系方式', 'phone', [
      '监护人联系方式',
      '监护人电话',
      '监护人联系电话',
      '监护人手机号',
      '监护人手机号码',
      '家长电话',
      '家长联系方式',
    ]),
    field('guardian_relation', '与未成年人关系', 'text', [
      '与未成年人关系',
      '监护人与未成年人关系',
      '与监护人关系',
      '监护关系',
      '关系',
    ]),
    phone({ label: '旅客联系电话' }),
    personAddress(),
  ],
};
