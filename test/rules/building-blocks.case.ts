// The conformance suite of the model compiler: one small model per building block of the model
// language, over the fixture warehouse (support/fixture-data.ts), with the leads each must find
// derived by hand from the fixture rows. `buildingBlockSuite` runs it on one engine; the
// *.duckdb / *.pglite / *.postgres test files run it on each, and the cross-engine test compares
// the engines' results with each other.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/rules/spec/model-spec.js';
import { parseModelSpec, validateModelSpec } from '../../src/rules/spec/model-validator.js';
import { AS_OF, PEOPLE, PLACES } from './support/fixture-data.js';
import { haversineMetres } from './support/geo-offset.js';
import { buildFixture, expectedFingerprint, runModel, type Engine, type EngineName, type Fixture, type Lead } from './support/dialect-harness.js';

/** A lead as a block expects it: evidence written `dataset:key` (the fixture row's key field). */
export interface ExpectedLead {
  readonly subject: readonly (string | null)[];
  readonly evidence: readonly string[];
  readonly flags: readonly (boolean | null)[];
  readonly templates?: readonly unknown[];
  readonly amount?: number | null;
}

export interface BlockRun {
  /** Parameter overrides; none = the model's defaults. */
  readonly params?: Readonly<Record<string, string>>;
  readonly expected: readonly ExpectedLead[];
}

export interface BuildingBlock {
  readonly name: string;
  readonly spec: ModelSpec;
  readonly runs: readonly BlockRun[];
}

// ---------------------------------------------------------------------------------------------
// Model helpers

type InputDef = readonly [alias: string, kind: string, fields: readonly string[]];

interface ModelDef {
  readonly id: string;
  readonly inputs: readonly InputDef[];
  readonly rule: unknown;
  readonly lead: { readonly subject: readonly string[]; readonly title?: string; readonly reason?: string; readonly amount?: unknown };
  readonly parameters?: readonly unknown[];
}

/** A building-block model in TS object form, through the same validation as a model file. */
function model(def: ModelDef): ModelSpec {
  return validateModelSpec(
    {
      id: def.id,
      name: `构件：${def.id}`,
      version: 1,
      lineOfWork: '其他',
      description: '模型编译器一致性测试的构件模型',
      legalBasis: [{ law: '（测试用）', article: '—', text: '—' }],
      parameters: def.parameters ?? [],
      inputs: def.inputs.map(([alias, kind, fields]) => ({ alias, kind, fields })),
      rule: def.rule,
      lead: { title: '构件线索', reason: '构件线索', severity: 'low', ...def.lead },
    },
    `building-blocks/${def.id}`,
  );
}

const lead = (subject: string | readonly (string | null)[], evidence: readonly string[], flags: readonly (boolean | null)[], extra: Partial<ExpectedLead> = {}): ExpectedLead => ({
  subject: typeof subject === 'string' ? [subject] : subject,
  evidence,
  flags,
  ...extra,
});

const REG: InputDef = ['reg', 'police_case_registration', ['case_no', 'case_type', 'filed_date', 'accepted_date', 'occurred_date', 'status', 'suspect_id_number', 'victim_id_number']];
const CLOSURE: InputDef = ['closure', 'police_case_closure', ['case_no', 'closure_type', 'suspect_id_number']];
const CLAIM: InputDef = ['claim', 'medical_insurance_claim', ['claim_no', 'id_number', 'person_name', 'hospital_name', 'settlement_date', 'total_amount']];
const DEATH: InputDef = ['death', 'death_registration', ['id_number', 'person_name', 'death_date']];
const SCHOOL: InputDef = ['school', 'school', ['licence_no', 'org_name', 'school_type', 'student_count', 'lat', 'lng']];
const TOBACCO: InputDef = ['tobacco', 'tobacco_retailer', ['licence_no', 'lat', 'lng']];
const PERMIT: InputDef = ['permit', 'construction_permit', ['permit_no', 'contractor_name', 'contractor_uscc', 'issue_date']];
const DEPOSIT: InputDef = ['deposit', 'wage_deposit', ['contractor_name', 'contractor_uscc', 'deposit_date']];

const regBy = (id: string, where: unknown): ModelSpec => model({ id, inputs: [REG, CLOSURE], rule: { from: 'reg', where }, lead: { subject: ['reg.case_no'] } });
const claimBy = (id: string, where: unknown): ModelSpec => model({ id, inputs: [CLAIM, DEATH], rule: { from: 'claim', where }, lead: { subject: ['claim.claim_no'] } });
const schoolBy = (id: string, where: unknown): ModelSpec => model({ id, inputs: [SCHOOL], rule: { from: 'school', where }, lead: { subject: ['school.licence_no'] } });
const permitBy = (id: string, where: unknown): ModelSpec => model({ id, inputs: [PERMIT, DEPOSIT], rule: { from: 'permit', where }, lead: { subject: ['permit.permit_no'] } });

const once = (expected: readonly ExpectedLead[]): BlockRun[] => [{ expected }];
/** Leads of the `reg` models: subject = evidence = the registration row, with these flags. */
const regs = (flags: readonly (boolean | null)[], ...cases: string[]): ExpectedLead[] => cases.map((c) => lead(c, [`reg:${c}`], flags));
const claims = (flags: readonly (boolean | null)[], ...list: string[]): ExpectedLead[] =>
  list.map((c) => lead(c, [`${['C07', 'C08', 'C09', 'C10'].includes(c) ? 'claim_b' : 'claim_a'}:${c}`], flags));
const schools = (flags: readonly (boolean | null)[], ...list: string[]): ExpectedLead[] => list.map((s) => lead(s, [`school:${s}`], flags));
const permits = (flags: readonly (boolean | null)[], ...list: string[]): ExpectedLead[] => list.map((p) => lead(p, [`permit:${p}`], flags));
const shops = (flags: readonly (boolean | null)[], ...list: string[]): ExpectedLead[] => list.map((t) => lead(t, [`tobacco:${t}`], flags));

/** The distance of a near pair rendered as text: its whole metres and any decimals. */
const metresText = (a: { lat: number; lng: number }, b: { lat: number; lng: number }): unknown =>
  expect.stringMatching(new RegExp(`^${Math.floor(haversineMetres(a, b))}(\\.\\d+)?$`));

// ---------------------------------------------------------------------------------------------
// The building blocks

export const BUILDING_BLOCKS: readonly BuildingBlock[] = [
  // --- comparisons
  {
    name: 'compare = on text',
    spec: regBy('cmp_eq_text', { compare: { left: 'reg.case_type', op: '=', right: { value: '盗窃' } } }),
    runs: once(regs([true], 'A001', 'A003')),
  },
  {
    // SQL three-valued logic: A004 has no status, so it is neither = nor != 撤案.
    name: 'compare != on text leaves out rows without a value',
    spec: regBy('cmp_ne_text', { compare: { left: 'reg.status', op: '!=', right: { value: '撤案' } } }),
    runs: once(regs([true], 'A001', 'A002', 'A005', 'A006')),
  },
  {
    name: 'compare >= on text',
    spec: regBy('cmp_ge_text', { compare: { left: 'reg.case_no', op: '>=', right: { value: 'A004' } } }),
    runs: once(regs([true], 'A004', 'A005', 'A006')),
  },
  {
    // A003 was filed on 2022-07-02 itself: not before it.
    name: 'compare < on dates',
    spec: regBy('cmp_lt_date', { compare: { left: 'reg.filed_date', op: '<', right: { value: '2022-07-02' } } }),
    runs: once(regs([true], 'A001', 'A002', 'A006')),
  },
  {
    // C03 is exactly 5000.00, C05 is 4999.99; C07 is in the second claims dataset.
    name: 'compare >= on money',
    spec: claimBy('cmp_ge_money', { compare: { left: 'claim.total_amount', op: '>=', right: 5000 } }),
    runs: once(claims([true], 'C03', 'C07')),
  },
  {
    // A threshold with more decimals than money has is not rounded to cents: 4999.995 lets
    // 4999.99 (C05) out, 5000.00 (C03) in.
    name: 'compare >= on money, a threshold finer than cents',
    spec: claimBy('cmp_ge_money_fine', { compare: { left: 'claim.total_amount', op: '>=', right: 4999.995 } }),
    runs: once(claims([true], 'C03', 'C07')),
  },
  {
    // A threshold in cents, from a parameter: 4999.99 (C05) is in.
    name: 'compare >= on money, a parameter in cents',
    spec: model({
      id: 'cmp_ge_money_param',
      inputs: [CLAIM],
      parameters: [{ name: 'min_amount', type: 'number', default: 4999.99, label: '金额' }],
      rule: { from: 'claim', where: { compare: { left: 'claim.total_amount', op: '>=', right: { param: 'min_amount' } } } },
      lead: { subject: ['claim.claim_no'] },
    }),
    runs: once(claims([true], 'C03', 'C05', 'C07')),
  },
  {
    // SCH07 has exactly 100 pupils.
    name: 'compare < on integers',
    spec: schoolBy('cmp_lt_integer', { compare: { left: 'school.student_count', op: '<', right: 100 } }),
    runs: once(schools([true], 'SCH02', 'SCH04')),
  },
  // --- lists, words, patterns, emptiness
  {
    name: 'in a list of texts',
    spec: regBy('in_text', { in: { field: 'reg.case_type', values: ['盗窃', '抢劫'] } }),
    runs: once(regs([true], 'A001', 'A003', 'A004')),
  },
  {
    name: 'in a list of integers',
    spec: schoolBy('in_integer', { in: { field: 'school.student_count', values: [60, 95, 101] } }),
    runs: once(schools([true], 'SCH02', 'SCH04')),
  },
  {
    // SCH04 has two of the words and is one lead; SCH05 has 国际 but is not a kindergarten.
    name: 'containsAny: 国际 / 双语 / 贵族 in kindergarten names',
    spec: schoolBy('contains_any', {
      all: [{ compare: { left: 'school.school_type', op: '=', right: { value: '幼儿园' } } }, { containsAny: { field: 'school.org_name', words: ['国际', '双语', '贵族'] } }],
    }),
    runs: once(schools([true, true], 'SCH01', 'SCH02', 'SCH04')),
  },
  {
    // Anchored: the 13-digit 5201020000051 does not match.
    name: 'matches a regular expression',
    spec: model({ id: 'regex', inputs: [TOBACCO], rule: { from: 'tobacco', where: { matches: { field: 'tobacco.licence_no', pattern: '^520102[0-9]{6}$' } } }, lead: { subject: ['tobacco.licence_no'] } }),
    runs: once(shops([true], '520102000001', '520102000002')),
  },
  {
    name: 'isEmpty',
    spec: regBy('is_empty', { isEmpty: 'reg.suspect_id_number' }),
    runs: once(regs([true], 'A003')),
  },
  {
    name: 'notEmpty',
    spec: regBy('not_empty', { notEmpty: 'reg.victim_id_number' }),
    runs: once(regs([true], 'A004', 'A005', 'A006')),
  },
  // --- days and ages
  {
    // A002 was filed exactly 730 days before the run date, A003 729 days.
    name: 'daysBetween a field and the run date',
    spec: regBy('days_to_run_date', { daysBetween: { from: 'reg.filed_date', to: { runDate: true }, op: '>=', days: 730 } }),
    runs: once(regs([true], 'A001', 'A002', 'A006')),
  },
  {
    // accepted → filed: A001 40 days, A002 exactly 30, A003 31, the others 4.
    name: 'daysBetween two fields',
    spec: regBy('days_between_fields', { daysBetween: { from: 'reg.accepted_date', to: 'reg.filed_date', op: '>', days: 30 } }),
    runs: once(regs([true], 'A001', 'A003')),
  },
  {
    // A005's suspect turns 18 on the run date; A004's is 17; A003 has no suspect.
    name: 'age from the ID number at the run date',
    spec: regBy('age_at_run_date', { age: { idNumber: 'reg.suspect_id_number', op: '<', years: 18 } }),
    runs: once(regs([true], 'A004')),
  },
  {
    // The victim of A004 and A005 was born 2005-03-15: 17 on 2023-03-14, 18 on 2023-03-15.
    name: 'age from the ID number at a date field',
    spec: regBy('age_at_field', { age: { idNumber: 'reg.victim_id_number', at: 'reg.occurred_date', op: '<', years: 18 } }),
    runs: once(regs([true], 'A004')),
  },
  {
    // Born 2004-02-29: on 2022-02-28 eighteen whole years have not passed (PostgreSQL age(); 民法典
    // art. 202: a period with no corresponding day ends on the last day of the month).
    name: 'age of someone born on 29 February',
    spec: model({
      id: 'age_leap_day',
      inputs: [DEATH],
      rule: { from: 'death', where: { age: { idNumber: 'death.id_number', at: 'death.death_date', op: '<', years: 18 } } },
      lead: { subject: ['death.person_name'] },
    }),
    runs: once([lead('孙某丁', ['死亡登记:孙某丁'], [true])]),
  },
  // --- collisions
  {
    name: 'exists on one key',
    spec: claimBy('exists_one_key', { exists: { alias: 'death', on: [{ left: 'claim.id_number', right: 'death.id_number' }] } }),
    runs: once(claims([true], 'C01', 'C02', 'C03', 'C04')),
  },
  {
    // Settled after death: C01 before it, C04 on the day itself.
    name: 'exists with a condition relating the matched row to the outer row',
    spec: claimBy('exists_after_death', {
      exists: { alias: 'death', on: [{ left: 'claim.id_number', right: 'death.id_number' }], where: { compare: { left: 'death.death_date', op: '<', right: 'claim.settlement_date' } } },
    }),
    runs: once(claims([true], 'C02', 'C03')),
  },
  {
    name: 'exists with a condition on the matched row',
    spec: regBy('exists_where', {
      exists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }], where: { compare: { left: 'closure.closure_type', op: '=', right: { value: '撤销案件' } } } },
    }),
    runs: once(regs([true], 'A001', 'A003')),
  },
  {
    name: 'notExists on one key',
    spec: regBy('not_exists_one_key', { notExists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }] } }),
    runs: once(regs([true], 'A002', 'A004', 'A005')),
  },
  {
    name: 'exists on two keys',
    spec: regBy('exists_two_keys', {
      exists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }, { left: 'reg.suspect_id_number', right: 'closure.suspect_id_number' }] },
    }),
    runs: once(regs([true], 'A006')),
  },
  {
    // A001's closure names another suspect; A003 and its closure have none (NULL never equals).
    name: 'notExists on two keys',
    spec: regBy('not_exists_two_keys', {
      notExists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }, { left: 'reg.suspect_id_number', right: 'closure.suspect_id_number' }] },
    }),
    runs: once(regs([true], 'A001', 'A002', 'A003', 'A004', 'A005')),
  },
  {
    // A collision inside `any` is a flag computed per row, over the rows the other conditions
    // keep (theft: A001, A003). Both are closed; A001 was filed before 2022.
    name: 'any: a collision or a date, beside a plain condition',
    spec: regBy('prefiltered_any', {
      all: [
        { compare: { left: 'reg.case_type', op: '=', right: { value: '盗窃' } } },
        {
          any: [
            { notExists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }] } },
            { compare: { left: 'reg.filed_date', op: '<', right: { value: '2022-01-01' } } },
          ],
        },
      ],
    }),
    runs: once(regs([true, false, true], 'A001')),
  },
  {
    // not (closed and filed after 2022-01-01), among thefts: A003 was closed and filed in July 2022.
    name: 'not: a collision and a date, beside a plain condition',
    spec: regBy('prefiltered_not', {
      all: [
        { compare: { left: 'reg.case_type', op: '=', right: { value: '盗窃' } } },
        { not: { all: [{ exists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }] } }, { compare: { left: 'reg.filed_date', op: '>', right: { value: '2022-01-01' } } }] } },
      ],
    }),
    runs: once(regs([true, true, false], 'A001')),
  },
  {
    // A condition on the closure every collision repeats filters the closures once: the 撤销案件
    // closures are WS001 (A001, suspect B) and WS003 (A003, no suspect); by case A001 and A003
    // have one, by suspect A002 (suspect B) has one.
    name: 'notExists twice with the same condition on the other input',
    spec: regBy('shared_filter', {
      all: [
        { notExists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }], where: { containsAny: { field: 'closure.closure_type', words: ['撤销'] } } } },
        { notExists: { alias: 'closure', on: [{ left: 'reg.suspect_id_number', right: 'closure.suspect_id_number' }], where: { containsAny: { field: 'closure.closure_type', words: ['撤销'] } } } },
      ],
    }),
    runs: once(regs([true, true], 'A004', 'A005', 'A006')),
  },
  {
    // The same condition in two of three collisions is a computed column of the closures. Closed
    // at all: A001, A003, A006; not by a 撤销 closure of the case: A006 only; no 撤销 closure of
    // the suspect: all three (suspect A has none, A003 has no suspect).
    name: 'a condition two of three collisions repeat',
    spec: regBy('shared_column', {
      all: [
        { exists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }] } },
        {
          any: [
            { notExists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }], where: { containsAny: { field: 'closure.closure_type', words: ['撤销'] } } } },
            { notExists: { alias: 'closure', on: [{ left: 'reg.suspect_id_number', right: 'closure.suspect_id_number' }], where: { containsAny: { field: 'closure.closure_type', words: ['撤销'] } } } },
          ],
        },
      ],
    }),
    runs: once([...regs([true, false, true], 'A001', 'A003'), ...regs([true, true, true], 'A006')]),
  },
  {
    // Deposits on day 30 (PM01), 0 (PM04) and 14 (PM06) count; day 31 (PM02) and day −1 (PM03) do not.
    name: 'notExists within a date window',
    spec: permitBy('window', {
      notExists: {
        alias: 'deposit',
        on: [{ left: 'permit.contractor_uscc', right: 'deposit.contractor_uscc' }],
        window: { left: 'permit.issue_date', right: 'deposit.deposit_date', minDays: 0, maxDays: 30 },
      },
    }),
    runs: once(permits([true], 'PM02', 'PM03', 'PM05')),
  },
  {
    // The same window written as conditions on the other row with a computed deadline: the same permits.
    name: 'notExists with a deadline computed by addDays',
    spec: permitBy('add_days_window', {
      notExists: {
        alias: 'deposit',
        on: [{ left: 'permit.contractor_uscc', right: 'deposit.contractor_uscc' }],
        where: {
          all: [
            { compare: { left: 'deposit.deposit_date', op: '>=', right: 'permit.issue_date' } },
            { compare: { left: 'deposit.deposit_date', op: '<=', right: { addDays: { date: 'permit.issue_date', days: 30 } } } },
          ],
        },
      },
    }),
    runs: once(permits([true], 'PM02', 'PM03', 'PM05')),
  },
  {
    // Import already folds （）/() and blanks, so PM06 matches exactly; the rest differ in form.
    name: 'exists on organisation names, exact',
    spec: permitBy('org_exact', { exists: { alias: 'deposit', on: [{ left: 'permit.contractor_name', right: 'deposit.contractor_name' }] } }),
    runs: once(permits([true], 'PM02', 'PM06')),
  },
  {
    // 有限公司 = 有限责任公司, letter case and punctuation ignored; 贵州宏达建设 ≠ 贵州宏达（集团）建设.
    name: 'exists on organisation names, org_name fuzzy key',
    spec: permitBy('org_fuzzy', { exists: { alias: 'deposit', on: [{ left: 'permit.contractor_name', right: 'deposit.contractor_name', match: 'org_name' }] } }),
    runs: once(permits([true], 'PM01', 'PM02', 'PM03', 'PM04', 'PM06')),
  },
  {
    // firstOf: the victim's ID, else the suspect's. A001 has no victim, so its suspect (suspectA)
    // counts; A006's victim is another person, so its suspect (also suspectA) is not looked at.
    name: 'firstOf: the first non-empty of several fields',
    spec: regBy('first_of', { compare: { left: { firstOf: ['reg.victim_id_number', 'reg.suspect_id_number'] }, op: '=', right: { value: PEOPLE.suspectA } } }),
    runs: once(regs([true], 'A001')),
  },
  {
    // Occurrence (else acceptance) to filing more than 35 days: only A001 (42 days).
    name: 'firstOf as a date in daysBetween',
    spec: regBy('first_of_days', { daysBetween: { from: { firstOf: ['reg.occurred_date', 'reg.accepted_date'] }, to: 'reg.filed_date', op: '>', days: 35 } }),
    runs: once(regs([true], 'A001')),
  },
  {
    // Filed after the occurrence (else acceptance) date plus 35 days: the same case as above.
    name: 'addDays over firstOf: a deadline from the first non-empty date',
    spec: regBy('add_days_first_of', {
      compare: { left: 'reg.filed_date', op: '>', right: { addDays: { date: { firstOf: ['reg.occurred_date', 'reg.accepted_date'] }, days: 35 } } },
    }),
    runs: once(regs([true], 'A001')),
  },
  {
    // Whole years from a date field (as from a birth date) to the run date 2024-06-30: 2021-01-18
    // (3), 2022-05-28 and 2022-05-30 (2), 2022-02-28 (2) are ≥ 2; 2023-03-14 and -15 (1) are not.
    name: 'age from a birth-date field',
    spec: regBy('age_birth', { age: { birthDate: 'reg.occurred_date', op: '>=', years: 2 } }),
    runs: once(regs([true], 'A001', 'A002', 'A003', 'A006')),
  },
  {
    // 王某甲 and 李某乙 are written alike; 周某 (C05–C07) sounds like 舟某 (zhou mou) of the death
    // register; 吴某 (C08–C10) has no namesake.
    name: 'exists on person names, person_pinyin fuzzy key',
    spec: claimBy('person_pinyin', { exists: { alias: 'death', on: [{ left: 'claim.person_name', right: 'death.person_name', match: 'person_pinyin' }] } }),
    runs: once(claims([true], 'C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07')),
  },
  {
    // The same collision by exact name: the homophone is not found.
    name: 'exists on person names, exact',
    spec: claimBy('person_exact', { exists: { alias: 'death', on: [{ left: 'claim.person_name', right: 'death.person_name' }] } }),
    runs: once(claims([true], 'C01', 'C02', 'C03', 'C04')),
  },
  {
    // Inside `any`, the pinyin collision is a flag of its own, computed once.
    name: 'any: pinyin namesake or large claim',
    spec: claimBy('pinyin_any', {
      any: [
        { exists: { alias: 'death', on: [{ left: 'claim.person_name', right: 'death.person_name', match: 'person_pinyin' }] } },
        { compare: { left: 'claim.total_amount', op: '>=', right: { value: 50000 } } },
      ],
    }),
    runs: once([...claims([true, false], 'C01', 'C02', 'C03', 'C04', 'C05', 'C06'), ...claims([true, true], 'C07')]),
  },
  {
    // 98.97 m (in), 101.08 m (out), 70.8 m across a diagonal grid-cell corner (in), 300 m (out).
    name: 'near: within 100 m, across grid-cell borders',
    spec: model({ id: 'near', inputs: [TOBACCO, SCHOOL], rule: { from: 'tobacco', where: { exists: { alias: 'school', near: { meters: 100 } } } }, lead: { subject: ['tobacco.licence_no'] } }),
    runs: once(shops([true], '520102000001', '520103000003')),
  },
  {
    // 101.08 m and 300 m from the nearest school; and shops without coordinates are near none.
    name: 'notExists near: no school within 100 m',
    spec: model({ id: 'not_near', inputs: [TOBACCO, SCHOOL], rule: { from: 'tobacco', where: { notExists: { alias: 'school', near: { meters: 100 } } } }, lead: { subject: ['tobacco.licence_no'] } }),
    runs: once(shops([true], '520102000002', '5201020000051', '520103000004', '520111000006')),
  },
  {
    // Schools with a shop within 100 m that has a shop within 100 m of itself (its own row): the
    // second distance starts from a joined input, so DuckDB keeps it a correlated EXISTS.
    name: 'near from a joined input',
    spec: model({
      id: 'near_from_joined',
      inputs: [SCHOOL, ['shop', 'tobacco_retailer', ['licence_no', 'lat', 'lng']], ['other', 'tobacco_retailer', ['licence_no', 'lat', 'lng']]],
      rule: {
        from: 'school',
        joins: [{ alias: 'shop', near: { meters: 100 } }],
        where: { exists: { alias: 'other', near: { meters: 100, left: { lat: 'shop.lat', lng: 'shop.lng' } } } },
      },
      lead: { subject: ['school.licence_no'], title: '{shop.licence_no}' },
    }),
    runs: once([
      lead('SCH06', ['school:SCH06', 'tobacco:520102000001'], [true], { templates: ['520102000001'] }),
      lead('SCH07', ['school:SCH07', 'tobacco:520103000003'], [true], { templates: ['520103000003'] }),
    ]),
  },
  {
    name: 'inner join: one lead per pair, evidence from both sides',
    spec: model({
      id: 'join_near',
      inputs: [TOBACCO, SCHOOL],
      rule: { from: 'tobacco', joins: [{ alias: 'school', near: { meters: 100 } }] },
      lead: { subject: ['tobacco.licence_no'], title: '距{school.org_name}', reason: '{distance}米' },
    }),
    runs: once([
      lead('520102000001', ['tobacco:520102000001', 'school:SCH06'], [], { templates: ['贵阳市第十中学', metresText(PLACES.t01, PLACES.k1)] }),
      lead('520103000003', ['tobacco:520103000003', 'school:SCH07'], [], { templates: ['贵阳市实验小学', metresText(PLACES.t03, PLACES.k2)] }),
    ]),
  },
  {
    // Two claims after the death of one person: one lead for the person, both claims and the death as evidence.
    name: 'inner join: one lead per subject, evidence rows of both sides',
    spec: model({
      id: 'join_per_subject',
      inputs: [CLAIM, DEATH],
      rule: {
        from: 'claim',
        joins: [{ alias: 'death', on: [{ left: 'claim.id_number', right: 'death.id_number' }], where: { compare: { left: 'claim.settlement_date', op: '>', right: 'death.death_date' } } }],
        where: { compare: { left: 'claim.total_amount', op: '>', right: 0 } },
      },
      lead: { subject: ['claim.id_number'], title: '死亡日期{death.death_date}', amount: 'claim.total_amount' },
    }),
    runs: once([lead(PEOPLE.dead1, ['claim_a:C02', 'claim_a:C03', '死亡登记:王某甲'], [true], { templates: ['2024-01-10'], amount: 5000 })]),
  },
  {
    // dead1: 3 claims in 2 hospitals; living1: 3 in 3 (across both datasets); living2: 3 in 1; dead2: 1.
    name: 'aggregate: count, sum and count_distinct with a having threshold',
    spec: model({
      id: 'aggregate',
      inputs: [CLAIM],
      rule: {
        from: 'claim',
        where: { compare: { left: 'claim.settlement_date', op: '>=', right: { value: '2024-01-01' } } },
        aggregate: {
          groupBy: ['claim.id_number'],
          measures: [
            { name: 'n', fn: 'count' },
            { name: 'total', fn: 'sum', field: 'claim.total_amount' },
            { name: 'hospitals', fn: 'count_distinct', field: 'claim.hospital_name' },
          ],
          having: { all: [{ compare: { left: { measure: 'n' }, op: '>=', right: 3 } }, { compare: { left: { measure: 'hospitals' }, op: '>=', right: 2 } }] },
        },
      },
      lead: { subject: ['claim.id_number'], title: '{measure.n}笔', reason: '{measure.hospitals}家医院，合计{measure.total}元', amount: { measure: 'total' } },
    }),
    runs: once([
      lead(PEOPLE.dead1, ['claim_a:C01', 'claim_a:C02', 'claim_a:C03'], [true], { templates: ['3', '2', '9200.00'], amount: 9200 }),
      lead(PEOPLE.living1, ['claim_a:C05', 'claim_a:C06', 'claim_b:C07'], [true], { templates: ['3', '3', '65199.99'], amount: 65199.99 }),
    ]),
  },
  // --- one lead per subject
  {
    // Victims: none for A001–A003 (a missing subject is one subject), victim2005 for A004 and A005,
    // victimAdult for A006 alone. The flags and values of a lead come from all of its rows.
    name: 'rows sharing a subject make one lead; a missing subject is one subject',
    spec: model({
      id: 'shared_subject',
      inputs: [REG, CLOSURE],
      rule: { from: 'reg', where: { any: [{ compare: { left: 'reg.case_type', op: '=', right: { value: '盗窃' } } }, { notEmpty: 'reg.victim_id_number' }] } },
      lead: { subject: ['reg.victim_id_number'], title: '{reg.case_no}', reason: '{reg.filed_date}' },
    }),
    runs: once([
      lead(PEOPLE.victimAdult, ['reg:A006'], [false, true], { templates: ['A006', '2022-03-05'] }),
      lead(PEOPLE.victim2005, ['reg:A004', 'reg:A005'], [false, true], { templates: ['A004', '2023-03-20'] }),
      lead([null], ['reg:A001', 'reg:A003'], [true, false], { templates: ['A001', '2021-03-01'] }),
    ]),
  },
  {
    // Claims of the dead, per person: dead1 three claims (9,200.00), dead2 one (800.00). A join under
    // the aggregate: DuckDB groups in one pass.
    name: 'aggregate over an inner join',
    spec: model({
      id: 'aggregate_join',
      inputs: [CLAIM, DEATH],
      rule: {
        from: 'claim',
        joins: [{ alias: 'death', on: [{ left: 'claim.id_number', right: 'death.id_number' }] }],
        aggregate: {
          groupBy: ['claim.id_number'],
          measures: [
            { name: 'n', fn: 'count' },
            { name: 'total', fn: 'sum', field: 'claim.total_amount' },
          ],
          having: { compare: { left: { measure: 'n' }, op: '>=', right: 1 } },
        },
      },
      lead: { subject: ['claim.id_number'], title: '{measure.n}笔', reason: '{death.death_date}死亡', amount: { measure: 'total' } },
    }),
    runs: once([
      lead(PEOPLE.dead1, ['claim_a:C01', 'claim_a:C02', 'claim_a:C03', '死亡登记:王某甲'], [], { templates: ['3', '2024-01-10'], amount: 9200 }),
      lead(PEOPLE.dead2, ['claim_a:C04', '死亡登记:李某乙'], [], { templates: ['1', '2024-03-01'], amount: 800 }),
    ]),
  },
  {
    // Groups of victims with at least two cases: the missing victim (A001–A003) is a group too.
    name: 'aggregate: a missing group key is one group',
    spec: model({
      id: 'aggregate_missing_key',
      inputs: [REG],
      rule: {
        from: 'reg',
        aggregate: { groupBy: ['reg.victim_id_number'], measures: [{ name: 'n', fn: 'count' }], having: { compare: { left: { measure: 'n' }, op: '>=', right: 2 } } },
      },
      lead: { subject: ['reg.victim_id_number'], title: '{measure.n}件', reason: '最早{reg.filed_date}立案' },
    }),
    runs: once([
      lead(PEOPLE.victim2005, ['reg:A004', 'reg:A005'], [], { templates: ['2', '2023-03-20'] }),
      lead([null], ['reg:A001', 'reg:A002', 'reg:A003'], [], { templates: ['3', '2021-03-01'] }),
    ]),
  },
  // --- combinations
  {
    name: 'all / any / not',
    spec: regBy('all_any_not', {
      all: [
        { any: [{ compare: { left: 'reg.case_type', op: '=', right: { value: '盗窃' } } }, { compare: { left: 'reg.case_type', op: '=', right: { value: '诈骗' } } }] },
        { not: { compare: { left: 'reg.status', op: '=', right: { value: '撤案' } } } },
      ],
    }),
    runs: once([lead('A001', ['reg:A001'], [true, false, false]), lead('A002', ['reg:A002'], [false, true, false])]),
  },
  {
    // Unlike !=, not() counts a missing value as not matching: A004 (no status) is a lead, its flag unknown.
    name: 'not treats a missing value as not matching',
    spec: regBy('not_missing', { not: { compare: { left: 'reg.status', op: '=', right: { value: '撤案' } } } }),
    runs: once([...regs([false], 'A001', 'A002'), lead('A004', ['reg:A004'], [null]), ...regs([false], 'A005', 'A006')]),
  },
  {
    // C07 qualifies by amount only, C02 and C03 by the correlated exists only.
    name: 'exists nested inside any (correlated)',
    spec: claimBy('nested_exists', {
      any: [
        { compare: { left: 'claim.total_amount', op: '>=', right: 50000 } },
        { exists: { alias: 'death', on: [{ left: 'claim.id_number', right: 'death.id_number' }], where: { compare: { left: 'death.death_date', op: '<', right: 'claim.settlement_date' } } } },
      ],
    }),
    runs: once([...claims([false, true], 'C02', 'C03'), ...claims([true, false], 'C07')]),
  },
  {
    name: 'not(exists) finds what notExists finds',
    spec: claimBy('not_exists_via_not', { not: { exists: { alias: 'death', on: [{ left: 'claim.id_number', right: 'death.id_number' }] } } }),
    runs: once(claims([false], 'C05', 'C06', 'C07', 'C08', 'C09', 'C10')),
  },
  {
    name: 'notExists finds what not(exists) finds',
    spec: claimBy('not_exists', { notExists: { alias: 'death', on: [{ left: 'claim.id_number', right: 'death.id_number' }] } }),
    runs: once(claims([true], 'C05', 'C06', 'C07', 'C08', 'C09', 'C10')),
  },
  // --- parameters
  {
    // The library model itself: 730 days by default, 365 overridden.
    name: 'parameters: an integer overriding its default (刑事“挂案”)',
    spec: parseModelSpec(readFileSync(new URL('../../src/library/hanging-criminal-cases/model.yaml', import.meta.url), 'utf8'), 'hanging-criminal-cases/model.yaml'),
    runs: [
      { expected: [lead('A002', ['reg:A002'], [true, true, true], { templates: ['李某诈骗案', '南明分局', '2022-07-01', 'A002'] })] },
      {
        params: { days: '365' },
        expected: [
          lead('A002', ['reg:A002'], [true, true, true], { templates: ['李某诈骗案', '南明分局', '2022-07-01', 'A002'] }),
          lead('A004', ['reg:A004'], [true, true, true], { templates: ['赵某抢劫案', '观山湖分局', '2023-03-20', 'A004'] }),
          lead('A005', ['reg:A005'], [true, true, true], { templates: ['钱某故意伤害案', '观山湖分局', '2023-03-20', 'A005'] }),
        ],
      },
    ],
  },
  {
    name: 'parameters: a word list overriding its default',
    spec: model({
      id: 'param_words',
      inputs: [SCHOOL],
      parameters: [{ name: 'words', type: 'text_list', default: ['国际', '双语', '贵族'], label: '名称中的词语' }],
      rule: {
        from: 'school',
        where: { all: [{ compare: { left: 'school.school_type', op: '=', right: { value: '幼儿园' } } }, { containsAny: { field: 'school.org_name', words: { param: 'words' } } }] },
      },
      lead: { subject: ['school.licence_no'] },
    }),
    runs: [
      { expected: schools([true, true], 'SCH01', 'SCH02', 'SCH04') },
      { params: { words: '贵族' }, expected: schools([true, true], 'SCH04') },
      { params: { words: '国际，贵族' }, expected: schools([true, true], 'SCH01', 'SCH04') },
    ],
  },
  {
    name: 'parameters: a distance overriding its default',
    spec: model({
      id: 'param_near',
      inputs: [TOBACCO, SCHOOL],
      parameters: [{ name: 'distance_m', type: 'number', default: 100, label: '距离（米）' }],
      rule: { from: 'tobacco', where: { exists: { alias: 'school', near: { meters: { param: 'distance_m' } } } } },
      lead: { subject: ['tobacco.licence_no'] },
    }),
    runs: [
      { expected: shops([true], '520102000001', '520103000003') },
      { params: { distance_m: '80' }, expected: shops([true], '520103000003') },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The suite

/** A run's label in test output: its parameter overrides, or "defaults". */
export function runLabel(run: BlockRun): string {
  return run.params ? Object.entries(run.params).map(([k, v]) => `${k}=${v}`).join(' ') : 'defaults';
}

/**
 * Runs every building block on one engine: per block, one test of the leads found (subjects,
 * evidence rows, templates, amount, fingerprint) and one of their explanation flags.
 */
export function buildingBlockSuite(engineName: EngineName, open: (fx: Fixture) => Promise<Engine>): void {
  describe(`model compiler building blocks on ${engineName}`, () => {
    let fx: Fixture | undefined;
    let engine: Engine | undefined;
    beforeAll(async () => {
      fx = await buildFixture();
      engine = await open(fx);
    });
    afterAll(async () => {
      await engine?.close();
      fx?.dispose();
    });

    // Each block's model runs once per run, shared by its two tests.
    const results = new Map<string, Promise<Lead[]>>();
    const leadsOf = (block: BuildingBlock, i: number, run: BlockRun): Promise<Lead[]> => {
      const key = `${block.spec.id}/${i}`;
      let p = results.get(key);
      if (!p) {
        if (!engine) throw new Error('engine not open');
        p = runModel(engine, block.spec, { asOf: AS_OF, params: run.params });
        results.set(key, p);
      }
      return p;
    };

    for (const block of BUILDING_BLOCKS) {
      it(block.name, async () => {
        for (const [i, run] of block.runs.entries()) {
          const leads = await leadsOf(block, i, run);
          const keyOf = fx?.keyOf ?? ((r: string) => r);
          expect(
            leads.map((l) => ({ subject: l.subject, evidence: l.evidence.map(keyOf).sort(), templates: l.templates, amount: l.amount })),
            runLabel(run),
          ).toEqual(
            run.expected.map((e) => ({ subject: e.subject, evidence: [...e.evidence].sort(), templates: e.templates ?? [], amount: e.amount ?? null })),
          );
          for (const l of leads) expect(l.fingerprint, `fingerprint of ${JSON.stringify(l.subject)}`).toBe(expectedFingerprint(block.spec.id, l.subject));
        }
      });

      it(`${block.name} › explanation flags`, async () => {
        for (const [i, run] of block.runs.entries()) {
          const leads = await leadsOf(block, i, run);
          expect(
            leads.map((l) => ({ subject: l.subject, flags: l.flags })),
            runLabel(run),
          ).toEqual(run.expected.map((e) => ({ subject: e.subject, flags: e.flags })));
        }
      });
    }
  });
}
