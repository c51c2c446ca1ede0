import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, personAddress, personName, phone, status } from '../common-fields.js';

/** Motor-vehicle registrations (机动车登记) of natural-person owners. */
export const vehicleRegistration: DatasetKind = {
  id: 'vehicle_registration',
  name: '机动车登记',
  agency: '公安局交通管理部门',
  description:
    '机动车登记信息，含所有人身份证明号码、号牌号码、车辆类型和初次登记日期。与公租房承租人等碰撞，发现不符合保障条件的情形。',
  fields: [
    idNumber({
      required: true,
      extra: [
        '身份证明号码',
        '所有人身份证明号码',
        '机动车所有人身份证明号码',
        '所有人身份证号',
        '所有人证件号码',
        '车主身份证号',
        '车主证件号码',
      ],
    }),
    personName({ label: '机动车所有人', extra: ['机动车所有人', '所有人', '所有人姓名', '车主', '车主姓名'] }),
    field('plate_no', '号牌号码', 'code', ['号牌号码', '车牌号', '车牌号码', '号牌', '车牌', '机动车号牌'], true),
    field('plate_type', '号牌种类', 'text', ['号牌种类', '号牌类型', '车牌类型']),
    field('vehicle_type', '车辆类型', 'text', ['车辆类型', '车型', '机动车类型', '车辆种类']),
    field('brand', '品牌型号', 'text', ['品牌型号', '中文品牌', '品牌', '车辆品牌', '厂牌型号']),
    field('vin', '车辆识别代号', 'code', ['车辆识别代号', '车辆识别代码', '车架号', '识别代号', 'vin']),
    field('use_nature', '使用性质', 'text', ['使用性质', '车辆用途', '用途']),
    field('registered_date', '初次登记日期', 'date', ['初次登记日期', '初登日期', '注册登记日期', '登记日期', '登记时间']),
    field('transfer_date', '转移登记日期', 'date', ['转移登记日期', '过户日期', '转移日期']),
    status({ label: '机动车状态', extra: ['机动车状态', '车辆状态'] }),
    phone(),
    personAddress({ extra: ['住所地址', '登记住所'] }),
  ],
};
