import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 违法套取住房公积金 (model housing_fund_fraud): fund withdrawals × property registrations × civil
 * court cases.
 *
 * Background (≈ 6,000 rows per scale unit): about 1,300 purchase withdrawals whose buyer (or, for
 * one in ten, the declared spouse) registers the property within 200 days either side; about 250
 * purchase withdrawals of the last 364 days whose property is not registered yet; about 1,500
 * withdrawals for other reasons (retirement, loan repayment, rent, leaving the city) with no
 * property; about 1,000 properties of people who never withdrew; about 650 civil cases of the
 * people above (loans, divorces, slow house-sale disputes decided by judgment). Planted: a
 * purchase withdrawal 365 days ago or more with no property of the buyer or spouse within 365
 * days (one in eight exactly 365 days ago), a property registered 366+ days after the withdrawal,
 * and withdrawals within 180 days after a house-sale dispute closed by mediation or judicial
 * confirmation within 30 days of filing (plaintiff or defendant; one exactly 30 days). Near misses:
 * a property registered exactly 365 days after; a withdrawal 364 days ago; the spouse's property;
 * a loan-repayment withdrawal with no property; a mediation that took 31 days; a withdrawal 181
 * days after a quick mediation; a withdrawal the day before the mediation closed; a purchase
 * withdrawal with no property under an ID number with a wrong check digit.
 */

const EMPLOYER_TRADES = ['商贸', '建筑工程', '物流', '信息技术', '医药', '矿业', '酒店管理'] as const;
const PUBLIC_EMPLOYERS = ['七星关区人民医院', '七星关区第一中学', '七星关区教育局', '七星关区财政局', '毕节市第一人民医院', '七星关区税务局'] as const;
const PURCHASE_REASONS = ['购买自住住房', '购房', '购买商品房', '购买二手房', '建造、翻建、大修自住住房'] as const;
const PURCHASE_DOCS = ['购房合同及发票', '商品房买卖合同', '不动产权证书', '契税完税凭证'] as const;
const OTHER_REASONS = [
  { reason: '离休、退休', doc: '退休证' },
  { reason: '偿还购房贷款本息', doc: '借款合同' },
  { reason: '偿还购房贷款本息', doc: '借款合同' },
  { reason: '租赁自住住房', doc: '租赁合同' },
  { reason: '与单位终止劳动关系', doc: '解除劳动合同证明' },
  { reason: '出境定居', doc: '定居证明' },
] as const;
const ROADS = ['洪山路', '人民路', '招商大道', '学院路', '桂花路', '麻园路', '松山路', '开行路'];
const CIVIL_CAUSES = ['民间借贷纠纷', '离婚纠纷', '买卖合同纠纷', '机动车交通事故责任纠纷', '劳务合同纠纷', '物业服务合同纠纷'] as const;

export const scenario: Scenario = {
  model: 'housing_fund_fraud',
  kinds: ['housing_fund_withdrawal', 'property_registration', 'court_case'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 1300, () => g.purchaseRegistered());
    repeatScaled(ctx, 250, () => g.purchaseRecent());
    repeatScaled(ctx, 1500, () => g.otherReason());
    repeatScaled(ctx, 1000, () => g.ownerOnly());
    plantWithNearMisses(ctx, g, 1);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  purchaseRegistered(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 24, maxAge: 58 });
    const date = ctx.daysAgo(rng.int(1, 1800));
    const spouse = rng.chance(0.1) ? ctx.person({ minAge: 24, maxAge: 58, sex: p.sex === 'M' ? 'F' : 'M' }) : null;
    this.withdraw(p, date, rng.pick(PURCHASE_REASONS), rng.pick(PURCHASE_DOCS), spouse);
    let registered = ctx.addDays(date, rng.int(-200, 200));
    if (registered > ctx.asOf) registered = ctx.addDays(date, -rng.int(0, 200));
    this.property(spouse ?? p, registered);
    if (rng.chance(0.15)) this.civilCase(p, ctx.daysAgo(rng.int(60, 1500)));
  }

  purchaseRecent(): void {
    const { ctx } = this;
    const p = ctx.person({ minAge: 24, maxAge: 58 });
    this.withdraw(p, ctx.daysAgo(ctx.rng.int(0, 364)), ctx.rng.pick(PURCHASE_REASONS), ctx.rng.pick(PURCHASE_DOCS), null);
  }

  otherReason(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 24, maxAge: 65 });
    const o = rng.pick(OTHER_REASONS);
    this.withdraw(p, ctx.daysAgo(rng.int(1, 1800)), o.reason, o.doc, null);
    if (rng.chance(0.3)) this.civilCase(p, ctx.daysAgo(rng.int(60, 1500)));
  }

  ownerOnly(): void {
    const { ctx } = this;
    this.property(ctx.person({ minAge: 24, maxAge: 80 }), ctx.daysAgo(ctx.rng.int(1, 4000)));
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 24, maxAge: 58 });
    const kind = i % 4;
    let note: string;
    if (kind === 0) {
      const days = i % 8 === 0 ? 365 : rng.int(366, 1500);
      const spouse = rng.chance(0.5) ? ctx.person({ minAge: 24, maxAge: 58, sex: p.sex === 'M' ? 'F' : 'M' }) : null;
      this.withdraw(p, ctx.daysAgo(days), rng.pick(PURCHASE_REASONS), rng.pick(PURCHASE_DOCS), spouse);
      note = `购房提取 ${days} 日，本人${spouse ? '及申报的配偶' : ''}无任何不动产登记${days === 365 ? '（恰满 365 日，边界内）' : ''}`;
    } else if (kind === 1) {
      const date = ctx.daysAgo(rng.int(732, 1500));
      this.withdraw(p, date, rng.pick(PURCHASE_REASONS), rng.pick(PURCHASE_DOCS), null);
      const gap = rng.chance(0.5) ? 366 : rng.int(367, 700);
      this.property(p, ctx.addDays(date, gap));
      note = `提取后 ${gap} 日才登记不动产，超出 365 日`;
    } else {
      const filed = ctx.daysAgo(rng.int(120, 900));
      const took = i % 8 === 2 ? 30 : rng.int(5, 29);
      const closed = ctx.addDays(filed, took);
      const after = rng.int(0, 180);
      this.quickCase(p, filed, closed, kind === 2 ? 'plaintiff' : 'defendant');
      const date = ctx.addDays(closed, after);
      this.withdraw(p, date > ctx.asOf ? ctx.asOf : date, rng.pick(PURCHASE_REASONS), '民事调解书', null);
      const registered = ctx.addDays(closed, rng.int(1, 60));
      if (rng.chance(0.6)) this.property(p, registered > ctx.asOf ? ctx.asOf : registered);
      note = `作为${kind === 2 ? '原告' : '被告'}的房屋买卖纠纷立案 ${took} 日即调解或司法确认结案，其后提取公积金`;
    }
    ctx.expectLead({ 'w.id_number': p.idNumber }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const person = (): Person => ctx.person({ minAge: 24, maxAge: 58 });

    const a = person();
    const dateA = ctx.daysAgo(rng.int(732, 1500));
    this.withdraw(a, dateA, '购买自住住房', '商品房买卖合同', null);
    this.property(a, ctx.addDays(dateA, 365));
    ctx.nearMiss('提取后恰好 365 日登记不动产（边界内）');

    this.withdraw(person(), ctx.daysAgo(364), '购房', '购房合同及发票', null);
    ctx.nearMiss('购房提取至今 364 日，尚未到判断时点');

    const c = person();
    const spouse = ctx.person({ minAge: 24, maxAge: 58, sex: c.sex === 'M' ? 'F' : 'M' });
    const dateC = ctx.daysAgo(rng.int(400, 1500));
    this.withdraw(c, dateC, '购买自住住房（配偶名下）', '不动产权证书', spouse);
    this.property(spouse, ctx.addDays(dateC, -rng.int(10, 300)));
    ctx.nearMiss('本人无不动产，配偶在提取前登记了不动产');

    this.withdraw(person(), ctx.daysAgo(rng.int(400, 1500)), '偿还购房贷款本息', '借款合同', null);
    ctx.nearMiss('偿还购房贷款提取（含“购房”二字，属还贷），无不动产登记');

    const e = person();
    const filedE = ctx.daysAgo(rng.int(200, 700));
    this.quickCase(e, filedE, ctx.addDays(filedE, 31), 'plaintiff');
    this.withdraw(e, ctx.addDays(filedE, 61), '购买自住住房', '民事调解书', null);
    this.property(e, ctx.addDays(filedE, 70));
    ctx.nearMiss('房屋买卖纠纷立案 31 日才调解结案（超出 30 日）');

    const f = person();
    const filedF = ctx.daysAgo(rng.int(300, 900));
    this.quickCase(f, filedF, ctx.addDays(filedF, 12), 'plaintiff');
    this.withdraw(f, ctx.addDays(filedF, 12 + 181), '购买自住住房', '民事调解书', null);
    this.property(f, ctx.addDays(filedF, 20));
    ctx.nearMiss('快速调解结案 181 日后才提取（超出 180 日）');

    const g = person();
    const filedG = ctx.daysAgo(rng.int(200, 900));
    this.quickCase(g, filedG, ctx.addDays(filedG, 15), 'defendant');
    this.withdraw(g, ctx.addDays(filedG, 14), '购买自住住房', '商品房买卖合同', null);
    this.property(g, ctx.addDays(filedG, 40));
    ctx.nearMiss('提取在快速调解结案前一日');

    const h = person();
    this.withdraw({ ...h, idNumber: otherCheckDigit(h.idNumber) }, ctx.daysAgo(rng.int(400, 1500)), '购买自住住房', '购房合同及发票', null);
    ctx.nearMiss('购房提取且无不动产，但身份证号校验位错误（无效号码，不能认定提取人）');
  }

  // -------------------------------------------------------------------------------------------

  private withdraw(p: Person, date: string, reason: string, doc: string, spouse: Person | null): void {
    const { ctx } = this;
    const { rng } = ctx;
    const employer = rng.chance(0.3) ? rng.pick(PUBLIC_EMPLOYERS) : ctx.org({ trade: rng.pick(EMPLOYER_TRADES) }).name;
    const purchase = /购|建造|翻建|大修/.test(reason) && !/偿还|贷款/.test(reason);
    ctx.emit('housing_fund_withdrawal', {
      id_number: p.idNumber,
      person_name: p.name,
      account_no: ctx.serial('52050200'),
      employer_name: employer,
      reason,
      withdrawal_date: date,
      amount: rng.int(8, 160) * 1000 + (rng.chance(0.3) ? rng.int(1, 99) / 100 : 0),
      basis_doc: doc,
      spouse_name: spouse?.name ?? null,
      spouse_id_number: spouse?.idNumber ?? null,
      property_address: purchase ? `贵州省毕节市七星关区${rng.pick(ROADS)}${rng.int(1, 300)}号${rng.int(1, 20)}栋${rng.int(1, 30)}0${rng.int(1, 4)}室` : null,
    });
  }

  private property(p: Person, registered: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    ctx.emit('property_registration', {
      id_number: p.idNumber,
      person_name: p.name,
      certificate_no: `黔(${registered.slice(0, 4)})七星关区不动产权第${ctx.serial('七星关区不动产权')}号`,
      unit_no: null,
      address: `贵州省毕节市七星关区${rng.pick(ROADS)}${rng.int(1, 300)}号${rng.int(1, 20)}栋${rng.int(1, 30)}0${rng.int(1, 4)}室`,
      area: String(rng.int(55, 180)),
      usage: '住宅',
      right_type: '国有建设用地使用权/房屋所有权',
      share: rng.chance(0.5) ? '单独所有' : '共同共有',
      acquired_method: rng.chance(0.8) ? '买卖' : '自建',
      registered_date: registered,
      deregistered_date: null,
    });
  }

  /** A house-sale dispute closed by mediation or judicial confirmation, with `p` as one party. */
  private quickCase(p: Person, filed: string, closed: string, role: 'plaintiff' | 'defendant'): void {
    const { ctx } = this;
    const other = ctx.person({ minAge: 25, maxAge: 70 });
    const [plaintiff, defendant] = role === 'plaintiff' ? [p, other] : [other, p];
    const confirm = role === 'defendant';
    this.emitCase(confirm ? '民特' : '民初', {
      cause: '房屋买卖合同纠纷',
      procedure: confirm ? '特别程序' : '简易程序',
      plaintiff,
      defendant,
      filed,
      closed,
      method: confirm ? '司法确认' : '调解',
      amount: ctx.rng.int(20, 90) * 10_000,
    });
  }

  /** An ordinary civil case of `p`: any cause, or a house-sale dispute decided by judgment months later. */
  private civilCase(p: Person, filed: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const other = ctx.person({ minAge: 22, maxAge: 75 });
    const house = rng.chance(0.2);
    const took = house ? rng.int(60, 300) : rng.int(10, 300);
    const closedRaw = ctx.addDays(filed, took);
    const closed = closedRaw > ctx.asOf ? null : closedRaw;
    const asPlaintiff = rng.chance(0.5);
    this.emitCase('民初', {
      cause: house ? '房屋买卖合同纠纷' : rng.pick(CIVIL_CAUSES),
      procedure: rng.chance(0.6) ? '简易程序' : '普通程序',
      plaintiff: asPlaintiff ? p : other,
      defendant: asPlaintiff ? other : p,
      filed,
      closed,
      method: closed === null ? null : house ? '判决' : rng.pick(['判决', '调解', '撤诉', '判决']),
      amount: rng.int(1, 50) * 10_000,
    });
  }

  private emitCase(
    type: string,
    c: { cause: string; procedure: string; plaintiff: Person; defendant: Person; filed: string; closed: string | null; method: string | null; amount: number },
  ): void {
    const { ctx } = this;
    ctx.emit('court_case', {
      case_no: `（${c.filed.slice(0, 4)}）黔0502${type}${Number(ctx.serial(`黔0502${type}`).slice(-7))}号`,
      court: '毕节市七星关区人民法院',
      cause: c.cause,
      case_type: '民事',
      procedure: c.procedure,
      parties: `${c.plaintiff.name}、${c.defendant.name}`,
      plaintiff_name: c.plaintiff.name,
      plaintiff_id_number: c.plaintiff.idNumber,
      defendant_name: c.defendant.name,
      defendant_id_number: c.defendant.idNumber,
      filed_date: c.filed,
      closed_date: c.closed,
      closing_method: c.method,
      claim_amount: c.amount,
      judgment_amount: c.method === '撤诉' || c.closed === null ? null : c.amount,
      judge: null,
    });
  }
}

/** The same ID number with a wrong check character: invalid, so it normalises to nothing. */
function otherCheckDigit(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, 17) + (last === '0' ? '1' : last === 'X' ? '0' : String((Number(last) + 1) % 10));
}
