import { normalizeCode } from '../../normalize/code.js';
import { normalizeText } from '../../normalize/text.js';
import { USCC_CHARSET } from '../../normalize/uscc.js';
import type { Org, Scenario, ScenarioContext, SynthRow } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 水土保持补偿费应缴未缴 (model soil_water_fee): construction projects × fee payments.
 *
 * Background (≈ 2,600 projects, ≈ 5,000 rows per scale unit): projects whose owner paid the fee
 * (matched by credit code, by name alone, or paid by the contractor under the project code),
 * exempt projects (schools, hospitals, 保障性住房 …) that never pay, projects started less than
 * 30 days ago, cancelled projects and projects without a start date. Planted: started projects
 * with no fee at all, with only another fee paid, or started exactly 30 days ago. Near misses:
 * started 29 days ago; paid under a name written 有限责任公司 or with half-width brackets and no
 * code; paid with a credit code whose check character is wrong but the right name.
 */

const FEE = '水土保持补偿费';
const OTHER_FEES = ['城市基础设施配套费', '防空地下室易地建设费', '散装水泥专项资金'] as const;
const AUTHORITY = '国家税务总局毕节市七星关区税务局';

interface Kind {
  readonly type: string;
  readonly industry: string;
  readonly trade: string;
  readonly names: readonly string[];
}

const KINDS: readonly Kind[] = [
  { type: '房地产开发', industry: '70', trade: '房地产开发', names: ['住宅小区', '商住楼', '花园', '公馆'] },
  { type: '商业综合体', industry: '70', trade: '商贸', names: ['商业综合体', '购物中心', '商业街'] },
  { type: '工业厂房', industry: '34', trade: '机械设备', names: ['标准厂房', '生产基地', '加工厂'] },
  { type: '仓储物流', industry: '59', trade: '物流', names: ['物流园', '仓储中心', '冷链仓库'] },
  { type: '矿产开采', industry: '06', trade: '矿业', names: ['采石场', '煤矿技改工程', '砂石料场'] },
  { type: '住宿餐饮', industry: '61', trade: '酒店管理', names: ['大酒店', '度假酒店'] },
  { type: '交通运输', industry: '48', trade: '建设', names: ['汽车客运站', '加油站', '停车场'] },
];

/** Exempt projects: the exemption shows in the project name (and sometimes the type). */
const EXEMPT = [
  { type: '教育设施', name: (n: number): string => `七星关区第${n}小学教学楼建设项目` },
  { type: '教育设施', name: (n: number): string => `七星关区第${n}中学学生宿舍建设项目` },
  { type: '医疗卫生', name: (n: number): string => `七星关区第${n}人民医院门诊综合楼` },
  { type: '保障性住房', name: (n: number): string => `七星关区第${n}期保障性住房` },
  { type: '农业农村', name: (n: number): string => `七星关区第${n}片区高标准农田建设项目` },
] as const;

const STATUS_ACTIVE = ['在建', '在建', '在建', '已竣工', '停工'] as const;

export const scenario: Scenario = {
  model: 'soil_water_fee',
  kinds: ['construction_project', 'fee_payment'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 2600, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  private exemptNo = 0;

  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { rng } = this.ctx;
    const r = rng.next();
    if (r < 0.5) {
      const p = this.project(this.startedDaysAgo(40, 1500));
      this.pay(p, { byCode: true, byName: true });
      if (rng.chance(0.3)) this.pay(p, { byCode: true, byName: true, fee: rng.pick(OTHER_FEES) });
    } else if (r < 0.62) {
      // Paid under the owner's name only (the tax bureau's export has no credit code for it).
      const p = this.project(this.startedDaysAgo(40, 1500));
      this.pay(p, { byCode: false, byName: true });
    } else if (r < 0.7) {
      // The contractor paid on the owner's behalf: only the project code links them.
      const p = this.project(this.startedDaysAgo(40, 1500));
      const contractor = this.ctx.org({ trade: '建筑工程' });
      this.ctx.emit('fee_payment', this.feeRow(p, FEE, contractor.name, contractor.uscc, p.code));
    } else if (r < 0.8) {
      this.exempt(this.startedDaysAgo(40, 1500));
    } else if (r < 0.88) {
      // Started less than 30 days ago, or not started yet: the fee may still be on its way.
      this.project(this.ctx.daysAgo(rng.int(-200, 29)));
    } else if (r < 0.93) {
      this.project(this.startedDaysAgo(40, 900), rng.pick(['已取消', '终止建设', '撤销备案']));
    } else if (r < 0.96) {
      this.project(null);
    } else {
      // Paid long ago and finished.
      const p = this.project(this.startedDaysAgo(1200, 2500), '已竣工');
      this.pay(p, { byCode: true, byName: true });
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    let p: Project;
    let note: string;
    switch (i % 4) {
      case 0:
        p = this.project(this.startedDaysAgo(60, 1200));
        note = '开工已久，查无任何缴费记录';
        break;
      case 1:
        p = this.project(this.startedDaysAgo(60, 1200));
        this.pay(p, { byCode: true, byName: true, fee: ctx.rng.pick(OTHER_FEES) });
        note = '只缴了其他费种，未缴水土保持补偿费';
        break;
      case 2:
        p = this.project(ctx.daysAgo(30));
        note = '开工恰满 30 天，查无缴费（边界在内）';
        break;
      default: {
        // Another company (not the owner, not the project) paid a fee: no link at all.
        p = this.project(this.startedDaysAgo(60, 1200));
        const other = ctx.org({ trade: '建设' });
        ctx.emit('fee_payment', this.feeRow(p, FEE, other.name, other.uscc, null));
        note = '缴费人是另一家公司，且未填项目代码';
        break;
      }
    }
    ctx.expectLead({ 'proj.project_code': normalizeCode(p.code) ?? p.code, 'proj.project_name': normalizeText(p.name) ?? p.name }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    this.project(ctx.daysAgo(29));
    ctx.nearMiss('开工满 29 天，尚在 30 天宽限期内');

    const a = this.project(this.startedDaysAgo(60, 900));
    ctx.emit('fee_payment', this.feeRow(a, FEE, a.owner.name.replace(/有限公司$/, '有限责任公司'), null, null));
    ctx.nearMiss('缴费人名称写作“有限责任公司”、无信用代码，名称模糊匹配仍能关联');

    const b = this.project(this.startedDaysAgo(60, 900), undefined, ctx.org({ trade: '房地产开发', suffix: '（集团）有限公司' }));
    ctx.emit('fee_payment', this.feeRow(b, FEE, b.owner.name.replace('（', '(').replace('）', ')'), null, null));
    ctx.nearMiss('缴费人名称用半角括号 ()，无信用代码，仍能关联');

    const c = this.project(this.startedDaysAgo(60, 900));
    ctx.emit('fee_payment', this.feeRow(c, FEE, c.owner.name, wrongCheck(c.owner.uscc, ctx.rng.next()), null));
    ctx.nearMiss('缴费记录的信用代码校验位错误（导入后为空），但名称相同');

    this.exempt(this.startedDaysAgo(60, 900));
    ctx.nearMiss('学校、医院等免征项目，从未缴费');
  }

  // -------------------------------------------------------------------------------------------

  private startedDaysAgo(min: number, max: number): string {
    return this.ctx.daysAgo(this.ctx.rng.int(min, max));
  }

  private project(start: string | null, status?: string, owner?: Org): Project {
    const { ctx } = this;
    const { rng } = ctx;
    const kind = rng.pick(KINDS);
    const org = owner ?? ctx.org({ trade: kind.trade });
    const year = (start ?? ctx.asOf).slice(0, 4);
    const code = ctx.serial(`${year}-520502-${kind.industry}-01-`);
    const name = `${shortName(org.name)}${rng.pick(kind.names)}`;
    const area = rng.int(30, 900) * 100;
    const project: Project = { code, name, owner: org, area, start };
    this.emitProject(project, kind.type, status ?? rng.pick(STATUS_ACTIVE));
    return project;
  }

  private exempt(start: string): void {
    const { ctx } = this;
    const e = ctx.rng.pick(EXEMPT);
    const owner = ctx.org({ trade: '城市建设投资' });
    this.exemptNo++;
    const code = ctx.serial(`${start.slice(0, 4)}-520502-83-01-`);
    // Numbered past any real county's schools so no name repeats across scales.
    const project: Project = { code, name: e.name(1000 + this.exemptNo), owner, area: ctx.rng.int(20, 300) * 100, start };
    this.emitProject(project, e.type, '在建');
  }

  private emitProject(p: Project, type: string, status: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const contractor = rng.chance(0.6) ? ctx.org({ trade: '建筑工程' }) : null;
    const investment = p.area * rng.int(800, 4000);
    ctx.emit('construction_project', {
      project_name: p.name,
      project_code: p.code,
      owner_name: p.owner.name,
      owner_uscc: p.owner.uscc,
      contractor_name: contractor?.name ?? null,
      contractor_uscc: contractor?.uscc ?? null,
      address: p.owner.address,
      project_type: type,
      total_investment: investment,
      contract_amount: contractor ? Math.round(investment * 0.7) : null,
      land_area: `${p.area}平方米`,
      approval_date: p.start ? ctx.addDays(p.start, -rng.int(30, 200)) : ctx.daysAgo(rng.int(30, 400)),
      start_date: p.start,
      completion_date: p.start && status === '已竣工' ? ctx.addDays(p.start, rng.int(300, 1000)) : null,
      status,
    });
  }

  private pay(p: Project, how: { byCode: boolean; byName: boolean; fee?: string }): void {
    this.ctx.emit('fee_payment', this.feeRow(p, how.fee ?? FEE, p.owner.name, how.byCode ? p.owner.uscc : null, this.ctx.rng.chance(0.5) ? p.code : null));
  }

  private feeRow(p: Project, fee: string, payer: string, uscc: string | null, code: string | null): SynthRow {
    const { ctx } = this;
    const paid = p.start ? ctx.addDays(p.start, ctx.rng.int(-60, 25)) : ctx.daysAgo(ctx.rng.int(10, 400));
    return {
      payer_name: payer,
      payer_uscc: uscc,
      project_name: p.name,
      project_code: code,
      fee_type: fee,
      paid_date: paid > ctx.asOf ? ctx.asOf : paid,
      amount: fee === FEE ? (p.area * 12) / 10 : Math.round(p.area * ctx.rng.int(10, 40)),
      receipt_no: ctx.serial('352056240'),
      period: paid.slice(0, 7),
      authority: AUTHORITY,
    };
  }
}

interface Project {
  readonly code: string;
  readonly name: string;
  readonly owner: Org;
  readonly area: number;
  readonly start: string | null;
}

/** 毕节市宏鑫盛房地产开发有限公司 → 宏鑫盛 (the brand, for a project name). */
function shortName(org: string): string {
  return org.replace(/^毕节市/, '').replace(/(（集团）)?有限(责任)?公司$/, '').slice(0, 3);
}

/** The same credit code with another check character: fails GB 32100 validation, so it normalises to nothing. */
function wrongCheck(uscc: string, r: number): string {
  const last = uscc.slice(-1);
  const others = USCC_CHARSET.replace(last, '');
  return uscc.slice(0, 17) + others.charAt(Math.floor(r * others.length));
}
