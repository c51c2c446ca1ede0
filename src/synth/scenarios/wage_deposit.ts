import { normalizeCode } from '../../normalize/code.js';
import { USCC_CHARSET } from '../../normalize/uscc.js';
import type { Org, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 农民工工资保证金未按期存储 (model wage_deposit): construction permits × wage deposits, matched
 * by the general contractor (credit code, or name with the fuzzy organisation key), within
 * 60 days before to 28 days after the permit's issue date (model defaults).
 *
 * Background (≈ 2,400 permits, ≈ 5,000 rows per scale unit): deposits or bank guarantees in time,
 * some before the permit, some recorded under the contractor's name only; permits issued less
 * than 28 days ago; permits issued before 2021-11-01 (outside the model's scope). Planted: no
 * deposit at all, a deposit on day 29, a deposit 61+ days before the permit (another project),
 * and a permit issued 29 days ago with nothing. Near misses: a deposit on day 28 or exactly 60
 * days before; names differing only in （）/() or 有限公司/有限责任公司 with no credit code; a
 * credit code with a wrong check character but the right name; a permit issued 28 days ago; a
 * permit issued the day before 2021-11-01.
 */

const SINCE = '2021-11-01';
const WINDOW = 28;
const PRE = 60;
const BANKS = ['中国工商银行毕节分行', '中国农业银行毕节分行', '中国建设银行毕节分行', '贵州银行毕节分行', '毕节农村商业银行'] as const;
const BUILDINGS = ['住宅楼', '综合楼', '商业楼', '厂房', '教学楼', '办公楼', '安置房', '仓库'] as const;
const AUTHORITY = '七星关区住房和城乡建设局';

interface Permit {
  readonly no: string;
  readonly project: string;
  readonly code: string;
  readonly contractor: Org;
  readonly issued: string;
  readonly amount: number;
}

export const scenario: Scenario = {
  model: 'wage_deposit',
  kinds: ['construction_permit', 'wage_deposit'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 2400, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  /** Days from SINCE to the run date: permits issued at least this many days ago predate the rules. */
  private readonly sinceDays: number;

  constructor(private readonly ctx: ScenarioContext) {
    this.sinceDays = daysFrom(SINCE, ctx.asOf);
  }

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    if (r < 0.55) {
      const p = this.permit(this.issuedDaysAgo(WINDOW + 1, this.sinceDays));
      this.deposit(p, rng.int(0, WINDOW), { uscc: true, guarantee: rng.chance(0.2) });
    } else if (r < 0.65) {
      // Deposited before the permit was issued (some counties require it for the permit).
      const p = this.permit(this.issuedDaysAgo(WINDOW + 1, this.sinceDays));
      this.deposit(p, -rng.int(1, PRE), { uscc: true, guarantee: false });
    } else if (r < 0.75) {
      const p = this.permit(this.issuedDaysAgo(WINDOW + 1, this.sinceDays));
      this.deposit(p, rng.int(0, WINDOW), { uscc: false, guarantee: rng.chance(0.2) });
    } else if (r < 0.83) {
      // Issued within the last 28 days: the term is still running.
      const p = this.permit(ctx.daysAgo(rng.int(0, WINDOW)));
      if (rng.chance(0.4)) this.deposit(p, 0, { uscc: true, guarantee: false });
    } else if (r < 0.9) {
      // Issued before the 2021 rules took effect.
      this.permit(ctx.daysAgo(this.sinceDays + rng.int(1, 900)));
    } else {
      // A contractor with two projects, each with its own deposit.
      const contractor = ctx.org({ trade: '建筑工程' });
      for (let k = 0; k < 2; k++) {
        const p = this.permit(this.issuedDaysAgo(WINDOW + 1, this.sinceDays), contractor);
        this.deposit(p, rng.int(0, 20), { uscc: true, guarantee: false });
      }
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    let p: Permit;
    let note: string;
    switch (i % 4) {
      case 0:
        p = this.permit(this.issuedDaysAgo(60, 700));
        note = '领证后无任何保证金存储或保函记录';
        break;
      case 1:
        p = this.permit(this.issuedDaysAgo(60, 700));
        this.deposit(p, WINDOW + 1, { uscc: true, guarantee: false });
        note = '领证后第 29 天才存储，逾期一天';
        break;
      case 2:
        p = this.permit(this.issuedDaysAgo(60, 700));
        this.deposit(p, -ctx.rng.int(PRE + 1, 300), { uscc: true, guarantee: false, otherProject: true });
        note = '唯一的存储早于发证 60 天以上，属另一工程';
        break;
      default:
        p = this.permit(ctx.daysAgo(WINDOW + 1));
        note = '发证满 29 天，期限已过仍无存储';
        break;
    }
    ctx.expectLead({ 'permit.permit_no': normalizeCode(p.no) ?? p.no }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const a = this.permit(this.issuedDaysAgo(60, 700));
    this.deposit(a, WINDOW, { uscc: true, guarantee: false });
    ctx.nearMiss('发证后第 28 天存储，恰在期限最后一天');

    const b = this.permit(this.issuedDaysAgo(60, 700));
    this.deposit(b, -PRE, { uscc: true, guarantee: false });
    ctx.nearMiss('发证前恰 60 天存储，仍计入');

    const c = this.permit(this.issuedDaysAgo(60, 700), ctx.org({ trade: '建筑工程', suffix: '（集团）有限公司' }));
    this.deposit(c, 10, { uscc: false, guarantee: false, name: c.contractor.name.replace('（', '(').replace('）', ')') });
    ctx.nearMiss('存储记录用半角括号 ()、无信用代码，名称仍能匹配');

    const d = this.permit(this.issuedDaysAgo(60, 700));
    this.deposit(d, 10, { uscc: false, guarantee: false, name: d.contractor.name.replace(/有限公司$/, '有限责任公司') });
    ctx.nearMiss('存储记录写作“有限责任公司”、无信用代码，名称模糊匹配');

    const e = this.permit(this.issuedDaysAgo(60, 700));
    this.deposit(e, 5, { uscc: false, guarantee: true, code: wrongCheck(e.contractor.uscc, ctx.rng.next()) });
    ctx.nearMiss('存储记录的信用代码校验位错误（导入后为空），名称相同');

    this.permit(ctx.daysAgo(WINDOW));
    ctx.nearMiss('发证恰满 28 天，今天仍可存储');

    this.permit(ctx.daysAgo(this.sinceDays + 1));
    ctx.nearMiss('2021-10-31 发证，早于人社部发〔2021〕65号施行日');
  }

  // -------------------------------------------------------------------------------------------

  private issuedDaysAgo(min: number, max: number): string {
    return this.ctx.daysAgo(this.ctx.rng.int(min, max));
  }

  private permit(issued: string, contractor?: Org): Permit {
    const { ctx } = this;
    const { rng } = ctx;
    const owner = ctx.org({ trade: rng.pick(['房地产开发', '商贸', '城市建设投资', '物流']) });
    const c = contractor ?? ctx.org({ trade: rng.pick(['建筑工程', '建设', '市政工程']) });
    const year = issued.slice(0, 4);
    const no = ctx.serial(`520502${year}`);
    const code = ctx.serial(`${year}-520502-48-01-`);
    const project = `${owner.name.replace(/^毕节市/, '').slice(0, 3)}${rng.pick(BUILDINGS)}工程`;
    const amount = rng.int(30, 3000) * 10_000;
    ctx.emit('construction_permit', {
      permit_no: no,
      project_name: project,
      project_code: code,
      owner_name: owner.name,
      owner_uscc: owner.uscc,
      contractor_name: c.name,
      contractor_uscc: c.uscc,
      contract_amount: amount,
      building_area: `${rng.int(20, 800) * 10}平方米`,
      address: owner.address,
      issue_date: issued,
      authority: AUTHORITY,
    });
    return { no, project, code, contractor: c, issued, amount };
  }

  private deposit(p: Permit, dayAfterIssue: number, how: { uscc: boolean; guarantee: boolean; name?: string; code?: string; otherProject?: boolean }): void {
    const { ctx } = this;
    const { rng } = ctx;
    const date = ctx.addDays(p.issued, dayAfterIssue);
    const amount = Math.round(p.amount * rng.pick([0.01, 0.02, 0.03]));
    ctx.emit('wage_deposit', {
      contractor_name: how.name ?? p.contractor.name,
      contractor_uscc: how.code ?? (how.uscc ? p.contractor.uscc : null),
      project_name: how.otherProject ? `${p.contractor.name.replace(/^毕节市/, '').slice(0, 3)}承建的另一工程` : p.project,
      project_code: how.otherProject ? null : rng.chance(0.5) ? p.code : null,
      deposit_date: date,
      amount,
      is_guarantee: how.guarantee,
      deposit_method: how.guarantee ? '银行保函' : '现金存储',
      guarantee_no: how.guarantee ? ctx.serial('BH5205') : null,
      bank: rng.pick(BANKS),
      account_no: how.guarantee ? null : ctx.serial('2405020901'),
      refund_date: null,
      status: '在存',
    });
  }
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The same credit code with another check character: fails GB 32100 validation, so it normalises to nothing. */
function wrongCheck(uscc: string, r: number): string {
  const last = uscc.slice(-1);
  const others = USCC_CHARSET.replace(last, '');
  return uscc.slice(0, 17) + others.charAt(Math.floor(r * others.length));
}
