import { normalizeCode } from '../../normalize/code.js';
import type { Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 行政非诉执行和解逾期未履行未恢复执行 (model admin_nonlitigation_settlement): settlement agreements
 * × administrative non-litigation enforcement cases, by case number. Model default: the agreed
 * date passed more than 30 days ago, not fulfilled, not resumed, no later agreement.
 *
 * Background (≈ 2,500 cases, ≈ 4,000 rows per scale unit): cases with no settlement, settlements
 * fulfilled, not yet due, overdue but resumed, replaced by a new agreement, paid in full with the
 * 是否履行完毕 column left blank, cases closed as 执行完毕, civil settlements (no administrative
 * case), and settlements overdue by 30 days or less. Planted: settlements long overdue and unpaid,
 * partly paid, or overdue by exactly 31 days. Near misses: overdue by exactly 30 days; replaced by a
 * new agreement; paid in full with the flag blank; a civil (bank) settlement long overdue; 是否恢复
 * 执行 = 是 without a date.
 */

const COURT = '七星关区人民法院';
const AGENCIES = [
  { agency: '七星关区自然资源局', cause: '非法占用土地', doc: '毕七自然资罚' },
  { agency: '七星关区市场监督管理局', cause: '食品安全', doc: '毕七市监罚' },
  { agency: '七星关区生态环境局', cause: '环境污染', doc: '毕七环罚' },
  { agency: '七星关区人力资源和社会保障局', cause: '劳动保障监察', doc: '毕七人社罚' },
  { agency: '七星关区住房和城乡建设局', cause: '违法建设', doc: '毕七住建罚' },
  { agency: '七星关区应急管理局', cause: '安全生产', doc: '毕七应急罚' },
  { agency: '七星关区综合行政执法局', cause: '市容环境卫生', doc: '毕七综执罚' },
  { agency: '七星关区交通运输局', cause: '道路运输', doc: '毕七交罚' },
  { agency: '七星关区林业局', cause: '滥伐林木', doc: '毕七林罚' },
  { agency: '七星关区水务局', cause: '水土保持', doc: '毕七水罚' },
] as const;
const OVERDUE = 30;

interface Case {
  readonly no: string;
  readonly agency: string;
  readonly respondent: string;
  readonly amount: number;
  readonly filed: string;
}

interface Settlement {
  readonly due: string;
  readonly amount: number;
  readonly paid?: number | null;
  readonly fulfilled?: boolean | null;
  readonly fulfilledDate?: string | null;
  readonly resumed?: boolean | null;
  readonly resumedDate?: string | null;
  readonly agreed?: string;
}

export const scenario: Scenario = {
  model: 'admin_nonlitigation_settlement',
  kinds: ['admin_enforcement_case', 'enforcement_settlement'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 2500, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    if (r < 0.45) {
      this.caseRow(this.newCase(), rng.pick(['执行完毕', '终结本次执行', '执行中', '准予执行']));
    } else if (r < 0.63) {
      const c = this.newCase();
      const due = this.dueDaysAgo(-10, 900);
      const done = ctx.addDays(due, -rng.int(0, 30));
      this.caseRow(c, rng.pick(['终结执行', '执行完毕']));
      this.settle(c, { due, amount: c.amount, paid: c.amount, fulfilled: true, fulfilledDate: done > ctx.asOf ? ctx.asOf : done });
    } else if (r < 0.73) {
      const c = this.newCase();
      this.caseRow(c, '终结执行');
      this.settle(c, { due: ctx.addDays(ctx.asOf, rng.int(1, 300)), amount: c.amount, paid: rng.chance(0.5) ? Math.round(c.amount * 0.3) : 0, fulfilled: false });
    } else if (r < 0.81) {
      const c = this.newCase();
      const due = this.dueDaysAgo(OVERDUE + 1, 900);
      const resumed = ctx.addDays(due, rng.int(1, 200));
      this.caseRow(c, '恢复执行');
      this.settle(c, { due, amount: c.amount, paid: 0, fulfilled: false, resumed: true, resumedDate: resumed > ctx.asOf ? ctx.asOf : resumed });
    } else if (r < 0.86) {
      // Overdue, then a new agreement with a later date replaced it.
      const c = this.newCase();
      const due = this.dueDaysAgo(OVERDUE + 1, 600);
      this.caseRow(c, '终结执行');
      this.settle(c, { due, amount: c.amount, paid: 0, fulfilled: false });
      const second = ctx.addDays(due, rng.int(20, 120));
      const secondDue = ctx.addDays(second, rng.int(120, 365));
      this.settle(c, { agreed: second > ctx.asOf ? ctx.asOf : second, due: secondDue, amount: c.amount, paid: secondDue <= ctx.asOf ? c.amount : 0, fulfilled: secondDue <= ctx.asOf, fulfilledDate: secondDue <= ctx.asOf ? secondDue : null });
    } else if (r < 0.9) {
      // Paid in full; the clerk left 是否履行完毕 blank.
      const c = this.newCase();
      this.caseRow(c, '终结执行');
      this.settle(c, { due: this.dueDaysAgo(OVERDUE + 1, 900), amount: c.amount, paid: c.amount, fulfilled: null });
    } else if (r < 0.94) {
      const c = this.newCase();
      this.caseRow(c, '执行完毕', '执行完毕');
      this.settle(c, { due: this.dueDaysAgo(OVERDUE + 1, 900), amount: c.amount, paid: null, fulfilled: null });
    } else if (r < 0.97) {
      // A civil settlement (a bank's loan judgment): not an administrative case.
      this.civil(this.dueDaysAgo(OVERDUE + 1, 900));
    } else {
      const c = this.newCase();
      this.caseRow(c, '终结执行');
      this.settle(c, { due: this.dueDaysAgo(0, OVERDUE), amount: c.amount, paid: 0, fulfilled: false });
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const c = this.newCase();
    this.caseRow(c, '终结执行');
    let note: string;
    switch (i % 3) {
      case 0:
        this.settle(c, { due: this.dueDaysAgo(60, 600), amount: c.amount, paid: 0, fulfilled: false, resumed: false });
        note = '和解到期已久，分文未付，未恢复执行';
        break;
      case 1:
        this.settle(c, { due: this.dueDaysAgo(OVERDUE + 1, 400), amount: c.amount, paid: Math.round(c.amount * rng.pick([0.2, 0.4, 0.6])), fulfilled: false });
        note = '部分履行后停止，未恢复执行';
        break;
      default:
        this.settle(c, { due: ctx.daysAgo(OVERDUE + 1), amount: c.amount, paid: null, fulfilled: null, resumed: null });
        note = '到期恰逾 31 天，未履行未恢复';
        break;
    }
    ctx.expectLead({ 'st.case_no': normalizeCode(c.no) ?? c.no }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const a = this.newCase();
    this.caseRow(a, '终结执行');
    this.settle(a, { due: ctx.daysAgo(OVERDUE), amount: a.amount, paid: 0, fulfilled: false });
    ctx.nearMiss('到期恰逾 30 天，尚在宽限内');

    const b = this.newCase();
    this.caseRow(b, '终结执行');
    const due = this.dueDaysAgo(200, 400);
    this.settle(b, { due, amount: b.amount, paid: 0, fulfilled: false });
    this.settle(b, { agreed: ctx.addDays(due, 30), due: ctx.addDays(ctx.asOf, 90), amount: b.amount, paid: Math.round(b.amount * 0.5), fulfilled: false });
    ctx.nearMiss('原协议逾期，但已重新达成和解、新期限未到');

    const c = this.newCase();
    this.caseRow(c, '终结执行');
    this.settle(c, { due: this.dueDaysAgo(60, 400), amount: c.amount, paid: c.amount, fulfilled: null });
    ctx.nearMiss('已全额履行，“是否履行完毕”空白');

    this.civil(this.dueDaysAgo(60, 400));
    ctx.nearMiss('民事执行和解逾期（银行借款），不在行政非诉执行案件中');

    const d = this.newCase();
    this.caseRow(d, '终结执行');
    this.settle(d, { due: this.dueDaysAgo(60, 400), amount: d.amount, paid: 0, fulfilled: false, resumed: true, resumedDate: null });
    ctx.nearMiss('“是否恢复执行”为是，未填恢复日期');
  }

  // -------------------------------------------------------------------------------------------

  private dueDaysAgo(min: number, max: number): string {
    return this.ctx.daysAgo(this.ctx.rng.int(min, max));
  }

  private caseNoFor(date: string): string {
    const prefix = `（${date.slice(0, 4)}）黔0502执`;
    return `${prefix}${Number(this.ctx.serial(prefix).slice(prefix.length))}号`;
  }

  private newCase(): Case {
    const { ctx } = this;
    const { rng } = ctx;
    const a = rng.pick(AGENCIES);
    const filed = ctx.daysAgo(rng.int(400, 1600));
    const respondent = rng.chance(0.7) ? ctx.org({ trade: rng.pick(['商贸', '建设', '矿业', '物流', '餐饮管理', '农业开发']) }).name : ctx.person({ minAge: 25, maxAge: 70 }).name;
    return { no: this.caseNoFor(filed), agency: a.agency, respondent, amount: rng.int(5, 500) * 1000, filed };
  }

  private caseRow(c: Case, status: string, closing?: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const a = AGENCIES.find((x) => x.agency === c.agency) ?? AGENCIES[0];
    ctx.emit('admin_enforcement_case', {
      case_no: c.no,
      court: COURT,
      applicant_agency: c.agency,
      respondent_name: c.respondent,
      decision_no: `${a.doc}〔${c.filed.slice(0, 4)}〕${rng.int(1, 300)}号`,
      cause: a.cause,
      amount: c.amount,
      executed_amount: status === '执行完毕' ? c.amount : null,
      filed_date: c.filed,
      ruling: '准予强制执行',
      ruling_date: ctx.addDays(c.filed, rng.int(7, 30)),
      closed_date: status === '执行中' || status === '准予执行' || status === '恢复执行' ? null : ctx.addDays(c.filed, rng.int(60, 300)),
      closing_method: closing ?? (status === '终结执行' ? '执行和解' : status === '执行完毕' ? '执行完毕' : null),
      status,
    });
  }

  private settle(c: Case, s: Settlement): void {
    const { ctx } = this;
    const agreed = s.agreed ?? ctx.addDays(c.filed, ctx.rng.int(40, 200));
    ctx.emit('enforcement_settlement', {
      case_no: c.no,
      applicant_agency: c.agency,
      respondent_name: c.respondent,
      agreement_date: agreed < s.due ? agreed : ctx.addDays(s.due, -30),
      due_date: s.due,
      amount: s.amount,
      paid_amount: s.paid ?? null,
      fulfilled: s.fulfilled ?? null,
      fulfilment_status: s.fulfilled === true ? '已履行完毕' : null,
      fulfilled_date: s.fulfilledDate ?? null,
      resumed: s.resumed ?? null,
      resumed_date: s.resumedDate ?? null,
      content: `被执行人于${s.due}前分期缴纳罚款${s.amount}元`,
    });
  }

  private civil(due: string): void {
    const { ctx } = this;
    const filed = ctx.addDays(due, -ctx.rng.int(200, 500));
    const debtor = ctx.org({ trade: '商贸' });
    const amount = ctx.rng.int(50, 900) * 1000;
    ctx.emit('enforcement_settlement', {
      case_no: this.caseNoFor(filed),
      applicant_agency: '毕节农村商业银行股份有限公司',
      respondent_name: debtor.name,
      agreement_date: ctx.addDays(filed, 60),
      due_date: due,
      amount,
      paid_amount: 0,
      fulfilled: false,
      resumed: false,
      content: `被执行人于${due}前偿还借款本息${amount}元`,
    });
  }
}
