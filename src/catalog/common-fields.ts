/**
 * Builders for the fields many dataset kinds share, so that the same concept gets the same
 * canonical name, label, type and header aliases everywhere (`id_number`, `uscc`, `phone`...).
 *
 * Naming rule used by every kind: the entity a row is about keeps the plain names
 * (`id_number`/`person_name` for a person, `org_name`/`uscc` for an organisation); any other
 * party on the row gets a role prefix (`legal_rep_id_number`, `suspect_id_number`,
 * `contractor_uscc`, `hotel_name`).
 */
import type { FieldSpec } from './dataset-kind.js';
import type { SemanticType } from './semantic-type.js';

export interface FieldOptions {
  readonly required?: boolean;
  /** Replaces the default Chinese label. */
  readonly label?: string;
  /** Aliases appended to the defaults (kind-specific header texts). */
  readonly extra?: readonly string[];
}

/** Build a field; duplicate alias strings are dropped. */
export function field(
  name: string,
  label: string,
  type: SemanticType,
  aliases: readonly string[],
  required = false,
): FieldSpec {
  return { name, label, type, required, aliases: [...new Set(aliases)] };
}

function build(
  name: string,
  defaultLabel: string,
  type: SemanticType,
  defaults: readonly string[],
  opts: FieldOptions = {},
): FieldSpec {
  return field(name, opts.label ?? defaultLabel, type, [...defaults, ...(opts.extra ?? [])], opts.required ?? false);
}

// ---------------------------------------------------------------------------------------------
// Alias lists

/** Headers for a citizen ID number (公民身份号码, GB 11643). 社会保障号码 is the ID number too. */
export const ID_NUMBER_ALIASES = [
  '身份证号',
  '身份证号码',
  '公民身份号码',
  '公民身份证号码',
  '公民身份证号',
  '居民身份证号码',
  '居民身份证号',
  '身份证件号码',
  '身份证件号',
  '证件号码',
  '证件号',
  '证件编号',
  '身份证',
  '身份证编号',
  '身份号码',
  '身份证明号码',
  '证件号码(身份证)',
  '身份证号(18位)',
  '身份证号码(18位)',
  '个人身份证号',
  '本人身份证号',
  '本人身份证号码',
  '社会保障号码',
  '公民身份号码(身份证号)',
] as const;

export const PERSON_NAME_ALIASES = ['姓名', '人员姓名', '名字', '本人姓名', '个人姓名'] as const;

/** Headers for a unified social credit code (统一社会信用代码, GB 32100), incl. common misspellings. */
export const USCC_ALIASES = [
  '统一社会信用代码',
  '社会信用代码',
  '信用代码',
  '统一代码',
  '统一信用代码',
  '社会统一信用代码',
  '统一社会信用代码证号',
  '纳税人识别号',
  '纳税人识别号(社会信用代码)',
  '纳税人识别号(统一社会信用代码)',
  '统一社会信用代码(纳税人识别号)',
  '统一社会信用代码/注册号',
  '统一社会信用代码(注册号)',
  '企业统一社会信用代码',
  '单位统一社会信用代码',
  '机构统一社会信用代码',
  'uscc',
] as const;

/** Names of the organisation a row is about (only for kinds whose subject is an organisation). */
export const ORG_NAME_ALIASES = [
  '名称',
  '单位名称',
  '企业名称',
  '机构名称',
  '主体名称',
  '企业(单位)名称',
  '单位(企业)名称',
] as const;

export const PHONE_ALIASES = [
  '电话',
  '联系电话',
  '联系方式',
  '手机',
  '手机号',
  '手机号码',
  '电话号码',
  '联系电话(手机)',
  '联系号码',
  '联系手机',
  '移动电话',
  '固定电话',
  '办公电话',
  '座机',
  '联系人电话',
] as const;

const ADDRESS_BASE = ['地址', '详细地址', '联系地址', '所在地址', '地点', '所在地'] as const;

/** Addresses of an organisation or business. */
export const ORG_ADDRESS_ALIASES = [
  ...ADDRESS_BASE,
  '住所',
  '经营地址',
  '经营场所',
  '住所(经营场所)',
  '经营场所地址',
  '注册地址',
  '注册地',
  '单位地址',
  '办公地址',
  '营业地址',
] as const;

/** Addresses of a person (residence). The household-registration address is a separate field. */
export const PERSON_ADDRESS_ALIASES = [
  ...ADDRESS_BASE,
  '住址',
  '家庭住址',
  '家庭地址',
  '居住地址',
  '现住址',
  '现居住地址',
  '居住地',
  '住所地',
] as const;

export const LNG_ALIASES = [
  '经度',
  '经度坐标',
  '东经',
  '经度(X)',
  'X坐标',
  '坐标X',
  'GPS经度',
  '经度值',
  'lng',
  'lon',
  'longitude',
] as const;

export const LAT_ALIASES = [
  '纬度',
  '纬度坐标',
  '北纬',
  '纬度(Y)',
  'Y坐标',
  '坐标Y',
  'GPS纬度',
  '纬度值',
  'lat',
  'latitude',
] as const;

export const COORD_SYSTEM_ALIASES = ['坐标系', '坐标系统', '坐标类型', '坐标体系', '坐标参考系', '坐标系类型'] as const;

/** The organisation's legal representative, or the responsible person of a branch/individual business. */
export const LEGAL_REP_NAME_ALIASES = ['法定代表人', '法定代表人姓名', '法人代表', '法人', '法人姓名', '法人代表姓名'] as const;
/** Extra headers meaning the same person when the table has no separate "principal" column. */
export const HEAD_NAME_ALIASES = [
  '负责人',
  '负责人姓名',
  '法定代表人(负责人)',
  '经营者',
  '经营者姓名',
  '投资人',
  '业主姓名',
] as const;

export const LEGAL_REP_ID_ALIASES = [
  '法定代表人身份证号',
  '法定代表人身份证号码',
  '法定代表人证件号码',
  '法定代表人证件号',
  '法人身份证号',
  '法人身份证号码',
  '法人代表身份证号',
  '法人证件号码',
  '负责人身份证号',
  '负责人身份证号码',
  '负责人证件号码',
  '经营者身份证号',
  '经营者身份证号码',
  '经营者证件号码',
  '法定代表人(负责人)身份证号',
] as const;

export const GENDER_ALIASES = ['性别'] as const;
export const BIRTH_DATE_ALIASES = ['出生日期', '出生年月', '出生年月日'] as const;
export const HOUSEHOLD_ADDRESS_ALIASES = ['户籍地址', '户籍地', '户籍所在地', '户口所在地', '户籍住址'] as const;

export const PROJECT_NAME_ALIASES = [
  '项目名称',
  '工程名称',
  '建设项目名称',
  '项目全称',
  '工程项目名称',
  '在建项目名称',
] as const;
export const PROJECT_CODE_ALIASES = [
  '项目代码',
  '项目编号',
  '项目编码',
  '工程编号',
  '立项代码',
  '项目统一代码',
  '投资项目代码',
  '投资项目统一代码',
] as const;
export const CONTRACTOR_NAME_ALIASES = [
  '施工单位',
  '施工单位名称',
  '施工总承包单位',
  '施工总承包单位名称',
  '总承包单位',
  '总包单位',
  '施工企业',
  '施工企业名称',
  '承建单位',
  '中标单位',
] as const;
export const CONTRACTOR_USCC_ALIASES = [
  '施工单位统一社会信用代码',
  '施工单位社会信用代码',
  '施工单位信用代码',
  '施工总承包单位统一社会信用代码',
  '总承包单位统一社会信用代码',
  '施工企业统一社会信用代码',
  '承建单位统一社会信用代码',
  '中标单位统一社会信用代码',
] as const;
export const OWNER_NAME_ALIASES = ['建设单位', '建设单位名称', '业主单位', '项目单位', '项目法人', '业主'] as const;
export const OWNER_USCC_ALIASES = [
  '建设单位统一社会信用代码',
  '建设单位社会信用代码',
  '建设单位信用代码',
  '项目单位统一社会信用代码',
  '业主单位统一社会信用代码',
] as const;

export const CASE_NO_ALIASES = ['案号', '案件编号', '案件号'] as const;
export const COURT_CASE_NO_ALIASES = [...CASE_NO_ALIASES, '案件字号', '立案案号'] as const;
export const COURT_ALIASES = ['法院', '承办法院', '审理法院', '经办法院', '法院名称', '立案法院', '执行法院'] as const;

export const SUSPECT_NAME_ALIASES = ['嫌疑人姓名', '犯罪嫌疑人', '犯罪嫌疑人姓名', '嫌疑人'] as const;
export const SUSPECT_ID_ALIASES = [
  '嫌疑人身份证号',
  '嫌疑人身份证号码',
  '嫌疑人证件号码',
  '犯罪嫌疑人身份证号',
  '犯罪嫌疑人身份证号码',
  '犯罪嫌疑人证件号码',
] as const;

export const STATUS_ALIASES = ['状态'] as const;

// ---------------------------------------------------------------------------------------------
// Field builders

/** `id_number`: the citizen ID of the person the row is about. */
export const idNumber = (opts?: FieldOptions): FieldSpec =>
  build('id_number', '公民身份号码', 'idcard', ID_NUMBER_ALIASES, opts);

/** `person_name`: the name of the person the row is about. */
export const personName = (opts?: FieldOptions): FieldSpec =>
  build('person_name', '姓名', 'person_name', PERSON_NAME_ALIASES, opts);

/** `uscc`: the credit code of the organisation the row is about. */
export const uscc = (opts?: FieldOptions): FieldSpec =>
  build('uscc', '统一社会信用代码', 'uscc', USCC_ALIASES, opts);

/** `org_name`: the name of the organisation the row is about. */
export const orgName = (opts?: FieldOptions): FieldSpec =>
  build('org_name', '单位名称', 'org_name', ORG_NAME_ALIASES, opts);

export const phone = (opts?: FieldOptions): FieldSpec => build('phone', '联系电话', 'phone', PHONE_ALIASES, opts);

export const orgAddress = (opts?: FieldOptions): FieldSpec =>
  build('address', '地址', 'address', ORG_ADDRESS_ALIASES, opts);

export const personAddress = (opts?: FieldOptions): FieldSpec =>
  build('address', '住址', 'address', PERSON_ADDRESS_ALIASES, opts);

export const householdAddress = (opts?: FieldOptions): FieldSpec =>
  build('household_address', '户籍地址', 'address', HOUSEHOLD_ADDRESS_ALIASES, opts);

export const lng = (opts?: FieldOptions): FieldSpec => build('lng', '经度', 'lng', LNG_ALIASES, opts);
export const lat = (opts?: FieldOptions): FieldSpec => build('lat', '纬度', 'lat', LAT_ALIASES, opts);
/** The coordinate system of `lng`/`lat` (WGS-84, GCJ-02, BD-09); absent means the import's default. */
export const coordSystem = (opts?: FieldOptions): FieldSpec =>
  build('coord_system', '坐标系', 'coord_system', COORD_SYSTEM_ALIASES, opts);

/** The three fields a located place needs. */
export const location = (): FieldSpec[] => [lng(), lat(), coordSystem()];

/**
 * `legal_rep_name`. With `withHead` (the default) it also claims 负责人/经营者 headers; pass
 * `false` for kinds that have a separate principal (主要负责人) field.
 */
export const legalRepName = (opts?: FieldOptions & { readonly withHead?: boolean }): FieldSpec =>
  build(
    'legal_rep_name',
    '法定代表人',
    'person_name',
    opts?.withHead === false ? LEGAL_REP_NAME_ALIASES : [...LEGAL_REP_NAME_ALIASES, ...HEAD_NAME_ALIASES],
    opts,
  );

export const legalRepIdNumber = (opts?: FieldOptions): FieldSpec =>
  build('legal_rep_id_number', '法定代表人身份证号', 'idcard', LEGAL_REP_ID_ALIASES, opts);

export const gender = (opts?: FieldOptions): FieldSpec => build('gender', '性别', 'text', GENDER_ALIASES, opts);
export const birthDate = (opts?: FieldOptions): FieldSpec =>
  build('birth_date', '出生日期', 'date', BIRTH_DATE_ALIASES, opts);

export const status = (opts?: FieldOptions): FieldSpec => build('status', '状态', 'text', STATUS_ALIASES, opts);

export const projectName = (opts?: FieldOptions): FieldSpec =>
  build('project_name', '项目名称', 'text', PROJECT_NAME_ALIASES, opts);
export const projectCode = (opts?: FieldOptions): FieldSpec =>
  build('project_code', '项目代码', 'code', PROJECT_CODE_ALIASES, opts);
export const ownerName = (opts?: FieldOptions): FieldSpec =>
  build('owner_name', '建设单位', 'org_name', OWNER_NAME_ALIASES, opts);
export const ownerUscc = (opts?: FieldOptions): FieldSpec =>
  build('owner_uscc', '建设单位统一社会信用代码', 'uscc', OWNER_USCC_ALIASES, opts);
export const contractorName = (opts?: FieldOptions): FieldSpec =>
  build('contractor_name', '施工总承包单位', 'org_name', CONTRACTOR_NAME_ALIASES, opts);
export const contractorUscc = (opts?: FieldOptions): FieldSpec =>
  build('contractor_uscc', '施工单位统一社会信用代码', 'uscc', CONTRACTOR_USCC_ALIASES, opts);

/** `case_no`: the case number the row is about (court 案号, police 案件编号...). */
export const caseNo = (opts?: FieldOptions & { readonly court?: boolean }): FieldSpec =>
  build('case_no', '案号', 'code', opts?.court === true ? COURT_CASE_NO_ALIASES : CASE_NO_ALIASES, opts);
export const court = (opts?: FieldOptions): FieldSpec => build('court', '法院', 'org_name', COURT_ALIASES, opts);

export const suspectName = (opts?: FieldOptions): FieldSpec =>
  build('suspect_name', '犯罪嫌疑人姓名', 'person_name', SUSPECT_NAME_ALIASES, opts);
export const suspectIdNumber = (opts?: FieldOptions): FieldSpec =>
  build('suspect_id_number', '犯罪嫌疑人身份证号', 'idcard', SUSPECT_ID_ALIASES, opts);
