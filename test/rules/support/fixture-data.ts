// The fixture warehouse of the model-compiler conformance suite: a few rows per dataset kind,
// each placed on one side of a boundary a building block must respect (day 30 vs day 31, 99 m vs
// 101 m, 17 vs 18 years, 有限公司 vs 有限责任公司). The expected leads in building-blocks.case.ts are
// derived by hand from these rows; the comments here say which row is there for which block.
import { withIdCheck, withUsccCheck } from '../../support/id-numbers.js';
import { METRES_PER_DEGREE, offsetMetres, type LatLng } from './geo-offset.js';

/** The run date of every building block, unless a block says otherwise. */
export const AS_OF = '2024-06-30';

/** ID numbers (GB 11643, valid check characters); the birth date is digits 7–14. */
export const PEOPLE = {
  suspectA: withIdCheck('52010219900510123'),
  suspectB: withIdCheck('52010319850101234'),
  /** Born 2006-06-30: exactly 18 on the run date. */
  suspect18: withIdCheck('52010220060630045'),
  /** Born 2006-07-01: 17 on the run date. */
  suspect17: withIdCheck('52010220060701056'),
  /** Born 2005-03-15: 17 on 2023-03-14, 18 on 2023-03-15. */
  victim2005: withIdCheck('52010220050315067'),
  victimAdult: withIdCheck('52010219801212089'),
  dead1: withIdCheck('52010219400101111'),
  dead2: withIdCheck('52010219450202222'),
  dead3: withIdCheck('52010219300505555'),
  living1: withIdCheck('52010219600303333'),
  living2: withIdCheck('52010219700404444'),
  homophone: withIdCheck('52010219550606666'),
  /** Born 2004-02-29 (a leap day). */
  leap1: withIdCheck('52010220040229078'),
  leap2: withIdCheck('52010220040229086'),
} as const;

/** Contractors' unified social credit codes (GB 32100, valid check characters). */
export const USCC = {
  u1: withUsccCheck('91520100MA6DL0001'),
  u2: withUsccCheck('91520100MA6DL0002'),
  u3: withUsccCheck('91520100MA6DL0003'),
  u4: withUsccCheck('91520100MA6DL0004'),
  u5: withUsccCheck('91520100MA6DL0005'),
  u6: withUsccCheck('91520100MA6DL0006'),
} as const;

/**
 * Grid cells of a 100 m `near`, as the compiler documents them: latitude cells of 100/111,000°,
 * longitude cells of 100/55,500° (wide enough up to 60° N). School K2 sits 5 m north-east of the
 * corner of a cell, so a shop 50 m south-west of it lies in the diagonal neighbour cell.
 */
export const CELL_100M = { lat: 100 / METRES_PER_DEGREE, lng: 100 / (METRES_PER_DEGREE / 2) } as const;

const K1: LatLng = { lat: 26.58, lng: 106.71 };
const K2_CORNER: LatLng = { lat: 29_527 * CELL_100M.lat, lng: 59_236 * CELL_100M.lng };
const K2: LatLng = offsetMetres(K2_CORNER, { north: 5, east: 5 });

export const PLACES = {
  /** School SCH06. */
  k1: K1,
  /** School SCH07, 5 m inside the north-east corner of a grid cell. */
  k2: K2,
  k2Corner: K2_CORNER,
  /** T01: 98.8 m north of K1 by the 111 km rule, 98.97 m by haversine — inside 100 m. */
  t01: offsetMetres(K1, { north: 98.8 }),
  /** T02: 100.9 m east of K1 by the rule, 101.08 m by haversine — outside 100 m. */
  t02: offsetMetres(K1, { east: 100.9 }),
  /** T03: 50 m south and 50 m west of K2 (≈ 70.8 m), in the diagonal neighbour cell. */
  t03: offsetMetres(K2, { north: -50, east: -50 }),
  /** T04: 300 m north of K2. */
  t04: offsetMetres(K2, { north: 300 }),
} as const;

export interface FixtureDataset {
  /** Dataset (and table) name. */
  readonly name: string;
  readonly kind: string;
  /** A field whose value names each row uniquely, used to write expected evidence as `dataset:key`. */
  readonly key: string;
  /** Rows as header → cell text; headers are the kind's field names. */
  readonly rows: readonly Readonly<Record<string, string>>[];
}

const coords = (p: LatLng): { lat: string; lng: string } => ({ lat: String(p.lat), lng: String(p.lng) });

const HOSPITAL_A = '贵阳市第一人民医院';
const HOSPITAL_B = '贵州医科大学附属医院';
const HOSPITAL_C = '贵阳市妇幼保健院';

export const FIXTURE_DATASETS: readonly FixtureDataset[] = [
  {
    name: 'reg',
    kind: 'police_case_registration',
    key: 'case_no',
    rows: [
      // accepted → filed: 40 days; filed 1217 days before the run date.
      { case_no: 'A001', case_name: '张某盗窃案', case_type: '盗窃', filed_date: '2021-03-01', accepted_date: '2021-01-20', occurred_date: '2021-01-18', status: '在侦', handling_unit: '云岩分局', suspect_id_number: PEOPLE.suspectA, victim_id_number: '' },
      // accepted → filed: exactly 30 days; filed exactly 730 days before the run date.
      { case_no: 'A002', case_name: '李某诈骗案', case_type: '诈骗', filed_date: '2022-07-01', accepted_date: '2022-06-01', occurred_date: '2022-05-28', status: '在侦', handling_unit: '南明分局', suspect_id_number: PEOPLE.suspectB, victim_id_number: '' },
      // accepted → filed: 31 days; filed 729 days before the run date; no suspect.
      { case_no: 'A003', case_name: '王某盗窃案', case_type: '盗窃', filed_date: '2022-07-02', accepted_date: '2022-06-01', occurred_date: '2022-05-30', status: '撤案', handling_unit: '云岩分局', suspect_id_number: '', victim_id_number: '' },
      // No status. Suspect 17 on the run date; victim 17 on the day of the offence.
      { case_no: 'A004', case_name: '赵某抢劫案', case_type: '抢劫', filed_date: '2023-03-20', accepted_date: '2023-03-16', occurred_date: '2023-03-14', status: '', handling_unit: '观山湖分局', suspect_id_number: PEOPLE.suspect17, victim_id_number: PEOPLE.victim2005 },
      // Suspect 18 on the run date; victim 18 (that day) on the day of the offence.
      { case_no: 'A005', case_name: '钱某故意伤害案', case_type: '故意伤害', filed_date: '2023-03-20', accepted_date: '2023-03-16', occurred_date: '2023-03-15', status: '在侦', handling_unit: '观山湖分局', suspect_id_number: PEOPLE.suspect18, victim_id_number: PEOPLE.victim2005 },
      { case_no: 'A006', case_name: '孙某故意伤害案', case_type: '故意伤害', filed_date: '2022-03-05', accepted_date: '2022-03-01', occurred_date: '2022-02-28', status: '移送起诉', handling_unit: '花溪分局', suspect_id_number: PEOPLE.suspectA, victim_id_number: PEOPLE.victimAdult },
    ],
  },
  {
    name: 'closure',
    kind: 'police_case_closure',
    key: 'document_no',
    rows: [
      // Same case as A001, another suspect: closes A001 on case_no, not on (case_no, suspect).
      { document_no: 'WS001', case_no: 'A001', closure_type: '撤销案件', closure_date: '2022-01-01', suspect_id_number: PEOPLE.suspectB },
      // Closes A006 on both keys.
      { document_no: 'WS002', case_no: 'A006', closure_type: '移送审查起诉', closure_date: '2022-06-01', suspect_id_number: PEOPLE.suspectA },
      // Closes A003 on case_no; no suspect, so never on (case_no, suspect).
      { document_no: 'WS003', case_no: 'A003', closure_type: '撤销案件', closure_date: '2022-09-01', suspect_id_number: '' },
      { document_no: 'WS004', case_no: 'Z999', closure_type: '终止侦查', closure_date: '2023-01-01', suspect_id_number: PEOPLE.suspectA },
    ],
  },
  {
    name: 'school',
    kind: 'school',
    key: 'licence_no',
    rows: [
      { licence_no: 'SCH01', org_name: '贵阳市云岩区阳光国际幼儿园', school_type: '幼儿园', ownership: '民办', student_count: '120', lat: '', lng: '' },
      { licence_no: 'SCH02', org_name: '贵阳市南明区双语实验幼儿园', school_type: '幼儿园', ownership: '民办', student_count: '95', lat: '', lng: '' },
      { licence_no: 'SCH03', org_name: '贵阳市观山湖区第一幼儿园', school_type: '幼儿园', ownership: '公办', student_count: '300', lat: '', lng: '' },
      { licence_no: 'SCH04', org_name: '贵阳市花溪区贵族双语艺术幼儿园', school_type: '幼儿园', ownership: '民办', student_count: '60', lat: '', lng: '' },
      // 国际 in the name, but not a kindergarten.
      { licence_no: 'SCH05', org_name: '贵阳国际学校', school_type: '小学', ownership: '民办', student_count: '800', lat: '', lng: '' },
      { licence_no: 'SCH06', org_name: '贵阳市第十中学', school_type: '中学', ownership: '公办', student_count: '1500', ...coords(PLACES.k1) },
      { licence_no: 'SCH07', org_name: '贵阳市实验小学', school_type: '小学', ownership: '公办', student_count: '100', ...coords(PLACES.k2) },
    ],
  },
  {
    name: 'tobacco',
    kind: 'tobacco_retailer',
    key: 'licence_no',
    rows: [
      { licence_no: '520102000001', org_name: '阳光便利店', ...coords(PLACES.t01) },
      { licence_no: '520102000002', org_name: '百货商行', ...coords(PLACES.t02) },
      { licence_no: '520103000003', org_name: '平价超市', ...coords(PLACES.t03) },
      { licence_no: '520103000004', org_name: '烟酒店', ...coords(PLACES.t04) },
      // 13 digits: fails an anchored 12-digit pattern. No coordinates.
      { licence_no: '5201020000051', org_name: '小卖部', lat: '', lng: '' },
      { licence_no: '520111000006', org_name: '杂货店', lat: '', lng: '' },
    ],
  },
  {
    name: 'permit',
    kind: 'construction_permit',
    key: 'permit_no',
    rows: [
      // Deposit on day 30 (inside the window); name differs only by 有限责任公司 → org_name key only.
      { permit_no: 'PM01', project_name: '宏达花园一期', contractor_name: '贵州宏达（集团）建设有限公司', contractor_uscc: USCC.u1, issue_date: '2024-03-01' },
      // Deposit on day 31 (outside); same name exactly.
      { permit_no: 'PM02', project_name: '黔峰大厦', contractor_name: '贵州黔峰建筑工程有限公司', contractor_uscc: USCC.u2, issue_date: '2024-03-01' },
      // Deposit the day before the permit (outside); name differs in letter case → org_name key only.
      { permit_no: 'PM03', project_name: 'ABC厂房', contractor_name: 'ABC建工有限公司', contractor_uscc: USCC.u3, issue_date: '2024-03-10' },
      // Deposit on day 0 (inside); name differs by a middle dot → org_name key only.
      { permit_no: 'PM04', project_name: '鼎盛广场', contractor_name: '贵州·鼎盛建设有限公司', contractor_uscc: USCC.u4, issue_date: '2024-03-10' },
      // No deposit; a near-miss of PM01's name without （集团）.
      { permit_no: 'PM05', project_name: '宏达小区', contractor_name: '贵州宏达建设有限公司', contractor_uscc: USCC.u5, issue_date: '2024-03-15' },
      // Deposit on day 14; brackets full-width here, half-width on the deposit (folded at import).
      { permit_no: 'PM06', project_name: '华晟中心', contractor_name: '遵义华晟（集团）有限公司', contractor_uscc: USCC.u6, issue_date: '2024-04-01' },
    ],
  },
  {
    name: 'deposit',
    kind: 'wage_deposit',
    key: 'account_no',
    rows: [
      { account_no: 'ACC001', contractor_name: '贵州宏达(集团)建设有限责任公司', contractor_uscc: USCC.u1, deposit_date: '2024-03-31', amount: '500000' },
      { account_no: 'ACC002', contractor_name: '贵州黔峰建筑工程有限公司', contractor_uscc: USCC.u2, deposit_date: '2024-04-01', amount: '300000' },
      { account_no: 'ACC003', contractor_name: 'ａｂｃ建工有限公司', contractor_uscc: USCC.u3, deposit_date: '2024-03-09', amount: '200000' },
      { account_no: 'ACC004', contractor_name: '贵州鼎盛建设有限公司', contractor_uscc: USCC.u4, deposit_date: '2024-03-10', amount: '250000' },
      { account_no: 'ACC006', contractor_name: '遵义华晟(集团)有限公司', contractor_uscc: USCC.u6, deposit_date: '2024-04-15', amount: '400000' },
    ],
  },
  {
    // Two datasets of one kind: a model input of that kind reads both (UNION ALL).
    name: 'claim_a',
    kind: 'medical_insurance_claim',
    key: 'claim_no',
    rows: [
      { claim_no: 'C01', id_number: PEOPLE.dead1, person_name: '王某甲', hospital_name: HOSPITAL_A, settlement_date: '2024-01-05', total_amount: '1200.00' },
      { claim_no: 'C02', id_number: PEOPLE.dead1, person_name: '王某甲', hospital_name: HOSPITAL_A, settlement_date: '2024-02-01', total_amount: '3000.00' },
      { claim_no: 'C03', id_number: PEOPLE.dead1, person_name: '王某甲', hospital_name: HOSPITAL_B, settlement_date: '2024-02-15', total_amount: '5000.00' },
      // Settled on the day of death: not after it.
      { claim_no: 'C04', id_number: PEOPLE.dead2, person_name: '李某乙', hospital_name: HOSPITAL_A, settlement_date: '2024-03-01', total_amount: '800.00' },
      { claim_no: 'C05', id_number: PEOPLE.living1, person_name: '周某', hospital_name: HOSPITAL_A, settlement_date: '2024-01-10', total_amount: '4999.99' },
      { claim_no: 'C06', id_number: PEOPLE.living1, person_name: '周某', hospital_name: HOSPITAL_B, settlement_date: '2024-02-10', total_amount: '200.00' },
    ],
  },
  {
    name: 'claim_b',
    kind: 'medical_insurance_claim',
    key: 'claim_no',
    rows: [
      { claim_no: 'C07', id_number: PEOPLE.living1, person_name: '周某', hospital_name: HOSPITAL_C, settlement_date: '2024-03-10', total_amount: '60000.00' },
      { claim_no: 'C08', id_number: PEOPLE.living2, person_name: '吴某', hospital_name: HOSPITAL_A, settlement_date: '2024-02-20', total_amount: '100.00' },
      { claim_no: 'C09', id_number: PEOPLE.living2, person_name: '吴某', hospital_name: HOSPITAL_A, settlement_date: '2024-02-21', total_amount: '150.00' },
      { claim_no: 'C10', id_number: PEOPLE.living2, person_name: '吴某', hospital_name: HOSPITAL_A, settlement_date: '2024-02-22', total_amount: '250.00' },
    ],
  },
  {
    // A Chinese dataset name: identifiers must be quoted in every dialect.
    name: '死亡登记',
    kind: 'death_registration',
    key: 'person_name',
    rows: [
      { person_name: '王某甲', id_number: PEOPLE.dead1, death_date: '2024-01-10' },
      { person_name: '李某乙', id_number: PEOPLE.dead2, death_date: '2024-03-01' },
      { person_name: '赵某丙', id_number: PEOPLE.dead3, death_date: '2023-12-01' },
      // Born on 29 February 2004: died on 28 February 2022 (still 17) and 1 March 2022 (18).
      { person_name: '孙某丁', id_number: PEOPLE.leap1, death_date: '2022-02-28' },
      { person_name: '郑某戊', id_number: PEOPLE.leap2, death_date: '2022-03-01' },
      // Sounds like the claimant 周某 (zhou mou) but is written differently: only a pinyin key joins them.
      { person_name: '舟某', id_number: PEOPLE.homophone, death_date: '2023-06-01' },
    ],
  },
];

/** CSV text of a dataset's rows: a header of field names, every cell quoted. */
export function toCsv(rows: readonly Readonly<Record<string, string>>[]): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string): string => `"${v.replaceAll('"', '""')}"`;
  return [headers.map(cell).join(','), ...rows.map((r) => headers.map((h) => cell(r[h] ?? '')).join(','))].join('\n') + '\n';
}
