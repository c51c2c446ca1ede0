import { normalizeCode } from '../../normalize/code.js';
import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 司法救助线索研判 (model judicial_assistance): victims in criminal cases × social-assistance
 * (低保、特困) rosters and monthly payment lists.
 *
 * Background (≈ 1,900 victims and ≈ 900 other welfare recipients, ≈ 5,000 rows per scale unit):
 * seriously harmed victims who were compensated in full, or who receive no assistance; victims with
 * slight harm or small losses, some on 低保; victims who receive only medical aid or a disability
 * allowance; welfare recipients who are nobody's victim. Planted: seriously injured or robbed
 * victims, not (fully) compensated, on a current 低保 or 特困 roster — one with a loss of exactly
 * ¥10,000, one who left the roster exactly 365 days ago. Near misses: a loss of ¥9,999.99; left the
 * roster 366 days ago; compensated exactly the loss; on medical aid only.
 */

const COURT = '黔0502';
const UNITS = ['七星关区人民检察院', '大方县人民检察院'] as const;
const TOWNS = ['洪山街道', '观音桥街道', '碧阳街道', '鸭池镇', '朱昌镇', '长春堡镇', '撒拉溪镇', '杨家湾镇', '放珠镇', '龙场营镇'] as const;
const HARDSHIP = ['农村低保', '城市低保', '特困人员救助供养', '特困供养', '临时救助'] as const;
const OTHER_AID = ['医疗救助', '困难残疾人生活补贴', '重度残疾人护理补贴', '高龄津贴'] as const;

interface Crime {
  readonly charge: string;
  readonly title: string;
  readonly injuries: readonly string[];
  readonly property: boolean;
}

const CRIMES: readonly Crime[] = [
  { charge: '故意伤害罪', title: '故意伤害案', injuries: ['重伤二级', '重伤一级', '轻伤一级', '轻伤二级', '八级伤残', '十级伤残'], property: false },
  { charge: '抢劫罪', title: '抢劫案', injuries: ['轻伤二级', '轻微伤', '无'], property: true },
  { charge: '盗窃罪', title: '盗窃案', injuries: ['无'], property: true },
  { charge: '诈骗罪', title: '诈骗案', injuries: ['无'], property: true },
  { charge: '交通肇事罪', title: '交通肇事案', injuries: ['重伤二级', '九级伤残', '七级伤残', '死亡'], property: false },
  { charge: '故意毁坏财物罪', title: '故意毁坏财物案', injuries: ['无'], property: true },
];
const SLIGHT = ['轻微伤', '无', '皮肤擦伤'] as const;

export const scenario: Scenario = {
  model: 'judicial_assistance',
  kinds: ['crime_victim', 'welfare_payment'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 1900, () => g.background());
    repeatScaled(ctx, 900, () => g.welfare(ctx.person({ minAge: 18, maxAge: 90 }), ctx.rng.pick(HARDSHIP), null));
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person();
    const r = rng.next();
    if (r < 0.35) {
      // Seriously harmed and compensated in full; some are on 低保 all the same.
      const loss = rng.int(20, 400) * 1000;
      this.victim(p, this.serious(), loss, loss + rng.int(0, 20) * 1000);
      if (rng.chance(0.3)) this.welfare(p, rng.pick(HARDSHIP), null);
    } else if (r < 0.65) {
      // Slight harm and a small loss.
      this.victim(p, { ...this.serious(), injury: rng.pick(SLIGHT) }, rng.int(0, 9999), rng.chance(0.5) ? 0 : null);
      if (rng.chance(0.4)) this.welfare(p, rng.pick(HARDSHIP), null);
    } else if (r < 0.88) {
      // Seriously harmed, not compensated, but not on any assistance roster.
      this.victim(p, this.serious(), rng.int(10, 300) * 1000, rng.chance(0.5) ? 0 : null);
    } else {
      // Seriously harmed and not compensated; the only aid received does not show poverty.
      this.victim(p, this.serious(), rng.int(10, 300) * 1000, null);
      this.welfare(p, rng.pick(OTHER_AID), null);
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person();
    let caseNo: string;
    let note: string;
    switch (i % 4) {
      case 0:
        caseNo = this.victim(p, { charge: '盗窃罪', title: '盗窃案', injury: '无' }, rng.int(12, 40) * 1000, 0);
        this.welfare(p, '农村低保', null);
        note = '耕牛等财产被盗、损失较大未获赔偿，本人为低保对象';
        break;
      case 1:
        caseNo = this.victim(p, { charge: '故意伤害罪', title: '故意伤害案', injury: rng.pick(['重伤二级', '八级伤残']) }, null, null);
        this.welfare(p, rng.pick(HARDSHIP), null);
        note = '重伤或伤残，未获赔偿，本人为低保或特困对象';
        break;
      case 2:
        caseNo = this.victim(p, { charge: '抢劫罪', title: '抢劫案', injury: '无' }, 10000, 2000);
        this.welfare(p, '特困人员救助供养', null);
        note = '财产损失恰 10000 元（下限在内），仅获赔 2000 元';
        break;
      default:
        caseNo = this.victim(p, { charge: '交通肇事罪', title: '交通肇事案', injury: '九级伤残' }, rng.int(30, 90) * 1000, 0);
        this.welfare(p, '城市低保', ctx.daysAgo(365));
        note = '伤残未获赔偿，退出低保恰 365 天（窗口边界之内）';
        break;
    }
    ctx.expectLead({ 'v.id_number': p.idNumber, 'v.case_no': normalizeCode(caseNo) ?? caseNo }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const a = ctx.person();
    this.victim(a, { charge: '诈骗罪', title: '诈骗案', injury: '无' }, 9999.99, 0);
    this.welfare(a, '农村低保', null);
    ctx.nearMiss('财产损失 9999.99 元，低于 10000 元下限');

    const b = ctx.person();
    this.victim(b, { charge: '故意伤害罪', title: '故意伤害案', injury: '重伤二级' }, 50000, 0);
    this.welfare(b, '城市低保', ctx.daysAgo(366));
    ctx.nearMiss('退出低保已 366 天');

    const c = ctx.person();
    this.victim(c, { charge: '抢劫罪', title: '抢劫案', injury: '轻伤二级' }, 30000, 30000);
    this.welfare(c, '特困供养', null);
    ctx.nearMiss('已获赔偿恰等于损失');

    const d = ctx.person();
    this.victim(d, { charge: '故意伤害罪', title: '故意伤害案', injury: '重伤一级' }, 80000, 0);
    this.welfare(d, '医疗救助', null);
    ctx.nearMiss('只领取医疗救助，不是低保、特困对象');
  }

  // -------------------------------------------------------------------------------------------

  private serious(): { charge: string; title: string; injury: string } {
    const c = this.ctx.rng.pick(CRIMES);
    return { charge: c.charge, title: c.title, injury: this.ctx.rng.pick(c.injuries) };
  }

  private victim(p: Person, crime: { charge: string; title: string; injury: string }, loss: number | null, compensation: number | null): string {
    const { ctx } = this;
    const { rng } = ctx;
    const year = String(Number(ctx.asOf.slice(0, 4)) - rng.int(0, 3));
    const caseNo = `${ctx.serial(`（${year}）${COURT}刑初`)}号`;
    const offender = `${rng.pick(['罗', '李', '王', '张', '杨', '陈'])}某某`;
    ctx.emit('crime_victim', {
      id_number: p.idNumber,
      person_name: p.name,
      gender: p.sex === 'M' ? '男' : '女',
      age: null,
      case_no: caseNo,
      case_name: `${offender}${crime.title}`,
      charge: crime.charge,
      injury: crime.injury,
      loss_amount: loss,
      compensation_amount: compensation,
      family_status: rng.pick(['务农', '无固定收入', '家中有老人需赡养', '子女就学', '独居', null]),
      stage: rng.pick(['审查起诉', '一审', '判决生效']),
      handling_unit: rng.pick(UNITS),
      judgment_date: null,
      phone: p.phone,
      address: p.address,
    });
    return caseNo;
  }

  /** Roster rows for one recipient: one to three recent months (none after leaving the roster). */
  welfare(p: Person, type: string, ended: string | null): void {
    const { ctx } = this;
    const { rng } = ctx;
    const start = ctx.daysAgo(rng.int(400, 3000));
    const months = rng.int(1, 3);
    const last = ended ?? ctx.daysAgo(rng.int(1, 40));
    const amount = type.includes('特困') ? 650 : type.includes('低保') ? rng.pick([380, 420, 560]) : rng.int(100, 1500);
    for (let m = 0; m < months; m++) {
      const month = `${ctx.addDays(last, -31 * m).slice(0, 7)}-01`;
      ctx.emit('welfare_payment', {
        id_number: p.idNumber,
        person_name: p.name,
        household_head_name: p.name,
        household_head_id_number: p.idNumber,
        relation_to_head: '本人',
        welfare_type: type,
        amount,
        pay_month: month,
        start_date: start,
        end_date: ended,
        family_size: rng.int(1, 5),
        township: rng.pick(TOWNS),
        bank_account: ctx.serial('6217995200'),
        phone: p.phone,
        address: p.address,
      });
    }
  }
}
