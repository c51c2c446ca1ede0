import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 医保基金：羁押期间发生住院结算 (model medical_insurance_in_detention): claims × detention.
 *
 * Background (≈ 6,000 rows per scale unit): about 650 insured people never detained, with 1–11
 * claims each; about 450 people detained once (administrative detention of 5–15 days, criminal
 * detention, arrest, some still in custody) whose claims all fall before entry or after release.
 * Planted: an inpatient admission strictly inside a detention — the day after entry (one in four),
 * the day before release (one in four), while still in custody with no release date, or in the
 * middle; some with two admissions. Near misses: admitted on the day of entry; admitted on the day
 * of release; an outpatient visit during detention (the model looks at inpatient stays only); an
 * admission during detention under an ID number that differs only in its check digit.
 */

const HOSPITALS = [
  { name: '毕节市第一人民医院', code: 'H52050200001' },
  { name: '七星关区人民医院', code: 'H52050200002' },
  { name: '七星关区中医医院', code: 'H52050200003' },
  { name: '七星关区仁和医院', code: 'H52050200004' },
  { name: '七星关区康复医院', code: 'H52050200005' },
  { name: '七星关区鸭池镇卫生院', code: 'H52050200007' },
] as const;
const DIAGNOSES_IN = ['社区获得性肺炎', '慢性阻塞性肺疾病急性加重', '2型糖尿病', '脑梗死', '腰椎间盘突出症', '胆囊结石伴胆囊炎', '胃溃疡伴出血', '肋骨骨折'];
const DIAGNOSES_OUT = ['上呼吸道感染', '高血压病', '慢性胃炎', '皮炎', '牙周炎'];
const UNITS = ['毕节市公安局七星关分局', '毕节市公安局七星关分局洪山派出所', '毕节市公安局七星关分局碧阳派出所', '毕节市公安局七星关分局观音桥派出所', '毕节市公安局七星关分局刑事侦查大队'];
const CRIMINAL_CHARGES = ['盗窃罪', '诈骗罪', '故意伤害罪', '寻衅滋事罪', '开设赌场罪', '贩卖毒品罪', '危险驾驶罪'];
const ADMIN_CHARGES = ['殴打他人', '赌博', '吸毒', '扰乱公共秩序', '盗窃'];

type Visit = 'inpatient' | 'outpatient';

interface Custody {
  readonly start: string;
  /** null: still in custody on the run date. */
  readonly end: string | null;
}

export const scenario: Scenario = {
  model: 'medical_insurance_in_detention',
  kinds: ['medical_insurance_claim', 'detention'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 650, () => g.neverDetained());
    repeatScaled(ctx, 450, () => g.detained());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  neverDetained(): void {
    const { ctx } = this;
    const p = ctx.person({ minAge: 18, maxAge: 85 });
    for (let n = ctx.rng.int(1, 11); n > 0; n--) this.claim(p, this.visit(), ctx.daysAgo(ctx.rng.int(3, 1100)));
  }

  detained(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 18, maxAge: 70 });
    const c = this.custody(p, rng.chance(0.08) ? 'still' : rng.chance(0.6) ? 'administrative' : 'criminal');
    for (let n = rng.int(1, 8); n > 0; n--) {
      if (c.end !== null && rng.chance(0.5)) {
        const after = ctx.addDays(c.end, rng.int(1, 400));
        if (after <= ctx.asOf) this.claim(p, this.visit(), after);
      } else this.claim(p, this.visit(), ctx.addDays(c.start, -rng.int(1, 700)));
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 20, maxAge: 70 });
    const kind = i % 4;
    const c = this.custody(p, kind === 2 ? 'still' : 'criminal');
    for (let n = rng.int(0, 3); n > 0; n--) this.claim(p, this.visit(), ctx.addDays(c.start, -rng.int(10, 500)));
    let note: string;
    if (kind === 0) {
      this.claim(p, 'inpatient', ctx.addDays(c.start, 1));
      note = '入所次日住院（边界内）';
    } else if (kind === 1) {
      this.claim(p, 'inpatient', ctx.addDays(c.end as string, -1));
      note = '出所前一日住院（边界内）';
    } else if (kind === 2) {
      this.claim(p, 'inpatient', ctx.addDays(c.start, rng.int(2, 25)));
      note = '尚未出所（出所日期为空），其间住院';
    } else {
      this.claim(p, 'inpatient', ctx.addDays(c.start, rng.int(5, 20)));
      this.claim(p, 'inpatient', ctx.addDays(c.start, rng.int(25, 40)));
      note = '刑事羁押期间两次住院';
    }
    ctx.expectLead({ 'claim.id_number': p.idNumber }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const a = ctx.person({ minAge: 20, maxAge: 70 });
    const ca = this.custody(a, 'administrative');
    this.claim(a, 'inpatient', ca.start);
    ctx.nearMiss('入所当日住院（边界，不计）');

    const b = ctx.person({ minAge: 20, maxAge: 70 });
    const cb = this.custody(b, 'administrative');
    this.claim(b, 'inpatient', cb.end as string);
    ctx.nearMiss('出所当日住院（边界，不计）');

    const c = ctx.person({ minAge: 20, maxAge: 70 });
    const cc = this.custody(c, 'criminal');
    this.claim(c, 'outpatient', ctx.addDays(cc.start, 3));
    ctx.nearMiss('羁押期间的门诊（非住院）');

    const d = ctx.person({ minAge: 20, maxAge: 70 });
    const cd = this.custody(d, 'criminal');
    this.claim({ ...d, idNumber: otherCheckDigit(d.idNumber) }, 'inpatient', ctx.addDays(cd.start, 4));
    ctx.nearMiss('羁押期间住院，但身份证号与被羁押人仅校验位不同（无效号码）');
  }

  // -------------------------------------------------------------------------------------------

  private visit(): Visit {
    return this.ctx.rng.chance(0.35) ? 'inpatient' : 'outpatient';
  }

  /** Writes one detention record: administrative 5–15 days, criminal 30–300 days, or still in custody. */
  private custody(p: Person, kind: 'administrative' | 'criminal' | 'still'): Custody {
    const { ctx } = this;
    const { rng } = ctx;
    let start: string;
    let end: string | null;
    let type: string;
    if (kind === 'administrative') {
      start = ctx.daysAgo(rng.int(20, 1000));
      end = ctx.addDays(start, rng.int(5, 15));
      type = '行政拘留';
    } else if (kind === 'criminal') {
      start = ctx.daysAgo(rng.int(320, 1000));
      end = ctx.addDays(start, rng.int(45, 300));
      type = rng.pick(['刑事拘留', '逮捕', '逮捕']);
    } else {
      start = ctx.daysAgo(rng.int(30, 200));
      end = null;
      type = '逮捕';
    }
    ctx.emit('detention', {
      id_number: p.idNumber,
      person_name: p.name,
      detention_type: type,
      start_date: start,
      end_date: end,
      facility: type === '行政拘留' ? '毕节市拘留所' : '毕节市看守所',
      case_no: type === '行政拘留' ? null : ctx.serial('A5205029'),
      charge: type === '行政拘留' ? rng.pick(ADMIN_CHARGES) : rng.pick(CRIMINAL_CHARGES),
      handling_unit: rng.pick(UNITS),
    });
    return { start, end };
  }

  private claim(p: Person, visit: Visit, admitted: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const inpatient = visit === 'inpatient';
    const place = rng.pick(HOSPITALS);
    let discharge = inpatient ? ctx.addDays(admitted, rng.int(3, 15)) : null;
    if (discharge !== null && discharge > ctx.asOf) discharge = ctx.asOf;
    const total = inpatient ? rng.int(1500, 40000) + rng.int(0, 99) / 100 : rng.int(20, 800) + rng.int(0, 99) / 100;
    const fund = Math.round(total * (0.45 + rng.next() * 0.4) * 100) / 100;
    ctx.emit('medical_insurance_claim', {
      id_number: p.idNumber,
      person_name: p.name,
      claim_no: ctx.serial('JS5205'),
      visit_no: ctx.serial(inpatient ? 'ZY' : 'MZ'),
      hospital_name: place.name,
      hospital_code: place.code,
      visit_type: inpatient ? '普通住院' : '普通门诊',
      insurance_type: rng.pick(['职工基本医疗保险', '城乡居民基本医疗保险']),
      admission_date: admitted,
      discharge_date: discharge,
      settlement_date: discharge ?? admitted,
      diagnosis: rng.pick(inpatient ? DIAGNOSES_IN : DIAGNOSES_OUT),
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
