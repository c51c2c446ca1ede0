import { normalizeCode } from '../../normalize/code.js';
import type { Org, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 涉企民事案件违规公告送达 (model enterprise_notice_service): court service records × business
 * registrations, by the recipient's name with the fuzzy organisation key; a notice service to a
 * company registered as 存续/在业 with an address or phone on file is the lead.
 *
 * Background (≈ 2,500 units, ≈ 5,000 rows per scale unit): companies served in person, by post or
 * electronically; companies with no court record; notices to natural persons and to companies
 * registered elsewhere; notices to companies since cancelled (注销) or revoked (吊销), to companies
 * with neither address nor phone on file, and to companies registered only after the notice.
 * Planted: notices to reachable companies, named exactly, with 有限责任公司 for 有限公司, with
 * half-width brackets, twice in one case (one lead), or with an address but no phone. Near misses:
 * a cancelled company; a company registered the day after the notice; a same-brand company of
 * another city that is not registered here; a company with nothing on file; a company served by
 * post.
 */

const COURT = '七星关区人民法院';
const CAUSES = ['买卖合同纠纷', '民间借贷纠纷', '建设工程施工合同纠纷', '租赁合同纠纷', '服务合同纠纷', '承揽合同纠纷', '运输合同纠纷', '劳务合同纠纷'] as const;
const TRADES = ['商贸', '建设', '物流', '餐饮管理', '农业开发', '信息技术', '装饰工程', '机械设备', '劳务', '建筑工程'] as const;
const SCOPES: Readonly<Record<string, string>> = {
  商贸: '日用百货、五金交电、建材销售',
  建设: '房屋建筑工程、市政公用工程施工',
  物流: '普通货运、仓储服务（不含危险化学品）',
  餐饮管理: '餐饮服务、餐饮管理',
  农业开发: '蔬菜、水果种植及销售，农产品收购',
  信息技术: '软件开发、信息技术咨询服务',
  装饰工程: '室内外装饰装修工程施工',
  机械设备: '工程机械设备租赁、销售',
  劳务: '建筑劳务分包',
  建筑工程: '房屋建筑工程施工总承包',
};
const ACTIVE = ['存续（在营、开业、在册）', '存续', '在业', '开业'] as const;
const OTHER_METHODS = ['直接送达', '邮寄送达', '电子送达', '留置送达', '委托送达'] as const;
const NOTICE_REASONS = ['下落不明', '无法联系', '邮寄送达被退回', '受送达人下落不明，其他方式无法送达'] as const;
const FIRST_DOCS = ['起诉状副本、应诉通知书、举证通知书、开庭传票', '起诉状副本、开庭传票'] as const;

export const scenario: Scenario = {
  model: 'enterprise_notice_service',
  kinds: ['court_service', 'business_registration'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 2500, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

interface Registered {
  readonly org: Org;
  readonly registered: string;
}

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    if (r < 0.52) {
      // Served in person, by post or electronically: nothing wrong.
      const c = this.register(this.company(), { status: rng.pick(ACTIVE) });
      const day = this.servedDaysAgo(10, 900);
      const caseNo = this.caseNo(day);
      this.serve(caseNo, c.org.name, rng.pick(OTHER_METHODS), day, c.org.address);
      if (rng.chance(0.4)) this.serve(caseNo, c.org.name, rng.pick(OTHER_METHODS), ctx.addDays(day, rng.int(20, 90)), c.org.address, '民事判决书');
    } else if (r < 0.64) {
      this.register(this.company(), { status: rng.pick(ACTIVE) });
    } else if (r < 0.72) {
      // A natural person who cannot be found.
      const p = ctx.person();
      const day = this.servedDaysAgo(10, 900);
      this.serve(this.caseNo(day), p.name, '公告送达', day, null, undefined, '自然人');
    } else if (r < 0.77) {
      // A company registered elsewhere: the county's registry knows nothing of it.
      const org = ctx.org({ trade: rng.pick(TRADES) });
      const day = this.servedDaysAgo(10, 900);
      this.serve(this.caseNo(day), org.name.replace(/^毕节市/, '遵义市'), '公告送达', day, null);
    } else if (r < 0.83) {
      const day = this.servedDaysAgo(10, 900);
      const c = this.register(this.company(), { status: '注销', cancelled: ctx.addDays(day, -rng.int(1, 400)) });
      this.serve(this.caseNo(day), c.org.name, '公告送达', day, null);
    } else if (r < 0.88) {
      const day = this.servedDaysAgo(10, 900);
      const c = this.register(this.company(), { status: '吊销，未注销', cancelled: ctx.addDays(day, -rng.int(1, 400)) });
      this.serve(this.caseNo(day), c.org.name, '公告送达', day, null);
    } else if (r < 0.93) {
      const day = this.servedDaysAgo(10, 900);
      const c = this.register(this.company(), { status: rng.pick(ACTIVE), noContact: true });
      this.serve(this.caseNo(day), c.org.name, '公告送达', day, null);
    } else {
      // Registered only after the notice was published.
      const day = this.servedDaysAgo(30, 900);
      const c = this.register(this.company(), { status: rng.pick(ACTIVE), registered: ctx.addDays(day, rng.int(1, 25)) });
      this.serve(this.caseNo(day), c.org.name, '公告送达', day, null);
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const day = this.servedDaysAgo(10, 700);
    const caseNo = this.caseNo(day);
    let c: Registered;
    let note: string;
    switch (i % 5) {
      case 0:
        c = this.register(this.company(), { status: rng.pick(ACTIVE) });
        this.serve(caseNo, c.org.name, '公告送达', day, null);
        note = '存续企业登记有住所和电话，仍以下落不明公告送达';
        break;
      case 1:
        c = this.register(this.company(), { status: rng.pick(ACTIVE) });
        this.serve(caseNo, c.org.name.replace(/有限公司$/, '有限责任公司'), '公告送达', day, null);
        note = '法院写作“有限责任公司”，登记为“有限公司”';
        break;
      case 2:
        c = this.register(this.company('（集团）有限公司'), { status: rng.pick(ACTIVE) });
        this.serve(caseNo, c.org.name.replace('（', '(').replace('）', ')'), '公告送达', day, null);
        note = '法院用半角括号，登记为全角括号';
        break;
      case 3: {
        c = this.register(this.company(), { status: rng.pick(ACTIVE) });
        this.serve(caseNo, c.org.name, '公告送达', day, null);
        const later = ctx.addDays(day, rng.int(40, 90));
        this.serve(caseNo, c.org.name, '公告送达', later > ctx.asOf ? ctx.asOf : later, null, '民事判决书');
        note = '同一案件先后两次公告送达，一条线索';
        break;
      }
      default:
        c = this.register(this.company(), { status: '在业', noPhone: true });
        this.serve(caseNo, c.org.name, '公告送达', day, null);
        note = '登记有住所、无电话，仍公告送达';
        break;
    }
    ctx.expectLead({ 'svc.case_no': normalizeCode(caseNo) ?? caseNo, 'biz.uscc': c.org.uscc }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const d1 = this.servedDaysAgo(10, 700);
    const c1 = this.register(this.company(), { status: '注销', cancelled: ctx.addDays(d1, -30) });
    this.serve(this.caseNo(d1), c1.org.name, '公告送达', d1, null);
    ctx.nearMiss('受送达企业已注销');

    const d2 = this.servedDaysAgo(30, 700);
    const c2 = this.register(this.company(), { status: '存续', registered: ctx.addDays(d2, 1) });
    this.serve(this.caseNo(d2), c2.org.name, '公告送达', d2, null);
    ctx.nearMiss('企业在公告次日才成立');

    const d3 = this.servedDaysAgo(10, 700);
    const c3 = this.register(this.company(), { status: '存续' });
    this.serve(this.caseNo(d3), c3.org.name.replace(/^毕节市/, '贵州'), '公告送达', d3, null);
    ctx.nearMiss('“贵州…”与登记的“毕节市…”不是同一企业，本县无登记');

    const d4 = this.servedDaysAgo(10, 700);
    const c4 = this.register(this.company(), { status: '存续', noContact: true });
    this.serve(this.caseNo(d4), c4.org.name, '公告送达', d4, null);
    ctx.nearMiss('存续企业，但登记既无住所也无电话');

    const d5 = this.servedDaysAgo(10, 700);
    const c5 = this.register(this.company(), { status: rng.pick(ACTIVE) });
    this.serve(this.caseNo(d5), c5.org.name, '邮寄送达', d5, c5.org.address);
    ctx.nearMiss('同类企业，邮寄送达而非公告送达');
  }

  // -------------------------------------------------------------------------------------------

  private servedDaysAgo(min: number, max: number): string {
    return this.ctx.daysAgo(this.ctx.rng.int(min, max));
  }

  private company(suffix?: string): Org {
    return this.ctx.org({ trade: this.ctx.rng.pick(TRADES), suffix: suffix ?? '有限公司' });
  }

  private caseNo(day: string): string {
    const prefix = `（${day.slice(0, 4)}）黔0502民初`;
    return `${prefix}${Number(this.ctx.serial(prefix).slice(prefix.length))}号`;
  }

  private register(org: Org, opt: { status: string; registered?: string; cancelled?: string; noContact?: boolean; noPhone?: boolean }): Registered {
    const { ctx } = this;
    const { rng } = ctx;
    const registered = opt.registered ?? ctx.daysAgo(rng.int(1000, 7000));
    const trade = TRADES.find((t) => org.name.includes(t)) ?? '商贸';
    ctx.emit('business_registration', {
      uscc: org.uscc,
      org_name: org.name,
      entity_type: '有限责任公司（自然人投资或控股）',
      legal_rep_name: org.legalRep.name,
      legal_rep_id_number: org.legalRep.idNumber,
      address: opt.noContact ? null : org.address,
      phone: opt.noContact || opt.noPhone ? null : rng.chance(0.5) ? contactPhone(org) : org.legalRep.phone,
      registered_date: registered,
      status: opt.status,
      cancelled_date: opt.cancelled ?? null,
      business_scope: SCOPES[trade] ?? '日用百货销售',
      registered_capital: rng.int(10, 1000) * 10_000,
      authority: '毕节市七星关区市场监督管理局',
    });
    return { org, registered };
  }

  private serve(caseNo: string, recipient: string, method: string, day: string, address: string | null, document?: string, type = '法人'): void {
    const { ctx } = this;
    const { rng } = ctx;
    const notice = method === '公告送达';
    ctx.emit('court_service', {
      case_no: caseNo,
      court: COURT,
      cause: rng.pick(CAUSES),
      procedure: rng.chance(0.8) ? '普通程序' : '简易程序',
      recipient_name: recipient,
      recipient_type: type,
      party_role: '被告',
      recipient_address: address,
      method,
      service_date: day,
      notice_reason: notice ? rng.pick(NOTICE_REASONS) : null,
      document_type: document ?? rng.pick(FIRST_DOCS),
      medium: notice ? rng.pick(['人民法院公告网', '人民法院报']) : null,
    });
  }
}

/** The company's landline, or its legal representative's mobile when the landline would be invalid (a local number cannot start with 0). */
function contactPhone(org: Org): string {
  return /^0\d{2,3}-0/.test(org.phone) ? org.legalRep.phone : org.phone;
}
