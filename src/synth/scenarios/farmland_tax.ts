import { normalizeCode } from '../../normalize/code.js';
import { normalizeText } from '../../normalize/text.js';
import type { Org, Person, Scenario, ScenarioContext, SynthRow } from '../scenario.js';
import { plantWithNearMisses } from '../scenario-counts.js';

/**
 * 占用耕地未按期缴纳耕地占用税 (model farmland_tax): land-use approvals × tax payments, matched by
 * the applicant's credit code or name (fuzzy organisation key). Model defaults: pay within 30 days
 * of the written notice (耕地占用税法 art 10), or within 60 days of the approval when the table
 * has no notice date; temporary use, exempt uses and zero farmland are left out.
 *
 * Background (≈ 1,850 applicants in batch approvals of one to three, ≈ 4,000 rows per scale
 * unit): taxes paid in time (by credit code, by name only, or without a notice date), individual
 * villagers paying under their own name, exempt schools and hospitals, temporary use, notices
 * younger than 30 days, approvals with no farmland. Planted: no tax after the notice, tax paid on
 * day 31, only another tax paid, no notice date and 61 days since approval, and a tax paid before
 * this approval (an earlier one). Near misses: tax paid on day 30, a notice exactly 30 days old,
 * a taxpayer name written 有限责任公司 without a code, a tax paid on day 60 after an approval
 * without notice date, an approval exactly 60 days old without notice date, a temporary use.
 */

const PAY_DAYS = 30;
const NO_NOTICE_DAYS = 60;
const TAX = '耕地占用税';
const OTHER_TAXES = [
  { type: '契税', item: '土地使用权出让' },
  { type: '城镇土地使用税', item: '城镇土地使用税' },
  { type: '印花税', item: '产权转移书据' },
] as const;
const USES = [
  { use: '城镇住宅用地', trade: '房地产开发', names: ['住宅小区', '商住楼', '安置小区'] },
  { use: '商服用地', trade: '商贸', names: ['商贸城', '商业街', '农贸市场'] },
  { use: '工业用地', trade: '机械设备', names: ['生产厂房', '加工厂', '产业园'] },
  { use: '仓储用地', trade: '物流', names: ['物流园', '冷链仓库'] },
  { use: '采矿用地', trade: '矿业', names: ['砂石厂', '采石场'] },
  { use: '交通运输用地', trade: '建设', names: ['乡村公路', '客运站'] },
] as const;
const EXEMPT = [
  { use: '教育用地', name: (n: number): string => `七星关区第${n}中学新校区` },
  { use: '医疗卫生用地', name: (n: number): string => `七星关区第${n}卫生院迁建项目` },
  { use: '社会福利用地', name: (n: number): string => `七星关区第${n}敬老院` },
] as const;
const TAX_AUTHORITY = '国家税务总局毕节市七星关区税务局';

interface Batch {
  readonly no: string;
  readonly approved: string;
  readonly authority: string;
}

interface Applicant {
  readonly name: string;
  readonly uscc: string | null;
  readonly idNumber: string | null;
  readonly address: string;
}

export const scenario: Scenario = {
  model: 'farmland_tax',
  kinds: ['land_use_approval', 'tax_payment'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    const background = Math.round(1850 * ctx.scale);
    for (let i = 0; i < background; ) {
      const batch = g.batch(ctx.daysAgo(ctx.rng.int(35, 1100)));
      const size = Math.min(ctx.rng.int(1, 3), background - i);
      for (let k = 0; k < size; k++) g.background(batch);
      i += size;
    }
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  private exemptNo = 0;

  constructor(private readonly ctx: ScenarioContext) {}

  batch(approved: string): Batch {
    const { ctx } = this;
    const provincial = ctx.rng.chance(0.7);
    const prefix = provincial ? `黔府用地〔${approved.slice(0, 4)}〕` : `毕府用地〔${approved.slice(0, 4)}〕`;
    const n = Number(ctx.serial(prefix).slice(prefix.length));
    return { no: `${prefix}${n}号`, approved, authority: provincial ? '贵州省人民政府' : '毕节市人民政府' };
  }

  background(batch: Batch): void {
    const { ctx } = this;
    const { rng } = ctx;
    const notice = ctx.addDays(batch.approved, rng.int(2, 20));
    const r = rng.next();
    if (notice > ctx.daysAgo(PAY_DAYS + 1) && r < 0.9) {
      // The notice is younger than 30 days: nothing may be due yet.
      const a = this.company();
      this.land(batch, a, notice);
      if (rng.chance(0.5)) this.tax(a, TAX, notice, rng.int(0, Math.max(0, daysFrom(notice, ctx.asOf))), true);
      return;
    }
    if (r < 0.5) {
      const a = this.company();
      this.land(batch, a, notice);
      this.tax(a, TAX, notice, rng.int(0, PAY_DAYS), true);
      if (rng.chance(0.25)) this.other(a, notice);
    } else if (r < 0.6) {
      // The tax bureau's export has the name only.
      const a = this.company();
      this.land(batch, a, notice);
      this.tax(a, TAX, notice, rng.int(0, PAY_DAYS), false);
    } else if (r < 0.7) {
      // The approval table has no notice date: paid within 60 days of the approval.
      const a = this.company();
      this.land(batch, a, null);
      this.tax(a, TAX, batch.approved, rng.int(0, NO_NOTICE_DAYS), true);
    } else if (r < 0.76) {
      // A villager building a house: name and ID number, no credit code.
      const a = this.villager();
      this.land(batch, a, notice, { use: '农村宅基地', project: `${a.name}自建住房`, area: `${rng.int(80, 200)}平方米` });
      this.tax(a, TAX, notice, rng.int(0, PAY_DAYS), false);
    } else if (r < 0.82) {
      this.exempt(batch, notice);
    } else if (r < 0.88) {
      this.land(batch, this.company(), notice, { temporary: true });
    } else if (r < 0.92) {
      this.land(batch, this.company(), notice, { farmland: '0' });
    } else {
      // Paid, and paid other taxes on the same land later.
      const a = this.company();
      this.land(batch, a, notice);
      this.tax(a, TAX, notice, rng.int(0, PAY_DAYS), rng.chance(0.7));
      this.other(a, notice);
      this.other(a, notice);
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const a = this.company();
    let batch = this.batch(ctx.daysAgo(rng.int(70, 700)));
    const notice = ctx.addDays(batch.approved, rng.int(2, 8));
    let note: string;
    switch (i % 5) {
      case 0:
        this.land(batch, a, notice);
        note = '收到书面通知后查无耕地占用税入库';
        break;
      case 1:
        this.land(batch, a, notice);
        this.tax(a, TAX, notice, PAY_DAYS + 1, true);
        note = '通知后第 31 天才入库，逾期';
        break;
      case 2:
        this.land(batch, a, notice);
        this.other(a, notice);
        note = '只缴了其他税种';
        break;
      case 3:
        batch = this.batch(ctx.daysAgo(NO_NOTICE_DAYS + 1));
        this.land(batch, a, null);
        note = '无送达日期，批复已满 61 天仍未入库';
        break;
      default:
        this.land(batch, a, notice);
        this.tax(a, TAX, batch.approved, -rng.int(30, 400), true);
        note = '唯一的耕地占用税入库早于本次批复，属以前的用地';
        break;
    }
    ctx.expectLead({ 'land.approval_no': normalizeCode(batch.no) ?? batch.no, 'land.applicant_name': normalizeText(a.name) ?? a.name }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const b1 = this.batch(ctx.daysAgo(rng.int(70, 700)));
    const n1 = ctx.addDays(b1.approved, 5);
    const a1 = this.company();
    this.land(b1, a1, n1);
    this.tax(a1, TAX, n1, PAY_DAYS, true);
    ctx.nearMiss('通知后第 30 天入库，恰在期限最后一天');

    const b2 = this.batch(ctx.daysAgo(PAY_DAYS + 5));
    this.land(b2, this.company(), ctx.daysAgo(PAY_DAYS));
    ctx.nearMiss('通知恰满 30 天，今天仍可缴纳');

    const b3 = this.batch(ctx.daysAgo(rng.int(70, 700)));
    const n3 = ctx.addDays(b3.approved, 5);
    const a3 = this.company();
    this.land(b3, a3, n3);
    this.tax({ ...a3, name: a3.name.replace(/有限公司$/, '有限责任公司'), uscc: null }, TAX, n3, 12, false);
    ctx.nearMiss('纳税人名称写作“有限责任公司”、无识别号，名称模糊匹配');

    const b4 = this.batch(ctx.daysAgo(rng.int(70, 700)));
    const a4 = this.company();
    this.land(b4, a4, null);
    this.tax(a4, TAX, b4.approved, NO_NOTICE_DAYS, true);
    ctx.nearMiss('无送达日期，批复后第 60 天入库');

    const b5 = this.batch(ctx.daysAgo(NO_NOTICE_DAYS));
    this.land(b5, this.company(), null);
    ctx.nearMiss('无送达日期，批复恰满 60 天，期限未过');

    const b6 = this.batch(ctx.daysAgo(rng.int(70, 700)));
    this.land(b6, this.company(), ctx.addDays(b6.approved, 3), { temporary: true });
    ctx.nearMiss('临时用地，默认不审查');
  }

  // -------------------------------------------------------------------------------------------

  private company(trade?: string): Applicant {
    const org: Org = this.ctx.org({ trade: trade ?? this.ctx.rng.pick(USES).trade });
    return { name: org.name, uscc: org.uscc, idNumber: null, address: org.address };
  }

  private villager(): Applicant {
    const p: Person = this.ctx.person({ minAge: 25, maxAge: 70 });
    return { name: p.name, uscc: null, idNumber: p.idNumber, address: p.address };
  }

  private exempt(batch: Batch, notice: string): void {
    const e = this.ctx.rng.pick(EXEMPT);
    this.exemptNo++;
    this.land(batch, this.company('城市建设投资'), notice, { use: e.use, project: e.name(1000 + this.exemptNo) });
  }

  private land(batch: Batch, a: Applicant, notice: string | null, opt: { use?: string; project?: string; area?: string; temporary?: boolean; farmland?: string } = {}): void {
    const { ctx } = this;
    const { rng } = ctx;
    const u = rng.pick(USES);
    const farm = rng.int(5, 300) * 100;
    ctx.emit('land_use_approval', {
      approval_no: batch.no,
      applicant_name: a.name,
      applicant_uscc: a.uscc,
      project_name: opt.project ?? `${a.name.replace(/^毕节市/, '').slice(0, 3)}${rng.pick(u.names)}`,
      address: a.address.replace(/\d+号$/, ''),
      total_area: `${farm + rng.int(0, 200) * 100}平方米`,
      farmland_area: opt.farmland ?? opt.area ?? `${farm}平方米`,
      land_use: opt.temporary ? '临时用地' : (opt.use ?? u.use),
      approval_date: batch.approved,
      notice_date: notice,
      authority: batch.authority,
      is_temporary: opt.temporary === true,
    });
  }

  private tax(a: Applicant, type: string, from: string, day: number, withCode: boolean): void {
    const { ctx } = this;
    const due = ctx.addDays(from, day);
    const paid = due > ctx.asOf ? ctx.asOf : due;
    const row: SynthRow = {
      taxpayer_name: a.name,
      uscc: withCode ? a.uscc : null,
      id_number: a.idNumber,
      tax_type: type,
      tax_item: type === TAX ? '耕地' : null,
      amount: ctx.rng.int(20, 3000) * 100,
      tax_due: null,
      paid_date: paid,
      period_start: paid,
      period_end: paid,
      voucher_no: ctx.serial('352052240'),
      tax_area: null,
      authority: TAX_AUTHORITY,
    };
    ctx.emit('tax_payment', row);
  }

  private other(a: Applicant, after: string): void {
    const { ctx } = this;
    const t = ctx.rng.pick(OTHER_TAXES);
    const later = ctx.addDays(after, ctx.rng.int(0, 25));
    const paid = later > ctx.asOf ? ctx.asOf : later;
    ctx.emit('tax_payment', {
      taxpayer_name: a.name,
      uscc: a.uscc,
      id_number: null,
      tax_type: t.type,
      tax_item: t.item,
      amount: ctx.rng.int(10, 2000) * 100,
      paid_date: paid,
      voucher_no: ctx.serial('352052240'),
      authority: TAX_AUTHORITY,
    });
  }
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
