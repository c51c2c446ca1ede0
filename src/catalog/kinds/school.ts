import type { DatasetKind } from '../dataset-kind.js';
import { field, location, orgAddress, orgName, phone, uscc } from '../common-fields.js';

/**
 * Schools and kindergartens. Kindergartens are schools with `school_type` 幼儿园: one kind
 * serves both the school-surroundings model (needs `lng`/`lat`) and the kindergarten-name model
 * (needs `org_name` and `ownership` 公办/民办), so only the name is required.
 */
export const school: DatasetKind = {
  id: 'school',
  name: '学校（含幼儿园）',
  agency: '教育局',
  description:
    '辖区各级各类学校和幼儿园名册，含学校类型、办学性质（公办/民办）和经纬度。用于校园周边治理（与烟草零售户、娱乐场所、旅馆按距离碰撞）和幼儿园名称专项监督。',
  fields: [
    orgName({
      required: true,
      label: '学校名称',
      extra: ['学校名称', '学校(幼儿园)名称', '学校(园所)名称', '幼儿园名称', '园所名称', '园名', '校名', '学校全称'],
    }),
    field('school_type', '学校类型', 'text', [
      '学校类型',
      '学校类别',
      '办学类型',
      '学段',
      '类型',
      '机构类型',
      '学校办别',
      '学校(机构)类别',
    ]),
    field('ownership', '办学性质', 'text', [
      '办学性质',
      '办园性质',
      '举办性质',
      '公办/民办',
      '公办民办',
      '公民办',
      '性质',
      '举办者类型',
      '办学体制',
    ]),
    field('sponsor_name', '举办者', 'text', ['举办者', '举办者名称', '举办单位', '举办者姓名']),
    uscc(),
    field('licence_no', '办学许可证号', 'code', [
      '办学许可证号',
      '办学许可证编号',
      '办学许可证',
      '许可证号',
      '民办学校办学许可证号',
    ]),
    field('principal_name', '校（园）长', 'person_name', [
      '校长',
      '园长',
      '校长姓名',
      '园长姓名',
      '校(园)长',
      '负责人',
      '负责人姓名',
      '法定代表人',
    ]),
    phone(),
    orgAddress({ label: '学校地址', extra: ['学校地址', '办学地址', '园址', '校址', '幼儿园地址'] }),
    ...location(),
    field('student_count', '在校生数', 'integer', [
      '在校生数',
      '在园幼儿数',
      '学生数',
      '学生人数',
      '幼儿人数',
      '在校学生数',
      '在园人数',
    ]),
  ],
};
