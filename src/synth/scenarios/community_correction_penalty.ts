import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 社区矫正对象矫正期间受治安管理处罚 (model community_correction_penalty): administrative
 * penalties × the community-correction register.
 *
 * Background (≈ 5,000 rows per scale unit): about 900 people under or past community correction
 * (probation, parole, temporary execution outside prison, public surveillance), some penalised by
 * the police before their correction began or after it ended, some fined for traffic offences
 * during it; about 3,800 penalties of people and companies never under correction (police,
 * traffic police, market regulation, urban management). Planted: a police penalty under the Public
 * Security Administration Punishments Law during correction — on its first day (one in four), on
 * its last day (one in four), during an open-ended correction, or in the middle. Near misses: a
 * penalty the day before correction began; the day after it ended; an urban-management fine during
 * correction; a police penalty of a person under public surveillance (管制, not screened by
 * default); a police penalty during correction under an ID number that differs only in its check
 * digit.
 */

const OFFICES = ['洪山司法所', '观音桥司法所', '碧阳司法所', '三板桥司法所', '大新桥司法所', '海子街司法所', '鸭池司法所', '朱昌司法所'];
const COURTS = ['毕节市七星关区人民法院', '毕节市七星关区人民法院', '毕节市中级人民法院', '大方县人民法院'];
const CHARGES = ['危险驾驶罪', '盗窃罪', '诈骗罪', '故意伤害罪', '寻衅滋事罪', '开设赌场罪', '交通肇事罪', '帮助信息网络犯罪活动罪', '非法吸收公众存款罪'];
const STATIONS = ['洪山派出所', '观音桥派出所', '碧阳派出所', '三板桥派出所', '大新桥派出所', '海子街派出所', '鸭池派出所'];
const PUBLIC_ORDER = [
  { violation: '殴打他人', article: '第五十一条', type: '行政拘留', days: [5, 10] },
  { violation: '赌博', article: '第八十二条', type: '罚款', days: null },
  { violation: '寻衅滋事', article: '第三十条', type: '行政拘留', days: [5, 10] },
  { violation: '盗窃', article: '第五十八条', type: '行政拘留', days: [5, 10] },
  { violation: '吸食毒品', article: '第八十四条', type: '行政拘留', days: [10, 15] },
  { violation: '阻碍执行职务', article: '第六十一条', type: '罚款', days: null },
] as const;
const TRAFFIC = [
  { violation: '机动车违反规定停放', article: '第九十三条', amount: 200 },
  { violation: '驾驶机动车超速不足50%', article: '第九十条', amount: 200 },
  { violation: '驾驶机动车不按规定使用安全带', article: '第九十条', amount: 50 },
] as const;
const URBAN = [
  { violation: '占道经营', law: '《城市市容和环境卫生管理条例》第三十六条', authority: '七星关区综合行政执法局', amount: 500 },
  { violation: '未取得健康证明从事食品经营', law: '《中华人民共和国食品安全法》第一百二十六条', authority: '七星关区市场监督管理局', amount: 2000 },
  { violation: '随意倾倒垃圾', law: '《城市市容和环境卫生管理条例》第三十四条', authority: '七星关区综合行政执法局', amount: 200 },
] as const;
const SENTENCES = ['缓刑', '缓刑', '缓刑', '假释', '暂予监外执行'] as const;

interface Term {
  readonly start: string;
  /** null: an open-ended register entry with no end date recorded. */
  readonly end: string | null;
}

export const scenario: Scenario = {
  model: 'community_correction_penalty',
  kinds: ['community_correction', 'administrative_penalty'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 900, () => g.corrected());
    repeatScaled(ctx, 3800, () => g.otherPenalty());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  corrected(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 18, maxAge: 70 });
    const t = this.term(p, rng.chance(0.1) ? '管制' : rng.pick(SENTENCES), rng.chance(0.05));
    const r = rng.next();
    if (r < 0.15) this.publicOrder(p, ctx.addDays(t.start, -rng.int(1, 900)));
    else if (r < 0.22 && t.end !== null && t.end < ctx.asOf) {
      const after = ctx.addDays(t.end, rng.int(1, 300));
      if (after <= ctx.asOf) this.publicOrder(p, after);
    } else if (r < 0.3) this.traffic(p, this.inside(t));
  }

  otherPenalty(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    const when = ctx.daysAgo(rng.int(1, 1400));
    if (r < 0.45) this.publicOrder(ctx.person({ minAge: 16, maxAge: 75 }), when);
    else if (r < 0.75) this.traffic(ctx.person({ minAge: 18, maxAge: 75 }), when);
    else if (r < 0.9) this.urban(ctx.person({ minAge: 18, maxAge: 75 }), when);
    else this.companyFine(when);
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 18, maxAge: 65 });
    const kind = i % 4;
    const t = this.term(p, rng.pick(SENTENCES), kind === 2);
    if (rng.chance(0.3)) this.publicOrder(p, ctx.addDays(t.start, -rng.int(30, 600)));
    let note: string;
    if (kind === 0) {
      this.publicOrder(p, t.start);
      note = '入矫当日受治安管理处罚（边界内）';
    } else if (kind === 1 && t.end !== null && t.end <= ctx.asOf) {
      this.publicOrder(p, t.end);
      note = '矫正期满当日受治安管理处罚（边界内）';
    } else if (kind === 2) {
      this.publicOrder(p, this.inside(t));
      note = '矫正期满日为空（仍在矫正），其间受治安管理处罚';
    } else {
      this.publicOrder(p, this.inside(t));
      note = '矫正期间受治安管理处罚';
    }
    ctx.expectLead({ 'pen.id_number': p.idNumber }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const a = ctx.person({ minAge: 18, maxAge: 65 });
    const ta = this.term(a, '缓刑', false);
    this.publicOrder(a, ctx.addDays(ta.start, -1));
    ctx.nearMiss('入矫前一日受治安管理处罚');

    const b = ctx.person({ minAge: 18, maxAge: 65 });
    const tb = this.term(b, '假释', false, true);
    this.publicOrder(b, ctx.addDays(tb.end as string, 1));
    ctx.nearMiss('矫正期满次日受治安管理处罚');

    const c = ctx.person({ minAge: 18, maxAge: 65 });
    const tc = this.term(c, '缓刑', false);
    this.urban(c, this.inside(tc));
    ctx.nearMiss('矫正期间受综合行政执法、市场监管部门罚款（非治安管理处罚）');

    const d = ctx.person({ minAge: 18, maxAge: 65 });
    const td = this.term(d, '管制', false);
    this.publicOrder(d, this.inside(td));
    ctx.nearMiss('管制犯矫正期间受治安管理处罚（默认不纳入）');

    const e = ctx.person({ minAge: 18, maxAge: 65 });
    const te = this.term(e, '缓刑', false);
    this.publicOrder({ ...e, idNumber: otherCheckDigit(e.idNumber) }, this.inside(te));
    ctx.nearMiss('矫正期间受治安管理处罚，但身份证号与矫正对象仅校验位不同（无效号码）');
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Writes one register entry. Terms run 1–4 years and started up to 5 years ago; `ended` forces a
   * term that ended at least 60 days before the run date.
   */
  private term(p: Person, type: string, openEnded: boolean, ended = false): Term {
    const { ctx } = this;
    const { rng } = ctx;
    const length = rng.int(180, 1460);
    const start = ended ? ctx.daysAgo(length + rng.int(60, 400)) : ctx.daysAgo(rng.int(30, 1800));
    const end = openEnded ? null : ctx.addDays(start, length);
    ctx.emit('community_correction', {
      id_number: p.idNumber,
      person_name: p.name,
      sentence_type: type,
      charge: rng.pick(CHARGES),
      sentence: type === '管制' ? `管制${rng.int(6, 24)}个月` : `有期徒刑${rng.int(6, 36)}个月`,
      start_date: start,
      end_date: end,
      court: rng.pick(COURTS),
      judgment_no: ctx.serial('（刑）判决'),
      office: rng.pick(OFFICES),
      status: end !== null && end < ctx.asOf ? '已解矫' : '在矫',
      warning_count: rng.chance(0.9) ? 0 : rng.int(1, 2),
      phone: p.phone,
      address: p.address,
      household_address: p.address,
    });
    return { start, end };
  }

  /** A date strictly inside the term and not after the run date (the term starts at least 30 days before it). */
  private inside(t: Term): string {
    const { ctx } = this;
    const last = t.end !== null && t.end < ctx.asOf ? t.end : ctx.asOf;
    const span = Math.max(2, Math.round((Date.parse(last) - Date.parse(t.start)) / 86_400_000));
    return ctx.addDays(t.start, ctx.rng.int(1, span - 1));
  }

  private publicOrder(p: Person, date: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const o = rng.pick(PUBLIC_ORDER);
    const station = rng.pick(STATIONS);
    const days = o.days ? rng.int(o.days[0], o.days[1]) : null;
    const fine = o.days ? null : rng.pick([200, 300, 500]);
    ctx.emit('administrative_penalty', {
      decision_no: `毕七公（${station.charAt(0)}）行罚决字〔${date.slice(0, 4)}〕${ctx.serial('行罚决')}号`,
      case_name: `${p.name}${o.violation}案`,
      party_name: p.name,
      party_type: '自然人',
      id_number: p.idNumber,
      uscc: null,
      legal_rep_name: null,
      legal_rep_id_number: null,
      penalty_type: o.type,
      penalty_content: days !== null ? `行政拘留${days}日` : `罚款${fine}元`,
      violation: o.violation,
      legal_basis: `《中华人民共和国治安管理处罚法》${o.article}`,
      amount: fine,
      confiscated_amount: null,
      detention_days: days,
      decision_date: date,
      authority: `毕节市公安局七星关分局${station}`,
    });
  }

  private traffic(p: Person, date: string): void {
    const { ctx } = this;
    const t = ctx.rng.pick(TRAFFIC);
    ctx.emit('administrative_penalty', {
      decision_no: `${ctx.serial('5205021')}`,
      case_name: null,
      party_name: p.name,
      party_type: '自然人',
      id_number: p.idNumber,
      uscc: null,
      legal_rep_name: null,
      legal_rep_id_number: null,
      penalty_type: '罚款',
      penalty_content: `罚款${t.amount}元`,
      violation: t.violation,
      legal_basis: `《中华人民共和国道路交通安全法》${t.article}`,
      amount: t.amount,
      confiscated_amount: null,
      detention_days: null,
      decision_date: date,
      authority: '毕节市公安局交通管理支队七星关大队',
    });
  }

  private urban(p: Person, date: string): void {
    const { ctx } = this;
    const u = ctx.rng.pick(URBAN);
    ctx.emit('administrative_penalty', {
      decision_no: `七综执罚〔${date.slice(0, 4)}〕${ctx.serial('综执罚')}号`,
      case_name: `${p.name}${u.violation}案`,
      party_name: p.name,
      party_type: '自然人',
      id_number: p.idNumber,
      uscc: null,
      legal_rep_name: null,
      legal_rep_id_number: null,
      penalty_type: '罚款',
      penalty_content: `罚款${u.amount}元`,
      violation: u.violation,
      legal_basis: u.law,
      amount: u.amount,
      confiscated_amount: null,
      detention_days: null,
      decision_date: date,
      authority: u.authority,
    });
  }

  private companyFine(date: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const org = ctx.org({ trade: rng.pick(['商贸', '餐饮管理', '建筑工程', '物流']) });
    const amount = rng.pick([2000, 5000, 10000, 30000]);
    ctx.emit('administrative_penalty', {
      decision_no: `七市监处罚〔${date.slice(0, 4)}〕${ctx.serial('市监罚')}号`,
      case_name: `${org.name}违法经营案`,
      party_name: org.name,
      party_type: '法人及非法人组织',
      id_number: null,
      uscc: org.uscc,
      legal_rep_name: org.legalRep.name,
      legal_rep_id_number: org.legalRep.idNumber,
      penalty_type: '罚款',
      penalty_content: `罚款${amount}元`,
      violation: rng.pick(['销售过期食品', '未按规定明码标价', '虚假宣传']),
      legal_basis: rng.pick(['《中华人民共和国食品安全法》第一百二十四条', '《中华人民共和国价格法》第四十二条', '《中华人民共和国反不正当竞争法》第二十条']),
      amount,
      confiscated_amount: null,
      detention_days: null,
      decision_date: date,
      authority: '七星关区市场监督管理局',
    });
  }
}

/** The same ID number with a wrong check character: invalid, so it normalises to nothing. */
function otherCheckDigit(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, 17) + (last === '0' ? '1' : last === 'X' ? '0' : String((Number(last) + 1) % 10));
}
