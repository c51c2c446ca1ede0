import { normalizeCode } from '../../normalize/code.js';
import type { Org, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 拒不支付劳动报酬案件移送后未立案 (model wage_arrears_transfer): labour-inspectorate transfers ×
 * police case registrations (and closures, so no registration here looks like a hanging case).
 *
 * Background (≈ 1,710 transfers, ≈ 4,000 rows per scale unit): transfers the police filed against the
 * employer by name, under the case number in the transfer letter only, or against the labour
 * contractor (包工头) in person; transfers less than four days old; amounts below ¥5,000.
 * Planted: transfers four days old or more with no filing at all, with only a filing of the same
 * employer for another offence (合同诈骗), or with only a wage filing made 31 days before the
 * transfer. Near misses: a transfer exactly 3 days old; the filing writes the employer with
 * 有限责任公司 for 有限公司, or with half-width brackets; ¥4,999.99 owed; a filing exactly 30 days
 * before the transfer.
 */

const CASE_PREFIX = 'A5205023';
const POLICE = ['毕节市公安局七星关分局', '毕节市公安局七星关分局经济犯罪侦查大队', '大方县公安局'] as const;
const TRADES = ['劳务', '建筑工程', '建设', '装饰工程', '市政工程', '餐饮管理', '物流', '商贸', '矿业'] as const;
const SITES = ['安置房', '教学楼', '商住楼', '市政道路', '管网改造', '厂房', '综合楼', '棚户区改造'] as const;
const TOWNS = ['洪山', '观音桥', '碧阳', '三板桥', '大新桥', '海子街', '鸭池', '长春堡', '撒拉溪', '杨家湾'] as const;
const WAGE_CHARGE = '拒不支付劳动报酬罪';

interface Transfer {
  readonly no: string;
  readonly org: Org;
  readonly date: string;
}

export const scenario: Scenario = {
  model: 'wage_arrears_transfer',
  kinds: ['labour_transfer', 'police_case_registration', 'police_case_closure'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 1710, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    if (r < 0.55) {
      // Filed against the employer by name; half the letters also carry the police case number.
      const caseNo = ctx.serial(CASE_PREFIX);
      const t = this.transfer(this.dueDate(), { policeCaseNo: rng.chance(0.5) ? caseNo : null });
      this.register(caseNo, t, this.filedAfter(t), { org: t.org.name, charge: WAGE_CHARGE });
    } else if (r < 0.7) {
      // Filed under the case number in the transfer letter; the registration names no one.
      const caseNo = ctx.serial(CASE_PREFIX);
      const t = this.transfer(this.dueDate(), { policeCaseNo: caseNo });
      this.register(caseNo, t, this.filedAfter(t), { charge: null });
    } else if (r < 0.8) {
      // Filed against the labour contractor in person.
      const t = this.transfer(this.dueDate(), {});
      this.register(ctx.serial(CASE_PREFIX), t, this.filedAfter(t), { suspect: true, charge: WAGE_CHARGE });
    } else if (r < 0.9) {
      this.transfer(ctx.daysAgo(rng.int(0, 3)), {});
    } else {
      this.transfer(this.dueDate(), { amount: rng.int(80, 4999) });
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    let t: Transfer;
    let note: string;
    switch (i % 4) {
      case 0:
        t = this.transfer(ctx.daysAgo(4), {});
        note = '移送满 4 日（超过 3 日审查期限一天），无立案';
        break;
      case 1:
        t = this.transfer(this.dueDate(), {});
        note = '移送后查无任何立案';
        break;
      case 2:
        t = this.transfer(this.dueDate(), {});
        this.register(ctx.serial(CASE_PREFIX), t, this.filedAfter(t), { org: t.org.name, charge: '合同诈骗罪' });
        note = '同一单位只有合同诈骗立案，非本次欠薪事由';
        break;
      default:
        t = this.transfer(ctx.daysAgo(ctx.rng.int(40, 900)), {});
        this.register(ctx.serial(CASE_PREFIX), t, ctx.addDays(t.date, -31), { org: t.org.name, charge: WAGE_CHARGE });
        note = '同一单位的欠薪立案早于移送 31 天（窗口外）';
        break;
    }
    ctx.expectLead({ 'tr.transfer_no': normalizeCode(t.no) ?? t.no }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    this.transfer(ctx.daysAgo(3), {});
    ctx.nearMiss('移送恰满 3 日，仍在审查期限内');

    const a = this.transfer(this.dueDate(), {});
    this.register(ctx.serial(CASE_PREFIX), a, this.filedAfter(a), { org: a.org.name.replace(/有限公司$/, '有限责任公司'), charge: WAGE_CHARGE });
    ctx.nearMiss('立案登记的嫌疑单位写作“有限责任公司”，名称模糊匹配仍能关联');

    const b = this.transfer(this.dueDate(), { org: ctx.org({ trade: ctx.rng.pick(TRADES), suffix: '（集团）有限公司' }) });
    this.register(ctx.serial(CASE_PREFIX), b, this.filedAfter(b), { org: b.org.name.replace('（', '(').replace('）', ')'), charge: WAGE_CHARGE });
    ctx.nearMiss('立案登记的嫌疑单位用半角括号 ()，仍能关联');

    this.transfer(this.dueDate(), { amount: 4999.99 });
    ctx.nearMiss('拖欠 4999.99 元，低于 5000 元起刑数额下限');

    const c = this.transfer(ctx.daysAgo(ctx.rng.int(40, 900)), {});
    this.register(ctx.serial(CASE_PREFIX), c, ctx.addDays(c.date, -30), { org: c.org.name, charge: WAGE_CHARGE });
    ctx.nearMiss('移送前恰 30 天已对该单位立案（窗口边界之内）');
  }

  // -------------------------------------------------------------------------------------------

  /** A transfer date more than three days back: the police have had time to decide. */
  private dueDate(): string {
    return this.ctx.daysAgo(this.ctx.rng.int(5, 1000));
  }

  private filedAfter(t: Transfer): string {
    const d = this.ctx.addDays(t.date, this.ctx.rng.int(1, 20));
    return d > this.ctx.asOf ? this.ctx.asOf : d;
  }

  private transfer(date: string, opts: { policeCaseNo?: string | null; amount?: number; org?: Org }): Transfer {
    const { ctx } = this;
    const { rng } = ctx;
    const org = opts.org ?? ctx.org({ trade: rng.pick(TRADES) });
    const workers = rng.chance(0.3) ? rng.int(1, 9) : rng.int(10, 120);
    // At least ¥5,000 (the model's default threshold) unless the caller asks for less.
    const amount = opts.amount ?? Math.max(5_000, workers * rng.int(25, 120) * 100);
    const no = `${ctx.serial(`毕七人社监移〔${date.slice(0, 4)}〕`)}号`;
    const orderDate = ctx.addDays(date, -rng.int(20, 60));
    ctx.emit('labour_transfer', {
      employer_name: org.name,
      employer_uscc: rng.chance(0.85) ? org.uscc : null,
      legal_rep_name: org.legalRep.name,
      legal_rep_id_number: org.legalRep.idNumber,
      project_name: `七星关区${rng.pick(TOWNS)}${rng.pick(SITES)}项目`,
      amount_owed: amount,
      worker_count: workers,
      order_date: orderDate,
      order_deadline: ctx.addDays(orderDate, 15),
      transfer_date: date,
      transfer_no: no,
      receiving_agency: rng.pick(POLICE),
      police_case_no: opts.policeCaseNo ?? null,
    });
    return { no, org, date };
  }

  /** A registration; one filed more than a year ago is closed too, so it never looks like a hanging case. */
  private register(caseNo: string, t: Transfer, filed: string, who: { org?: string; suspect?: boolean; charge: string | null }): void {
    const { ctx } = this;
    const { rng } = ctx;
    const rep = t.org.legalRep;
    ctx.emit('police_case_registration', {
      case_no: caseNo,
      case_name: who.org ? `${who.org}${who.charge === WAGE_CHARGE ? '拒不支付劳动报酬案' : '合同诈骗案'}` : `${rep.name.charAt(0)}某${who.charge ? '拒不支付劳动报酬' : '欠薪'}案`,
      case_type: '刑事案件',
      charge: who.charge,
      occurred_date: ctx.addDays(t.date, -rng.int(30, 200)),
      accepted_date: filed,
      filed_date: filed,
      status: '侦查中',
      handling_unit: rng.pick(POLICE),
      source: '行政执法机关移送',
      suspect_name: who.suspect ? rep.name : null,
      suspect_id_number: who.suspect ? rep.idNumber : null,
      suspect_org_name: who.org ?? null,
    });
    if (filed <= ctx.daysAgo(365)) {
      const closed = ctx.addDays(filed, rng.int(30, 300));
      const on = closed > ctx.asOf ? ctx.asOf : closed;
      ctx.emit('police_case_closure', {
        case_no: caseNo,
        closure_type: rng.chance(0.8) ? '移送审查起诉' : '撤销案件',
        closure_date: on,
        reason: '欠薪已全部支付或证据已查清',
        handling_unit: rng.pick(POLICE),
        document_no: `${ctx.serial(`毕七公诉字〔${on.slice(0, 4)}〕`)}号`,
      });
    }
  }
}
