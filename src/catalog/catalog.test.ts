import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENERIC_ALIASES,
  SEMANTIC_TYPES,
  aliasConflicts,
  fieldKeys,
  getKind,
  headerKey,
  inferFieldFromHeader,
  listKinds,
  matchHeaders,
  parseHeader,
  validateKind,
  type DatasetKind,
  type FieldSpec,
} from './index.js';

function kind(id: string): DatasetKind {
  const k = getKind(id);
  if (!k) throw new Error(`no kind ${id}`);
  return k;
}

/** Column index -> field name, for compact assertions. */
function names(k: DatasetKind, headers: string[]): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [i, f] of matchHeaders(k, headers).mapping) out[i] = f.name;
  return out;
}

/** Decorate a header the way agency templates do: required marker, spaces between characters, colon. */
function messy(alias: string): string {
  return `*${[...alias].join(' ')}：`;
}

describe('catalogue', () => {
  const kinds = listKinds();

  it('has the standard kinds the built-in models need', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(30);
    expect(kinds.length).toBeLessThanOrEqual(40);
    for (const id of [
      'school',
      'tobacco_retailer',
      'entertainment_venue',
      'hotel',
      'hotel_checkin',
      'construction_project',
      'construction_permit',
      'wage_deposit',
      'fee_payment',
      'tax_payment',
      'land_use_approval',
      'police_case_registration',
      'police_case_closure',
      'prosecution_decision',
      'court_case',
      'court_service',
      'admin_enforcement_case',
      'enforcement_settlement',
      'business_registration',
      'welfare_payment',
      'death_registration',
      'detention',
      'community_correction',
      'administrative_penalty',
      'medical_institution',
      'medical_practitioner',
      'medical_insurance_claim',
      'housing_fund_withdrawal',
      'public_housing_tenant',
      'vehicle_registration',
      'property_registration',
      'hospital_visit',
      'labour_transfer',
      'employee',
      'social_insurance_payment',
      'injury_assessment',
      'marriage_registration',
      'crime_victim',
    ]) {
      expect(getKind(id), id).toBeDefined();
    }
  });

  it('gives every kind a unique id', () => {
    const ids = kinds.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(kinds.map((k) => [k.id, k] as const))('%s passes validateKind', (_id, k) => {
    expect(validateKind(k)).toEqual([]);
  });

  it.each(kinds.map((k) => [k.id, k] as const))('%s has a Chinese name, agency and description', (_id, k) => {
    expect(k.name).toMatch(/\p{Script=Han}/u);
    expect(k.agency).toMatch(/\p{Script=Han}/u);
    expect(k.description.length).toBeGreaterThan(10);
  });

  it.each(kinds.map((k) => [k.id, k] as const))('%s has unique field names and at least one required field', (_id, k) => {
    const fieldNames = k.fields.map((f) => f.name);
    expect(new Set(fieldNames).size).toBe(fieldNames.length);
    expect(k.fields.some((f) => f.required)).toBe(true);
    for (const f of k.fields) expect(SEMANTIC_TYPES).toContain(f.type);
  });

  it.each(kinds.map((k) => [k.id, k] as const))('%s claims no header key for two fields', (_id, k) => {
    const owner = new Map<string, string>();
    for (const f of k.fields) {
      for (const key of fieldKeys(f).map(headerKey)) {
        const prev = owner.get(key);
        expect(prev === undefined || prev === f.name, `${key}: ${prev} vs ${f.name}`).toBe(true);
        owner.set(key, f.name);
      }
    }
  });

  it.each(kinds.map((k) => [k.id, k] as const))('%s: every alias, label and name round-trips to its field', (_id, k) => {
    for (const f of k.fields) {
      for (const alias of fieldKeys(f)) {
        expect(matchHeaders(k, [alias]).mapping.get(0), `${alias} -> ${f.name}`).toBe(f);
        expect(matchHeaders(k, [messy(alias)]).mapping.get(0), `${messy(alias)} -> ${f.name}`).toBe(f);
      }
    }
  });

  it('is frozen', () => {
    const k = kind('school');
    expect(Object.isFrozen(k)).toBe(true);
    expect(Object.isFrozen(k.fields)).toBe(true);
    expect(Object.isFrozen(k.fields[0]?.aliases)).toBe(true);
  });

  it('names the same concept the same way in every kind', () => {
    const byType = (f: FieldSpec, suffix: string, plain: string) =>
      f.name === plain || f.name.endsWith(`_${suffix}`);
    for (const k of kinds) {
      for (const f of k.fields) {
        const where = `${k.id}.${f.name}`;
        if (f.type === 'idcard') expect(byType(f, 'id_number', 'id_number'), where).toBe(true);
        if (f.type === 'uscc') expect(byType(f, 'uscc', 'uscc'), where).toBe(true);
        if (f.type === 'phone') expect(byType(f, 'phone', 'phone'), where).toBe(true);
        if (f.type === 'lat') expect(f.name, where).toBe('lat');
        if (f.type === 'lng') expect(f.name, where).toBe('lng');
        if (f.type === 'coord_system') expect(f.name, where).toBe('coord_system');
      }
    }
  });

  it('puts coordinates on the places the school-surroundings model measures', () => {
    for (const id of ['school', 'tobacco_retailer', 'entertainment_venue', 'hotel']) {
      const fieldNames = kind(id).fields.map((f) => f.name);
      expect(fieldNames, id).toEqual(expect.arrayContaining(['lat', 'lng', 'coord_system', 'org_name']));
    }
  });

  it('getKind returns undefined for an unknown id', () => {
    expect(getKind('no_such_kind')).toBeUndefined();
    expect(getKind('tobacco_retailer')?.name).toBe('烟草制品零售许可户');
  });

  it('agrees on semantic types across kinds, except the documented 登记时间', () => {
    const typeConflicts = aliasConflicts().filter((c) => new Set(c.candidates.map((x) => x.type)).size > 1);
    expect(typeConflicts.map((c) => c.key)).toEqual(['登记时间']);
    expect(new Set(typeConflicts[0]?.candidates.map((c) => c.type))).toEqual(new Set(['date', 'datetime']));
    expect(inferFieldFromHeader('登记时间')).toMatchObject({ name: 'registered_date', type: 'date' });
  });

  it('agrees with the generic table on the type of shared headers', () => {
    for (const g of GENERIC_ALIASES) {
      for (const alias of g.aliases) {
        const hit = aliasConflicts().find((c) => c.key === headerKey(alias));
        const inferred = inferFieldFromHeader(alias);
        expect(inferred?.type, alias).toBe(g.type);
        if (hit) for (const c of hit.candidates) expect(c.type, alias).toBe(g.type);
      }
    }
  });
});

describe('parseHeader', () => {
  it.each([
    [' *金额（万元）：', '金额', 'wan'],
    ['金额(万元)', '金额', 'wan'],
    ['注册资本万元', '注册资本', 'wan'],
    ['金额【万元】', '金额', 'wan'],
    ['罚款金额(元)', '罚款金额', 'yuan'],
    ['罚款金额（元）', '罚款金额', 'yuan'],
    ['金额(单位：元)', '金额', 'yuan'],
    ['金额', '金额', null],
    ['单元', '单元', null],
    ['身 份 证\n号', '身份证号', null],
    ['\u3000姓\u3000名\u3000', '姓名', null],
    ['※联系电话:', '联系电话', null],
    ['**姓名*', '姓名', null],
    ['ＬＡＴ（Ｙ）', 'LAT(Y)', null],
    ['经度[X]', '经度(X)', null],
    ['〔案号〕', '(案号)', null],
    ['⽇期', '日期', null],
  ] as const)('%j -> %j, unit %j', (raw, text, unit) => {
    expect(parseHeader(raw)).toEqual({ text, unit });
  });

  it('never reduces a header to nothing', () => {
    expect(parseHeader('*').text).toBe('*');
    expect(parseHeader('(元)')).toEqual({ text: '(元)', unit: 'yuan' });
    expect(parseHeader('万元')).toEqual({ text: '万元', unit: 'wan' });
    expect(parseHeader('  ').text).toBe('');
  });

  it('is idempotent', () => {
    const pieces = fc.constantFrom(
      '*',
      '※',
      ':',
      '：',
      '（',
      '）',
      '(',
      ')',
      '【',
      '】',
      '[',
      ']',
      '〔',
      '〕',
      '元',
      '万',
      '万元',
      '单位',
      '人民币',
      ' ',
      '\u3000',
      '\n',
      '\u200b',
      'Ａ',
      'ａ',
      '１',
      '金额',
      '身份证号',
      '\u0301',
      'e',
      '⽇',
    );
    const header = fc.oneof(
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(header, (raw) => {
        const once = parseHeader(raw).text;
        expect(parseHeader(once).text).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('matchHeaders', () => {
  it('maps a messy tobacco retailer export', () => {
    const headers = [
      '序号',
      '许可证号',
      '企业名称（字号）',
      '负 责 人',
      '经营地址',
      '经度',
      '纬度',
      '*坐标系',
      '备注',
    ];
    const m = matchHeaders(kind('tobacco_retailer'), headers);
    expect(names(kind('tobacco_retailer'), headers)).toEqual({
      1: 'licence_no',
      2: 'org_name',
      3: 'legal_rep_name',
      4: 'address',
      5: 'lng',
      6: 'lat',
      7: 'coord_system',
    });
    expect(m.unmatched).toEqual([0, 8]);
  });

  it('maps a hotel check-in export with guardian fields', () => {
    const headers = [
      '旅馆名称',
      '房间号',
      '姓 名',
      '证件号码',
      '入住时间',
      '退房时间',
      '监护人姓名',
      '监护人联系方式',
      '与未成年人关系',
    ];
    expect(names(kind('hotel_checkin'), headers)).toEqual({
      0: 'hotel_name',
      1: 'room_no',
      2: 'person_name',
      3: 'id_number',
      4: 'checkin_time',
      5: 'checkout_time',
      6: 'guardian_name',
      7: 'guardian_phone',
      8: 'guardian_relation',
    });
  });

  it('maps full-width brackets, inner spaces, markers and units', () => {
    const k = kind('wage_deposit');
    const headers = ['*施工总承包单位', '统一社会信用代码', '项目名称', '存储日期：', '存储金额（万元）', '是否保函'];
    const m = matchHeaders(k, headers);
    expect(names(k, headers)).toEqual({
      0: 'contractor_name',
      1: 'contractor_uscc',
      2: 'project_name',
      3: 'deposit_date',
      4: 'amount',
      5: 'is_guarantee',
    });
    expect(m.units).toEqual(new Map([[4, 'wan']]));
    expect(m.unmatched).toEqual([]);
  });

  it('maps a business registration export', () => {
    const k = kind('business_registration');
    const headers = [
      '统一社会信用代码',
      '企业名称',
      '法定代表人',
      '法定代表人身份证号',
      '住所',
      '联系电话',
      '登记状态',
      '成立日期',
      '注册资本(万元)',
    ];
    expect(names(k, headers)).toEqual({
      0: 'uscc',
      1: 'org_name',
      2: 'legal_rep_name',
      3: 'legal_rep_id_number',
      4: 'address',
      5: 'phone',
      6: 'status',
      7: 'registered_date',
      8: 'registered_capital',
    });
    expect(matchHeaders(k, headers).units.get(8)).toBe('wan');
  });

  it('maps police registrations without guessing whose bare ID column it is', () => {
    const k = kind('police_case_registration');
    const headers = ['案件编号', '案件类别', '立案时间', '案件状态', '犯罪嫌疑人', '嫌疑人身份证号', '身份证号'];
    const m = matchHeaders(k, headers);
    expect(names(k, headers)).toEqual({
      0: 'case_no',
      1: 'case_type',
      2: 'filed_date',
      3: 'status',
      4: 'suspect_name',
      5: 'suspect_id_number',
    });
    expect(m.unmatched).toEqual([6]);
  });

  it('maps a welfare roster and a court service export', () => {
    expect(names(kind('welfare_payment'), ['姓名', '公民身份号码', '救助类型', '发放金额（元）', '发放月份'])).toEqual({
      0: 'person_name',
      1: 'id_number',
      2: 'welfare_type',
      3: 'amount',
      4: 'pay_month',
    });
    expect(names(kind('court_service'), ['案号', '受送达人', '送达方式', '送达日期', '送达地址'])).toEqual({
      0: 'case_no',
      1: 'recipient_name',
      2: 'method',
      3: 'service_date',
      4: 'recipient_address',
    });
  });

  it('lets the first of two columns for the same field win', () => {
    const k = kind('death_registration');
    const m = matchHeaders(k, ['身份证号', '死亡日期', '公民身份号码', '死亡时间']);
    expect(names(k, ['身份证号', '死亡日期', '公民身份号码', '死亡时间'])).toEqual({ 0: 'id_number', 1: 'death_date' });
    expect(m.unmatched).toEqual([2, 3]);
  });

  it('treats empty and missing header cells as unmatched', () => {
    const headers: string[] = ['', '姓名'];
    headers[3] = '身份证号';
    const m = matchHeaders(kind('detention'), headers);
    expect(m.unmatched).toEqual([0, 2]);
    expect(m.mapping.get(3)?.name).toBe('id_number');
  });

  it('matches ASCII headers case-insensitively', () => {
    expect(names(kind('school'), ['LNG', 'Lat', 'ORG_NAME'])).toEqual({ 0: 'lng', 1: 'lat', 2: 'org_name' });
  });
});

describe('inferFieldFromHeader', () => {
  it.each([
    ['统一社会信用代码', 'uscc', 'uscc'],
    ['纳税人识别号(社会信用代码)', 'uscc', 'uscc'],
    ['公民身份号码', 'id_number', 'idcard'],
    ['身份证号码', 'id_number', 'idcard'],
    ['金额', 'amount', 'money'],
    ['金额（万元）', 'amount', 'money'],
    ['姓名', 'person_name', 'person_name'],
    ['联系电话', 'phone', 'phone'],
    ['手机号', 'phone', 'phone'],
    ['经度', 'lng', 'lng'],
    ['纬度', 'lat', 'lat'],
    ['序号', 'row_no', 'integer'],
    ['编号', 'row_no', 'integer'],
    ['备注', 'remark', 'text'],
    ['地址', 'address', 'address'],
    ['注册地址', 'address', 'address'],
    ['名称', 'org_name', 'org_name'],
    ['类型', 'category', 'text'],
  ] as const)('%s -> %s (%s)', (header, name, type) => {
    expect(inferFieldFromHeader(header)).toMatchObject({ name, type });
  });

  it('finds a date field for 登记日期 and other kinds’ dates', () => {
    expect(inferFieldFromHeader('登记日期')?.type).toBe('date');
    expect(inferFieldFromHeader('立案日期')).toMatchObject({ name: 'filed_date', type: 'date', via: 'kind_alias' });
  });

  it('prefers the name most kinds use', () => {
    // 身份证号 is suspect_id_number in two kinds but id_number in most.
    expect(inferFieldFromHeader('身份证号')?.name).toBe('id_number');
    expect(inferFieldFromHeader('单位名称')?.name).toBe('org_name');
  });

  it.each([
    ['巡查时间', 'xuncha_time', 'datetime'],
    ['开庭日期', 'kaiting_date', 'date'],
    ['补助款', 'buzhu_amount', 'money'],
    ['补贴(元)', 'butie_amount', 'money'],
    ['培训费用', 'peixun_amount', 'money'],
    ['担保人身份证号码', 'danbaoren_id_number', 'idcard'],
    ['出资方统一社会信用代码', 'chuzifang_uscc', 'uscc'],
    ['值班手机', 'zhiban_phone', 'phone'],
    ['紧急联系人电话', 'jinjilianxiren_phone', 'phone'],
  ] as const)('suffix rule: %s -> %s (%s)', (header, name, type) => {
    expect(inferFieldFromHeader(header)).toEqual({ name, type, via: 'suffix_rule' });
  });

  it('returns undefined when nothing applies', () => {
    expect(inferFieldFromHeader('适用条款')).toBeUndefined();
    expect(inferFieldFromHeader('随便什么')).toBeUndefined();
    expect(inferFieldFromHeader('   ')).toBeUndefined();
  });

  it('returns snake_case names for every alias of every kind', () => {
    for (const k of listKinds()) {
      for (const f of k.fields) {
        for (const alias of f.aliases) {
          expect(inferFieldFromHeader(alias)?.name, alias).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
        }
      }
    }
  });
});
