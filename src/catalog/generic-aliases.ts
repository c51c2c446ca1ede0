/**
 * Fallbacks for custom datasets (no standard kind): headers that appear in almost every agency
 * export, and suffix rules for headers nobody listed (`巡查时间`, `补助款`, `担保人身份证号`).
 * {@link inferFieldFromHeader} consults the kinds' aliases first, then this table, then the
 * suffix rules.
 */
import {
  BIRTH_DATE_ALIASES,
  COORD_SYSTEM_ALIASES,
  ID_NUMBER_ALIASES,
  LAT_ALIASES,
  LNG_ALIASES,
  PHONE_ALIASES,
  USCC_ALIASES,
} from './common-fields.js';
import type { SemanticType } from './semantic-type.js';

/** A header family common to all agency exports, with the field it maps to. */
export interface GenericAlias {
  readonly name: string;
  readonly type: SemanticType;
  readonly aliases: readonly string[];
}

export const GENERIC_ALIASES: readonly GenericAlias[] = [
  { name: 'row_no', type: 'integer', aliases: ['序号', '编号', '行号', '序', 'no', 'no.'] },
  { name: 'remark', type: 'text', aliases: ['备注', '备注信息', '备注说明', '说明', '其他说明'] },
  {
    name: 'address',
    type: 'address',
    aliases: [
      '地址',
      '住址',
      '详细地址',
      '经营地址',
      '注册地址',
      '住所',
      '经营场所',
      '联系地址',
      '通讯地址',
      '家庭住址',
      '居住地址',
      '现住址',
      '户籍地址',
      '所在地',
    ],
  },
  { name: 'phone', type: 'phone', aliases: PHONE_ALIASES },
  { name: 'person_name', type: 'person_name', aliases: ['姓名', '人员姓名', '名字'] },
  {
    name: 'org_name',
    type: 'org_name',
    aliases: ['名称', '单位名称', '企业名称', '机构名称', '主体名称', '公司名称'],
  },
  { name: 'id_number', type: 'idcard', aliases: ID_NUMBER_ALIASES },
  { name: 'uscc', type: 'uscc', aliases: USCC_ALIASES },
  { name: 'gender', type: 'text', aliases: ['性别'] },
  { name: 'ethnicity', type: 'text', aliases: ['民族'] },
  { name: 'birth_date', type: 'date', aliases: BIRTH_DATE_ALIASES },
  { name: 'age', type: 'integer', aliases: ['年龄'] },
  { name: 'lng', type: 'lng', aliases: LNG_ALIASES },
  { name: 'lat', type: 'lat', aliases: LAT_ALIASES },
  { name: 'coord_system', type: 'coord_system', aliases: COORD_SYSTEM_ALIASES },
  { name: 'case_no', type: 'code', aliases: ['案号', '案件编号', '案件号'] },
  { name: 'amount', type: 'money', aliases: ['金额', '总金额', '合计金额', '金额合计'] },
  { name: 'date', type: 'date', aliases: ['日期'] },
  { name: 'time', type: 'datetime', aliases: ['时间'] },
  { name: 'status', type: 'text', aliases: ['状态'] },
  { name: 'township', type: 'text', aliases: ['乡镇', '乡镇(街道)', '所属乡镇', '街道'] },
  { name: 'village', type: 'text', aliases: ['村(社区)', '社区', '村居'] },
  { name: 'source_agency', type: 'org_name', aliases: ['填报单位', '报送单位', '提供单位', '数据来源单位'] },
  // Headers the kinds use for different fields with no majority: for a custom dataset a
  // neutral name beats the first kind's specific one (类型 is not `school_type`).
  { name: 'category', type: 'text', aliases: ['类型', '类别'] },
  { name: 'business_type', type: 'text', aliases: ['业务类型'] },
  { name: 'handled_date', type: 'date', aliases: ['办理日期'] },
  { name: 'usage', type: 'text', aliases: ['用途'] },
  { name: 'industry', type: 'text', aliases: ['行业类别', '所属行业', '行业'] },
  { name: 'document_no', type: 'code', aliases: ['文号', '文书号', '文书编号'] },
  { name: 'certificate_no', type: 'code', aliases: ['证书编号', '证号'] },
  { name: 'handler', type: 'person_name', aliases: ['承办人', '经办人'] },
  { name: 'relation', type: 'text', aliases: ['关系'] },
  { name: 'party_name', type: 'text', aliases: ['当事人', '行政相对人'] },
  { name: 'violation', type: 'text', aliases: ['违法行为'] },
];

/**
 * A rule for a header that ends in a telling word. The field name is the pinyin of the rest of
 * the header plus `base` (`监护人身份证号` -> `jianhuren_id_number`), or `base` alone.
 */
export interface SuffixRule {
  readonly suffixes: readonly string[];
  /** Headers ending in one of these are not matched by this rule (`适用条款` is not money). */
  readonly except?: readonly string[];
  readonly type: SemanticType;
  readonly base: string;
}

/** Tried in order; the first rule with a matching suffix wins, longest suffix first within a rule. */
export const SUFFIX_RULES: readonly SuffixRule[] = [
  { suffixes: ['统一社会信用代码', '社会信用代码', '信用代码'], type: 'uscc', base: 'uscc' },
  {
    suffixes: ['公民身份号码', '身份证件号码', '身份证号码', '身份证号'],
    type: 'idcard',
    base: 'id_number',
  },
  {
    suffixes: ['手机号码', '电话号码', '联系电话', '联系方式', '手机号', '电话', '手机'],
    type: 'phone',
    base: 'phone',
  },
  { suffixes: ['日期'], type: 'date', base: 'date' },
  { suffixes: ['时间'], type: 'datetime', base: 'time' },
  { suffixes: ['金额', '费用', '款'], except: ['条款'], type: 'money', base: 'amount' },
  { suffixes: ['地址', '住址'], type: 'address', base: 'address' },
  { suffixes: ['姓名'], type: 'person_name', base: 'name' },
  { suffixes: ['经度'], type: 'lng', base: 'lng' },
  { suffixes: ['纬度'], type: 'lat', base: 'lat' },
  { suffixes: ['人数', '次数', '天数'], type: 'integer', base: 'count' },
];

/** A header with a money unit (`补贴(元)`, `投资万元`) and no other match is money. */
export const UNIT_RULE: Omit<SuffixRule, 'suffixes'> = { type: 'money', base: 'amount' };
