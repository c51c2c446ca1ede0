import { normalizeCode } from '../../normalize/code.js';
import { normalizeOrgName } from '../../normalize/org-name.js';
import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 侵害未成年人案件强制报告 (model mandatory_reporting): hospital injury visits × police case
 * registrations (and closures, so no registration here looks like a hanging case).
 *
 * Background (≈ 5,500 visits, ≈ 6,000 rows per scale unit): adults with injuries of every kind;
 * children with ordinary injuries (falls, sport, traffic, dog bites); children with signs of abuse
 * whose visit was reported, or whose case the police already hold; girls of 14–17 seen for a
 * pregnancy; children recorded without an ID number. Planted: children with signs of abuse not
 * reported (with or without an ID number), a girl under 14 seen for a pregnancy, a patient one
 * day short of 18. Near misses: a patient beaten on her 18th birthday; a police case filed exactly
 * 30 days before the visit; a 16-year-old's pregnancy; a report date but no yes-flag.
 */

const CASE_PREFIX = 'A5205024';
const HOSPITALS = ['毕节市第一人民医院', '七星关区人民医院', '七星关区妇幼保健院', '毕节市中医医院', '大方县人民医院'] as const;
const DEPARTMENTS = ['急诊科', '急诊外科', '骨科', '儿科', '烧伤科', '妇科', '普外科'] as const;
const STATIONS = ['毕节市公安局七星关分局洪山派出所', '毕节市公安局七星关分局碧阳派出所', '大方县公安局城关派出所'] as const;

interface Injury {
  readonly diagnosis: string;
  readonly cause: string | null;
  readonly site: string;
}

const ORDINARY: readonly Injury[] = [
  { diagnosis: '右桡骨远端骨折', cause: '玩耍时摔倒', site: '右腕部' },
  { diagnosis: '左踝关节扭伤', cause: '体育课运动损伤', site: '左踝' },
  { diagnosis: '头皮裂伤', cause: '骑自行车摔伤', site: '头部' },
  { diagnosis: '右手指切割伤', cause: '削水果时不慎切伤', site: '右手' },
  { diagnosis: '左小腿犬咬伤', cause: '被犬咬伤', site: '左小腿' },
  { diagnosis: '多处擦伤', cause: '交通事故', site: '四肢' },
  { diagnosis: '鼻出血', cause: '不慎碰伤', site: '鼻部' },
  { diagnosis: '左眼异物', cause: '玩耍时沙子入眼', site: '左眼' },
];

const SUSPICIOUS: readonly Injury[] = [
  { diagnosis: '左前臂及背部多处软组织挫伤', cause: '被家长殴打', site: '背部' },
  { diagnosis: '面部挫伤', cause: '被同学殴打', site: '面部' },
  { diagnosis: '双下肢Ⅱ度烫伤', cause: '被继父用开水烫伤', site: '双下肢' },
  { diagnosis: '全身多处皮下出血', cause: '疑似虐待', site: '全身' },
  { diagnosis: '左肱骨陈旧性骨折', cause: '不详', site: '左上臂' },
  { diagnosis: '重度营养不良', cause: '长期无人照料', site: '全身' },
  { diagnosis: '右腕部割伤', cause: '自残', site: '右腕部' },
];

const ADULT: readonly Injury[] = [
  ...ORDINARY,
  { diagnosis: '面部挫裂伤', cause: '被他人殴打', site: '面部' },
  { diagnosis: '右前臂刀刺伤', cause: '纠纷中被他人刺伤', site: '右前臂' },
  { diagnosis: '腰椎压缩性骨折', cause: '高处坠落', site: '腰部' },
];

export const scenario: Scenario = {
  model: 'mandatory_reporting',
  kinds: ['hospital_visit', 'police_case_registration', 'police_case_closure'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 5500, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    const visit = this.visitDate(0, 700);
    if (r < 0.45) {
      this.visit(ctx.person({ minAge: 20, maxAge: 85 }), visit, rng.pick(ADULT), { reported: rng.chance(0.3) });
    } else if (r < 0.73) {
      this.visit(this.child(visit, 1, 17), visit, rng.pick(ORDINARY), { reported: false });
    } else if (r < 0.83) {
      this.visit(this.child(visit, 1, 17), visit, rng.pick(SUSPICIOUS), { reported: true });
    } else if (r < 0.88) {
      // Not reported by the hospital, but the police already hold the case (parents reported it).
      const child = this.child(visit, 1, 17);
      this.visit(child, visit, rng.pick(SUSPICIOUS), { reported: false });
      this.register(child, this.notAfterAsOf(ctx.addDays(visit, rng.int(-30, 10))));
    } else if (r < 0.92) {
      this.visit(this.child(visit, 14, 17, 'F'), visit, { diagnosis: rng.pick(['早孕', '妊娠状态', '早期妊娠']), cause: null, site: '腹部' }, { reported: false });
    } else if (r < 0.97) {
      this.visit(this.child(visit, 1, 17), visit, rng.pick(ORDINARY), { reported: false, withoutId: true });
    } else {
      // The flag was left empty, but the record carries the date it was reported.
      this.visit(this.child(visit, 1, 17), visit, rng.pick(SUSPICIOUS), { reported: null, reportDate: visit });
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const visit = this.visitDate(1, 600);
    let key: { hospital: string; no: string };
    let note: string;
    switch (i % 4) {
      case 0:
        key = this.visit(this.child(visit, 3, 13), visit, rng.pick(SUSPICIOUS), { reported: false });
        note = '儿童疑似受侵害就诊，记录为未报警，公安无相关立案';
        break;
      case 1:
        key = this.visit(this.child(visit, 5, 12, 'F'), visit, { diagnosis: '外阴损伤', cause: '疑似性侵', site: '会阴部' }, { reported: null, withoutId: true });
        note = '无身份证号（按登记年龄认定未成年），疑似性侵，是否报警未填';
        break;
      case 2:
        key = this.visit(this.child(visit, 12, 13, 'F'), visit, { diagnosis: '早孕', cause: null, site: '腹部' }, { reported: false });
        note = '不满 14 周岁女童早孕';
        break;
      default: {
        const person = ctx.person({ birthDate: ctx.addDays(this.yearsBefore(visit, 18), 1) });
        key = this.visit(person, visit, { diagnosis: '鼻骨骨折', cause: '被他人殴打', site: '鼻部' }, { reported: false });
        note = '就诊时距满 18 周岁差一天，仍是未成年人';
        break;
      }
    }
    ctx.expectLead({ 'v.hospital_name': normalizeOrgName(key.hospital) ?? key.hospital, 'v.visit_no': normalizeCode(key.no) ?? key.no }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const visit = this.visitDate(1, 600);
    this.visit(ctx.person({ birthDate: this.yearsBefore(visit, 18) }), visit, { diagnosis: '头皮血肿', cause: '被他人殴打', site: '头部' }, { reported: false });
    ctx.nearMiss('就诊当天恰满 18 周岁，已成年');

    const child = this.child(visit, 6, 15);
    this.visit(child, visit, this.ctx.rng.pick(SUSPICIOUS), { reported: false });
    this.register(child, ctx.addDays(visit, -30));
    ctx.nearMiss('就诊前恰 30 天已以其为被害人立案（窗口边界之内）');

    this.visit(this.child(visit, 16, 16, 'F'), visit, { diagnosis: '早孕', cause: null, site: '腹部' }, { reported: false });
    ctx.nearMiss('16 岁早孕，无其他疑似侵害迹象');

    this.visit(this.child(visit, 6, 15), visit, this.ctx.rng.pick(SUSPICIOUS), { reported: null, reportDate: visit });
    ctx.nearMiss('“是否报警”未填，但记有报告日期');
  }

  // -------------------------------------------------------------------------------------------

  /** A visit date `min`–`max` days back, never 29 February (so birthdays 18 years before exist). */
  private visitDate(min: number, max: number): string {
    const d = this.ctx.daysAgo(this.ctx.rng.int(min, max));
    return d.endsWith('-02-29') ? this.ctx.addDays(d, -1) : d;
  }

  private yearsBefore(date: string, years: number): string {
    return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
  }

  /** A child aged `minAge`–`maxAge` whole years on `on`. */
  private child(on: string, minAge: number, maxAge: number, sex?: 'M' | 'F'): Person {
    const { ctx } = this;
    const years = ctx.rng.int(minAge, maxAge);
    // Born between (on − years − 1 year + 1 day) and (on − years).
    const latest = this.yearsBefore(on, years);
    const birth = ctx.addDays(latest, -ctx.rng.int(0, 364));
    return ctx.person({ birthDate: birth, ...(sex ? { sex } : {}) });
  }

  private notAfterAsOf(date: string): string {
    return date > this.ctx.asOf ? this.ctx.asOf : date;
  }

  private visit(
    p: Person,
    date: string,
    injury: Injury,
    opts: { reported: boolean | null; withoutId?: boolean; reportDate?: string },
  ): { hospital: string; no: string } {
    const { ctx } = this;
    const { rng } = ctx;
    const hospital = rng.pick(HOSPITALS);
    const no = ctx.serial(rng.chance(0.8) ? 'MZ5205' : 'ZY5205');
    const age = ageOn(p.birthDate, date);
    const minor = age < 18;
    const guardian = minor && rng.chance(0.7) ? ctx.person({ minAge: 25, maxAge: 60 }) : null;
    ctx.emit('hospital_visit', {
      person_name: p.name,
      id_number: opts.withoutId ? null : p.idNumber,
      gender: p.sex === 'M' ? '男' : '女',
      age: opts.withoutId || rng.chance(0.9) ? age : null,
      birth_date: rng.chance(0.3) ? p.birthDate : null,
      visit_no: no,
      hospital_name: hospital,
      department: injury.diagnosis.includes('孕') || injury.diagnosis.includes('外阴') ? '妇科' : minor && rng.chance(0.4) ? '儿科' : rng.pick(DEPARTMENTS),
      visit_date: date,
      diagnosis: injury.diagnosis,
      injury_cause: injury.cause,
      injury_site: injury.site,
      reported_to_police: opts.reported,
      report_date: opts.reportDate ?? (opts.reported ? date : null),
      guardian_name: guardian?.name ?? null,
      guardian_phone: guardian?.phone ?? null,
      phone: minor ? null : p.phone,
      address: p.address,
    });
    return { hospital, no };
  }

  /** A registration naming the child as victim; one filed more than a year ago is closed too. */
  private register(victim: Person, filed: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const caseNo = ctx.serial(CASE_PREFIX);
    const suspect = ctx.person({ minAge: 20, maxAge: 60 });
    ctx.emit('police_case_registration', {
      case_no: caseNo,
      case_name: `${suspect.name.charAt(0)}某虐待、伤害未成年人案`,
      case_type: '刑事案件',
      charge: rng.pick(['故意伤害罪', '虐待被监护、看护人罪', '虐待罪']),
      occurred_date: ctx.addDays(filed, -rng.int(0, 20)),
      accepted_date: filed,
      filed_date: filed,
      status: '侦查中',
      handling_unit: rng.pick(STATIONS),
      source: '被害人法定代理人报案',
      suspect_name: suspect.name,
      suspect_id_number: suspect.idNumber,
      victim_name: victim.name,
      victim_id_number: victim.idNumber,
    });
    if (filed <= ctx.daysAgo(365)) {
      const closed = this.notAfterAsOf(ctx.addDays(filed, rng.int(30, 300)));
      ctx.emit('police_case_closure', {
        case_no: caseNo,
        closure_type: '移送审查起诉',
        closure_date: closed,
        reason: '犯罪事实清楚，证据确实充分',
        handling_unit: rng.pick(STATIONS),
        document_no: `${ctx.serial(`毕七公诉字〔${closed.slice(0, 4)}〕`)}号`,
      });
    }
  }
}

/** Whole years from `birth` to `on` (both `YYYY-MM-DD`): the year difference, less one before the birthday. */
function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}
