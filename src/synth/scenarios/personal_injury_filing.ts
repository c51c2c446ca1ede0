import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 人身伤害类案件立案监督 (model personal_injury_filing): forensic injury assessments × police case
 * registrations (and closures, so that no registration here looks like a hanging case).
 *
 * Background (≈ 2,850 assessments, ≈ 5,000 rows per scale unit): 轻微伤 assessments; 轻伤 or 重伤
 * assessments whose victim the police registered (before or after the assessment), or whose case
 * number the assessment carries; injuries from traffic accidents, work or accidents; negative
 * findings (未达轻伤); assessments less than 30 days old. Planted: 轻伤/重伤 assessments 30 days old
 * or more with no registration at all, with only a registration of the same victim filed 366 days
 * before the assessment (another incident), or with only a 不予立案 record. Near misses: assessed
 * 29 days ago; registered exactly 365 days before the assessment; 交通事故 as the cause; 未达轻伤.
 */

const CASE_PREFIX = 'A5205022';
const INSTITUTIONS = ['毕节市公安局物证鉴定所', '贵州黔正司法鉴定中心', '毕节医学院司法鉴定所'] as const;
const STATIONS = [
  '毕节市公安局七星关分局洪山派出所',
  '毕节市公安局七星关分局观音桥派出所',
  '毕节市公安局七星关分局碧阳派出所',
  '毕节市公安局七星关分局三板桥派出所',
  '毕节市公安局七星关分局海子街派出所',
] as const;

const SERIOUS = ['轻伤二级', '轻伤二级', '轻伤二级', '轻伤一级', '重伤二级', '重伤一级'] as const;
const INTENTIONAL = [
  { cause: '被他人持木棒击打头部', site: '头部' },
  { cause: '被他人拳击面部', site: '面部' },
  { cause: '被他人持刀砍伤左前臂', site: '左前臂' },
  { cause: '斗殴中被踢伤腹部', site: '腹部' },
  { cause: '被他人殴打致肋骨骨折', site: '胸部' },
  { cause: '被他人持啤酒瓶砸伤', site: '头面部' },
  { cause: '纠纷中被推倒致骨折', site: '右腕部' },
] as const;
const NON_INTENTIONAL = ['交通事故致右胫骨骨折', '车祸致颅脑损伤', '工伤：操作机器时右手受伤', '意外摔伤', '自伤'] as const;
const NEGATIVE = ['未达轻伤', '未构成轻伤', '不构成轻伤二级'] as const;

export const scenario: Scenario = {
  model: 'personal_injury_filing',
  kinds: ['injury_assessment', 'police_case_registration', 'police_case_closure'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 2850, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    if (r < 0.33) {
      this.assess(ctx.person(), '轻微伤', this.dueDate(), rng.pick(INTENTIONAL).cause);
    } else if (r < 0.66) {
      // Registered by the police, from 60 days before the assessment to 20 days after it.
      const victim = ctx.person();
      const assessed = this.dueDate();
      this.assess(victim, rng.pick(SERIOUS), assessed, rng.pick(INTENTIONAL).cause);
      this.register(victim, this.notAfterAsOf(ctx.addDays(assessed, rng.int(-60, 20))), '侦查中');
    } else if (r < 0.74) {
      // Registered under the case number on the assessment; the registration names no victim.
      const assessed = this.dueDate();
      const caseNo = this.register(null, ctx.addDays(assessed, -rng.int(1, 30)), '侦查中');
      this.assess(ctx.person(), rng.pick(SERIOUS), assessed, rng.pick(INTENTIONAL).cause, caseNo);
    } else if (r < 0.84) {
      this.assess(ctx.person(), rng.pick(SERIOUS), this.dueDate(), rng.pick(NON_INTENTIONAL));
    } else if (r < 0.9) {
      this.assess(ctx.person(), rng.pick(NEGATIVE), this.dueDate(), rng.pick(INTENTIONAL).cause);
    } else {
      // Assessed less than 30 days ago: the police still have time to decide.
      this.assess(ctx.person(), rng.pick(SERIOUS), ctx.daysAgo(rng.int(0, 29)), rng.pick(INTENTIONAL).cause);
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const victim = ctx.person();
    let note: string;
    switch (i % 4) {
      case 0:
        this.assess(victim, '轻伤二级', ctx.daysAgo(30), rng.pick(INTENTIONAL).cause);
        note = '轻伤二级，鉴定恰满 30 天，无立案（边界在内）';
        break;
      case 1:
        this.assess(victim, rng.pick(SERIOUS), this.dueDate(), rng.pick(INTENTIONAL).cause);
        note = '轻伤以上，鉴定后无任何立案';
        break;
      case 2: {
        const assessed = this.dueDate();
        this.assess(victim, rng.pick(SERIOUS), assessed, rng.pick(INTENTIONAL).cause);
        this.register(victim, ctx.addDays(assessed, -366), '已结案');
        note = '同一被害人唯一的立案早于鉴定 366 天，系另一起案件';
        break;
      }
      default: {
        const assessed = ctx.daysAgo(rng.int(40, 300));
        this.assess(victim, rng.pick(SERIOUS), assessed, rng.pick(INTENTIONAL).cause);
        this.register(victim, this.notAfterAsOf(ctx.addDays(assessed, rng.int(1, 10))), '不予立案');
        note = '公安机关对其报案作出不予立案决定';
        break;
      }
    }
    ctx.expectLead({ 'inj.id_number': victim.idNumber }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const { rng } = ctx;
    this.assess(ctx.person(), '轻伤二级', ctx.daysAgo(29), rng.pick(INTENTIONAL).cause);
    ctx.nearMiss('轻伤二级，鉴定满 29 天，尚在立案审查期内');

    const victim = ctx.person();
    const assessed = this.dueDate();
    this.assess(victim, rng.pick(SERIOUS), assessed, rng.pick(INTENTIONAL).cause);
    this.register(victim, ctx.addDays(assessed, -365), '已结案');
    ctx.nearMiss('以其为被害人的立案恰早于鉴定 365 天（窗口边界之内）');

    this.assess(ctx.person(), '轻伤一级', this.dueDate(), '交通事故致左股骨骨折');
    ctx.nearMiss('轻伤一级，但系交通事故致伤');

    this.assess(ctx.person(), '未达轻伤二级', this.dueDate(), rng.pick(INTENTIONAL).cause);
    ctx.nearMiss('鉴定意见为“未达轻伤二级”');
  }

  // -------------------------------------------------------------------------------------------

  /** An assessment date the police have had at least 30 days to act on. */
  private dueDate(): string {
    return this.ctx.daysAgo(this.ctx.rng.int(31, 1400));
  }

  private notAfterAsOf(date: string): string {
    return date > this.ctx.asOf ? this.ctx.asOf : date;
  }

  private assess(victim: Person, degree: string, assessed: string, cause: string, caseNo: string | null = null): void {
    const { ctx } = this;
    const { rng } = ctx;
    const institution = rng.pick(INSTITUTIONS);
    const site = INTENTIONAL.find((x) => x.cause === cause)?.site ?? rng.pick(['头部', '四肢', '胸腹部']);
    ctx.emit('injury_assessment', {
      id_number: victim.idNumber,
      person_name: victim.name,
      injury_degree: degree,
      assessment_date: assessed,
      institution,
      report_no: `${ctx.serial(institution === '毕节市公安局物证鉴定所' ? `毕公物鉴（法医）字〔${assessed.slice(0, 4)}〕` : `黔司鉴〔${assessed.slice(0, 4)}〕临鉴字第`)}号`,
      case_no: caseNo,
      entrusting_agency: rng.pick(STATIONS),
      injury_date: ctx.addDays(assessed, -rng.int(5, 60)),
      injury_cause: cause,
      injury_site: site,
    });
  }

  /** A registration; one filed more than a year ago is closed too, so it never looks like a hanging case. */
  private register(victim: Person | null, filed: string, status: string): string {
    const { ctx } = this;
    const { rng } = ctx;
    const caseNo = ctx.serial(CASE_PREFIX);
    const suspect = rng.chance(0.7) ? ctx.person({ minAge: 18, maxAge: 60 }) : null;
    ctx.emit('police_case_registration', {
      case_no: caseNo,
      case_name: victim ? `${victim.name.charAt(0)}某某被故意伤害案` : `${suspect ? suspect.name.charAt(0) : '李'}某故意伤害案`,
      case_type: '刑事案件',
      charge: '故意伤害罪',
      occurred_date: ctx.addDays(filed, -rng.int(1, 30)),
      accepted_date: ctx.addDays(filed, -rng.int(0, 5)),
      filed_date: filed,
      status,
      handling_unit: rng.pick(STATIONS),
      source: '被害人报案',
      suspect_name: suspect?.name ?? null,
      suspect_id_number: suspect?.idNumber ?? null,
      victim_name: victim?.name ?? null,
      victim_id_number: victim?.idNumber ?? null,
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
    return caseNo;
  }
}
