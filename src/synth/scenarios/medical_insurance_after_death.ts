import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 医保基金：死亡后发生医保结算 (model medical_insurance_after_death): insurance claims × deaths.
 *
 * Background (≈ 6,000 rows per scale unit): about 700 living insured people with 1–11 claims each
 * (inpatient, outpatient, pharmacy), and about 400 people who died in the last three years, each
 * with claims before death — some admitted shortly before death and settled after it (died in
 * hospital, a normal case). Planted: a dead person whose card is used after death — admitted 1
 * day after death (one in four), weeks or months after (inpatient or outpatient), or a pharmacy
 * purchase with no admission date settled after death; some with several such claims. Near
 * misses: an outpatient visit on the day of death; a person admitted two days before death and
 * settled after it; a claim admitted after a death whose ID number differs from the dead
 * person's only in the check digit (an invalid number, which links to nobody).
 */

const HOSPITALS = [
  { name: '毕节市第一人民医院', code: 'H52050200001' },
  { name: '七星关区人民医院', code: 'H52050200002' },
  { name: '七星关区中医医院', code: 'H52050200003' },
  { name: '七星关区仁和医院', code: 'H52050200004' },
  { name: '七星关区康复医院', code: 'H52050200005' },
  { name: '七星关区洪山街道社区卫生服务中心', code: 'H52050200006' },
  { name: '七星关区鸭池镇卫生院', code: 'H52050200007' },
] as const;
const PHARMACIES = [
  { name: '七星关区康泰大药房', code: 'P52050200001' },
  { name: '七星关区益民大药房洪山店', code: 'P52050200002' },
  { name: '七星关区百姓大药房', code: 'P52050200003' },
] as const;
const DIAGNOSES_IN = ['社区获得性肺炎', '慢性阻塞性肺疾病急性加重', '2型糖尿病', '脑梗死', '冠状动脉粥样硬化性心脏病', '高血压病3级', '腰椎间盘突出症', '胆囊结石伴胆囊炎', '股骨颈骨折'];
const DIAGNOSES_OUT = ['上呼吸道感染', '高血压病', '2型糖尿病', '慢性胃炎', '关节炎', '皮炎'];
const DEATH_SOURCES = ['七星关区民政局殡葬管理所', '毕节市公安局七星关分局', '七星关区卫生健康局（死亡医学证明）'] as const;
const DEATH_CAUSES = ['心脑血管疾病', '恶性肿瘤', '呼吸系统疾病', '衰老', '意外伤害'];
const INSURANCE = ['职工基本医疗保险', '城乡居民基本医疗保险', '城乡居民基本医疗保险'] as const;

type Visit = 'inpatient' | 'outpatient' | 'pharmacy';

export const scenario: Scenario = {
  model: 'medical_insurance_after_death',
  kinds: ['medical_insurance_claim', 'death_registration'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 700, () => g.living());
    repeatScaled(ctx, 400, () => g.dead());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  living(): void {
    const { ctx } = this;
    const p = ctx.person({ minAge: 1, maxAge: 90 });
    const n = ctx.rng.int(1, 11);
    for (let i = 0; i < n; i++) this.claim(p, this.visit(), ctx.daysAgo(ctx.rng.int(3, 1100)));
  }

  dead(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 55, maxAge: 95 });
    const death = ctx.daysAgo(rng.int(20, 1000));
    this.death(p, death);
    const n = rng.int(0, 5);
    for (let i = 0; i < n; i++) this.claim(p, this.visit(), ctx.addDays(death, -rng.int(3, 900)));
    if (rng.chance(0.35)) {
      // Died in hospital: admitted before death, discharged on the day, settled afterwards.
      this.claim(p, 'inpatient', ctx.addDays(death, -rng.int(1, 25)), { discharge: death, settlement: ctx.addDays(death, rng.int(1, 20)) });
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 60, maxAge: 95 });
    const death = ctx.daysAgo(rng.int(120, 900));
    this.death(p, death);
    for (let k = rng.int(0, 3); k > 0; k--) this.claim(p, this.visit(), ctx.addDays(death, -rng.int(5, 600)));
    const kind = i % 4;
    let note: string;
    if (kind === 0) {
      this.claim(p, 'inpatient', ctx.addDays(death, 1));
      note = '死亡次日入院（边界内）';
    } else if (kind === 1) {
      this.claim(p, 'pharmacy', ctx.addDays(death, rng.int(10, 100)));
      this.claim(p, 'pharmacy', ctx.addDays(death, rng.int(101, 110)));
      note = '死亡后两次药店购药（无入院日期，按结算日期）';
    } else if (kind === 2) {
      const first = ctx.addDays(death, rng.int(20, 60));
      this.claim(p, 'inpatient', first);
      this.claim(p, 'outpatient', ctx.addDays(first, rng.int(10, 50)));
      note = '死亡后住院、门诊各一次';
    } else {
      this.claim(p, rng.chance(0.5) ? 'inpatient' : 'outpatient', ctx.addDays(death, rng.int(2, 110)));
      note = '死亡后就诊一次';
    }
    ctx.expectLead({ 'claim.id_number': p.idNumber }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const a = ctx.person({ minAge: 60, maxAge: 95 });
    const deathA = ctx.daysAgo(rng.int(60, 700));
    this.death(a, deathA);
    this.claim(a, 'outpatient', deathA);
    ctx.nearMiss('死亡当日的门诊（边界，不计）');

    const b = ctx.person({ minAge: 60, maxAge: 95 });
    const deathB = ctx.daysAgo(rng.int(60, 700));
    this.death(b, deathB);
    this.claim(b, 'inpatient', ctx.addDays(deathB, -2), { discharge: deathB, settlement: ctx.addDays(deathB, 6) });
    ctx.nearMiss('死亡前两天入院、死亡后结算（在院死亡）');

    const c = ctx.person({ minAge: 60, maxAge: 95 });
    const deathC = ctx.daysAgo(rng.int(120, 700));
    this.death(c, deathC);
    this.claim({ ...c, idNumber: otherCheckDigit(c.idNumber) }, 'inpatient', ctx.addDays(deathC, rng.int(5, 100)));
    ctx.nearMiss('死亡后住院，但身份证号与死者仅校验位不同（无效号码）');
  }

  // -------------------------------------------------------------------------------------------

  private visit(): Visit {
    const r = this.ctx.rng.next();
    return r < 0.25 ? 'inpatient' : r < 0.7 ? 'outpatient' : 'pharmacy';
  }

  private death(p: Person, date: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const registered = ctx.addDays(date, rng.int(1, 30));
    ctx.emit('death_registration', {
      id_number: p.idNumber,
      person_name: p.name,
      gender: p.sex === 'M' ? '男' : '女',
      death_date: date,
      registered_date: registered > ctx.asOf ? ctx.asOf : registered,
      cremation_date: rng.chance(0.7) ? ctx.addDays(date, rng.int(1, 4)) : null,
      cause: rng.pick(DEATH_CAUSES),
      place: rng.chance(0.6) ? '家中' : '医院',
      source: rng.pick(DEATH_SOURCES),
      address: p.address,
    });
  }

  /** One settlement; `admitted` is the admission (visit, purchase) date. Dates past the run date are pulled back to it. */
  private claim(p: Person, visit: Visit, admitted: string, over: { discharge?: string; settlement?: string } = {}): void {
    const { ctx } = this;
    const { rng } = ctx;
    const clamp = (d: string): string => (d > ctx.asOf ? ctx.asOf : d);
    const inpatient = visit === 'inpatient';
    const place = visit === 'pharmacy' ? rng.pick(PHARMACIES) : rng.pick(HOSPITALS);
    const discharge = inpatient ? clamp(over.discharge ?? ctx.addDays(admitted, rng.int(3, 20))) : null;
    const settlement = clamp(over.settlement ?? discharge ?? admitted);
    const total = inpatient ? rng.int(1500, 45000) + rng.int(0, 99) / 100 : rng.int(20, 900) + rng.int(0, 99) / 100;
    const fund = Math.round(total * (0.45 + rng.next() * 0.4) * 100) / 100;
    ctx.emit('medical_insurance_claim', {
      id_number: p.idNumber,
      person_name: p.name,
      claim_no: ctx.serial('JS5205'),
      visit_no: visit === 'pharmacy' ? null : ctx.serial(inpatient ? 'ZY' : 'MZ'),
      hospital_name: place.name,
      hospital_code: place.code,
      visit_type: inpatient ? '普通住院' : visit === 'outpatient' ? rng.pick(['普通门诊', '门诊慢特病']) : '定点药店购药',
      insurance_type: rng.pick(INSURANCE),
      admission_date: visit === 'pharmacy' ? null : clamp(admitted),
      discharge_date: discharge,
      settlement_date: settlement,
      diagnosis: visit === 'pharmacy' ? null : rng.pick(inpatient ? DIAGNOSES_IN : DIAGNOSES_OUT),
      total_amount: total,
      fund_amount: fund,
      personal_amount: Math.round((total - fund) * 100) / 100,
    });
  }
}

/** The same ID number with a wrong check character: invalid, so it normalises to nothing. */
function otherCheckDigit(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, 17) + (last === '0' ? '1' : last === 'X' ? '0' : String((Number(last) + 1) % 10));
}
