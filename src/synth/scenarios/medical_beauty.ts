import { USCC_CHARSET } from '../../normalize/uscc.js';
import type { Org, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 无证或超范围开展医疗美容 (model medical_beauty): business registrations whose scope or name says
 * 医疗美容 × medical institution licences (by credit code, or name with the fuzzy organisation key)
 * that are in date, not void, and list a medical-beauty department.
 *
 * Background (≈ 2,900 units, ≈ 5,000 rows per scale unit): licensed medical-beauty clinics (some
 * licences carry no credit code and a 有限责任公司 name, some no departments at all, some renewed
 * after an expired one), beauty salons whose scope excludes 医疗美容, ordinary clinics, cancelled
 * clinics, public hospitals with a licence but no business registration. Planted: a clinic with
 * no licence, with an expired licence, with a licence without a medical-beauty department, a
 * 医美 company with no licence, a licence marked 注销. Near misses: a licence valid until the run
 * date; a salon whose scope says 不含医疗美容; a licence under a 有限责任公司 name with no code; a
 * licence whose credit code has a wrong check character but the right name; a cancelled clinic.
 *
 * This is the only scenario whose business registrations mention 美容 or 整形.
 */

const AUTHORITY = '七星关区卫生健康局';
const BEAUTY_SCOPES = ['医疗美容服务；化妆品零售', '医疗美容服务', '医疗美容服务；美容美发；护肤品销售', '医疗美容服务；医疗器械销售'] as const;
const BEAUTY_DEPTS = ['医疗美容科；美容外科；美容皮肤科', '医疗美容科；美容皮肤科', '医疗美容科；美容外科；美容牙科；美容中医科', '医疗美容科'] as const;
const PLAIN_DEPTS = ['内科；外科；医学检验科', '全科医疗科；中医科', '口腔科', '内科；儿科；预防保健科'] as const;
const SALON_SCOPES = ['美容美发服务（不含医疗美容）', '生活美容服务（非医疗美容）', '美甲、美睫、皮肤护理服务（不得从事医疗美容）'] as const;
const ACTIVE = ['存续', '存续（在营、开业、在册）', '在业', '开业'] as const;

export const scenario: Scenario = {
  model: 'medical_beauty',
  kinds: ['business_registration', 'medical_institution'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 2900, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

interface Licence {
  readonly name?: string;
  readonly uscc?: string | null;
  readonly depts?: string | null;
  readonly validUntil?: string;
  readonly status?: string;
  readonly type?: string;
}

class Generator {
  private hospitalNo = 0;

  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const r = rng.next();
    if (r < 0.4) {
      const o = this.clinic();
      this.register(o, rng.pick(BEAUTY_SCOPES));
      this.licence(o, {});
    } else if (r < 0.5) {
      // The health commission's table has no credit code and writes 有限责任公司.
      const o = this.clinic();
      this.register(o, rng.pick(BEAUTY_SCOPES));
      this.licence(o, { name: o.name.replace(/有限公司$/, '有限责任公司'), uscc: null });
    } else if (r < 0.72) {
      const o = ctx.org({ trade: rng.pick(['美容美发', '美容', '美甲']), suffix: rng.pick(['店', '工作室', '有限公司']) });
      this.register(o, rng.pick(SALON_SCOPES));
    } else if (r < 0.82) {
      const o = ctx.org({ trade: rng.pick(['综合门诊部', '诊所', '口腔门诊部']) });
      this.register(o, '内科、外科、口腔科诊疗服务');
      this.licence(o, { depts: rng.pick(PLAIN_DEPTS), type: '门诊部' });
    } else if (r < 0.87) {
      this.register(this.clinic(), rng.pick(BEAUTY_SCOPES), '注销');
    } else if (r < 0.92) {
      const o = this.clinic();
      this.register(o, rng.pick(BEAUTY_SCOPES));
      this.licence(o, { depts: null });
    } else if (r < 0.96) {
      // A public hospital: a licence, but no business registration (it is a 事业单位).
      this.hospitalNo++;
      const o = ctx.org({ trade: '医院', suffix: '' });
      this.licence({ ...o, name: `七星关区第${1000 + this.hospitalNo}人民医院` }, { depts: '内科；外科；妇产科；儿科；医疗美容科', type: '综合医院' });
    } else {
      // Renewed: the old licence expired, the new one is in date.
      const o = this.clinic();
      this.register(o, rng.pick(BEAUTY_SCOPES));
      this.licence(o, { validUntil: ctx.daysAgo(rng.int(30, 700)), status: '过期' });
      this.licence(o, {});
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    let o: Org;
    let note: string;
    switch (i % 5) {
      case 0:
        o = this.clinic();
        this.register(o, rng.pick(BEAUTY_SCOPES));
        note = '经营范围含医疗美容，查无任何执业许可';
        break;
      case 1:
        o = this.clinic();
        this.register(o, rng.pick(BEAUTY_SCOPES));
        this.licence(o, { validUntil: ctx.daysAgo(rng.int(1, 400)) });
        note = '执业许可已过有效期';
        break;
      case 2:
        o = ctx.org({ trade: '综合门诊部' });
        this.register(o, '内科诊疗服务；医疗美容服务');
        this.licence(o, { depts: rng.pick(PLAIN_DEPTS), type: '门诊部' });
        note = '有许可但诊疗科目无医疗美容，超范围';
        break;
      case 3:
        o = ctx.org({ trade: '医美科技' });
        this.register(o, '化妆品销售；美容咨询服务');
        note = '名称含“医美”，经营范围未写医疗美容，且无许可';
        break;
      default:
        o = this.clinic();
        this.register(o, rng.pick(BEAUTY_SCOPES));
        this.licence(o, { status: '注销' });
        note = '执业许可已注销';
        break;
    }
    ctx.expectLead({ 'biz.uscc': o.uscc }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const a = this.clinic();
    this.register(a, rng.pick(BEAUTY_SCOPES));
    this.licence(a, { validUntil: ctx.asOf });
    ctx.nearMiss('执业许可有效期至运行日当天，仍有效');

    const b = ctx.org({ trade: '美容养生', suffix: '馆' });
    this.register(b, '美容美发服务（不含医疗美容）');
    ctx.nearMiss('生活美容，经营范围写明不含医疗美容');

    const c = this.clinic();
    this.register(c, rng.pick(BEAUTY_SCOPES));
    this.licence(c, { name: c.name.replace(/有限公司$/, '有限责任公司'), uscc: null });
    ctx.nearMiss('许可名称写作“有限责任公司”、无信用代码，模糊匹配');

    const d = this.clinic();
    this.register(d, rng.pick(BEAUTY_SCOPES));
    this.licence(d, { uscc: wrongCheck(d.uscc, rng.next()) });
    ctx.nearMiss('许可的信用代码校验位错误（导入后为空），名称相同');

    this.register(this.clinic(), rng.pick(BEAUTY_SCOPES), '注销');
    ctx.nearMiss('医疗美容诊所已注销');
  }

  // -------------------------------------------------------------------------------------------

  private clinic(): Org {
    return this.ctx.org({ trade: this.ctx.rng.pick(['医疗美容诊所', '医疗美容门诊部', '医疗美容']) });
  }

  private register(o: Org, scope: string, status?: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const registered = ctx.daysAgo(rng.int(200, 4000));
    ctx.emit('business_registration', {
      uscc: o.uscc,
      org_name: o.name,
      entity_type: o.name.endsWith('公司') ? '有限责任公司（自然人投资或控股）' : '个体工商户',
      legal_rep_name: o.legalRep.name,
      legal_rep_id_number: o.legalRep.idNumber,
      address: o.address,
      phone: o.legalRep.phone,
      registered_date: registered,
      status: status ?? rng.pick(ACTIVE),
      cancelled_date: status === '注销' ? ctx.addDays(registered, rng.int(100, 150)) : null,
      business_scope: scope,
      registered_capital: rng.int(5, 500) * 10_000,
      industry: scope.includes('诊疗') || scope.includes('医疗美容') ? '卫生' : '居民服务业',
      authority: '毕节市七星关区市场监督管理局',
    });
  }

  private licence(o: Org, l: Licence): void {
    const { ctx } = this;
    const { rng } = ctx;
    const validUntil = l.validUntil ?? ctx.addDays(ctx.asOf, rng.int(1, 1500));
    ctx.emit('medical_institution', {
      org_name: l.name ?? o.name,
      licence_no: `${ctx.serial('PDY')}52050211D2202`,
      institution_type: l.type ?? (o.name.includes('门诊部') ? '医疗美容门诊部' : '医疗美容诊所'),
      ownership: '私营',
      uscc: l.uscc === undefined ? o.uscc : l.uscc,
      legal_rep_name: o.legalRep.name,
      principal_name: o.legalRep.name,
      scope: l.depts === undefined ? rng.pick(BEAUTY_DEPTS) : l.depts,
      bed_count: 0,
      issue_date: ctx.addDays(validUntil, -rng.int(365, 1825)),
      valid_until: validUntil,
      authority: AUTHORITY,
      address: o.address,
      phone: o.legalRep.phone,
      status: l.status ?? rng.pick(['正常', '校验合格']),
    });
  }
}

/** The same credit code with another check character: fails GB 32100 validation, so it normalises to nothing. */
function wrongCheck(uscc: string, r: number): string {
  const last = uscc.slice(-1);
  const others = USCC_CHARSET.replace(last, '');
  return uscc.slice(0, 17) + others.charAt(Math.floor(r * others.length));
}
