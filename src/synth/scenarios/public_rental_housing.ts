import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 公租房治理 (model public_rental_housing): public-rental tenants × vehicles, property, companies,
 * and the rent ledger.
 *
 * Background (≈ 6,000 rows per scale unit): about 1,900 tenants in lease, with no arrears or 1–5
 * months, some owning only a motorcycle or tricycle, a car since deregistered, a flat sold years
 * ago, or an individual business (个体工商户); about 200 tenants whose lease has ended; and
 * registries of people who are not tenants (≈ 1,400 vehicles, 1,400 properties, 450 companies).
 * Planted: a tenant in lease who owns a car in use, holds an undischarged property title, is the
 * legal representative of a company in business, or owes 6 months' rent or more (one in two
 * exactly 6). Near misses: 5 months' arrears; a motorcycle; a deregistered car; a property title
 * deregistered; an individual business plus a deregistered company; a car owner whose lease ended
 * yesterday; 12 months' arrears by a tenant who has already moved out.
 *
 * Company rows never mention medical beauty (医疗美容, 美容, 整形) in their name or scope.
 */

const ESTATES = [
  { name: '麻园公租房小区', address: '贵州省毕节市七星关区麻园路' },
  { name: '碧阳公租房小区', address: '贵州省毕节市七星关区碧阳街道学院路' },
  { name: '洪山公租房小区', address: '贵州省毕节市七星关区洪山路' },
  { name: '三板桥保障性住房小区', address: '贵州省毕节市七星关区三板桥街道开行路' },
  { name: '观音桥公租房小区', address: '贵州省毕节市七星关区观音桥街道桂花路' },
] as const;
const TENANT_TYPES = ['城镇中等偏下收入住房困难家庭', '城镇低收入住房困难家庭', '新就业无房职工', '外来务工人员'] as const;
const CARS = ['小型轿车', '小型普通客车', '小型越野客车', '轻型普通货车'] as const;
const SMALL_VEHICLES = ['普通二轮摩托车', '正三轮摩托车', '低速货车', '残疾人专用摩托车'] as const;
const BRANDS = ['大众牌', '丰田牌', '长安牌', '吉利牌', '比亚迪牌', '五菱牌', '哈弗牌', '本田牌'] as const;
const COMPANY_TRADES = ['商贸', '建筑工程', '劳务', '物流', '餐饮管理', '农业开发', '信息技术', '装饰工程'] as const;
const SHOP_TRADES = ['副食店', '便利店', '小吃店', '五金店', '服装店'] as const;
const SCOPES = ['日用百货、五金交电销售', '建筑劳务分包；建筑材料销售', '普通货物道路运输；仓储服务', '餐饮服务；食品销售', '农产品种植、销售', '计算机软硬件开发及销售', '室内外装饰装修工程施工'];
const PLATE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

interface Lease {
  readonly start: string;
  readonly end: string;
  readonly status: string;
  readonly monthsOwed: number;
}

export const scenario: Scenario = {
  model: 'public_rental_housing',
  kinds: ['public_housing_tenant', 'vehicle_registration', 'property_registration', 'business_registration'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 1900, () => g.eligibleTenant());
    repeatScaled(ctx, 200, () => g.endedTenant());
    repeatScaled(ctx, 2800, () => g.nonTenant());
    plantWithNearMisses(ctx, g, 1);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  eligibleTenant(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 22, maxAge: 75 });
    this.tenant(p, this.inLease(rng.chance(0.8) ? 0 : rng.int(1, 5)));
    const r = rng.next();
    if (r < 0.06) this.vehicle(p, rng.pick(SMALL_VEHICLES), '正常');
    else if (r < 0.09) this.vehicle(p, rng.pick(CARS), rng.pick(['注销', '报废']));
    else if (r < 0.12) this.property(p, ctx.daysAgo(rng.int(1500, 4000)), ctx.daysAgo(rng.int(400, 1400)));
    else if (r < 0.16) this.business(p, '个体工商户', '存续');
    else if (r < 0.18) this.business(p, rng.pick(['有限责任公司（自然人独资）', '有限责任公司（自然人投资或控股）']), rng.pick(['注销', '吊销，未注销']));
  }

  endedTenant(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 22, maxAge: 75 });
    const end = ctx.daysAgo(rng.int(2, 700));
    this.tenant(p, { start: ctx.addDays(end, -1095), end, status: rng.pick(['已退租', '合同到期', '已腾退']), monthsOwed: rng.chance(0.85) ? 0 : rng.int(1, 14) });
    // Many left because they bought a flat or a car.
    if (rng.chance(0.4)) this.property(p, ctx.addDays(end, -rng.int(0, 200)), null);
    if (rng.chance(0.3)) this.vehicle(p, rng.pick(CARS), '正常');
  }

  nonTenant(): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 20, maxAge: 80 });
    const r = rng.next();
    if (r < 0.5) {
      this.vehicle(p, rng.chance(0.85) ? rng.pick(CARS) : rng.pick(SMALL_VEHICLES), rng.chance(0.9) ? '正常' : '注销');
      if (rng.chance(0.4)) this.property(p, ctx.daysAgo(rng.int(30, 5000)), null);
    } else if (r < 0.85) {
      this.property(p, ctx.daysAgo(rng.int(30, 5000)), rng.chance(0.1) ? ctx.daysAgo(rng.int(1, 29)) : null);
    } else {
      this.business(p, rng.chance(0.6) ? '有限责任公司（自然人投资或控股）' : '个体工商户', rng.chance(0.9) ? '存续' : '注销');
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const p = ctx.person({ minAge: 25, maxAge: 70 });
    const kind = i % 4;
    let note: string;
    if (kind === 3) {
      const months = i % 8 === 3 ? 6 : rng.int(7, 20);
      this.tenant(p, this.inLease(months));
      note = months === 6 ? '恰好欠租 6 个月（边界内）' : `欠租 ${months} 个月`;
    } else {
      this.tenant(p, this.inLease(rng.chance(0.8) ? 0 : rng.int(1, 5)));
      if (kind === 0) {
        this.vehicle(p, rng.pick(CARS), '正常');
        note = '名下有在用机动车';
      } else if (kind === 1) {
        this.property(p, ctx.daysAgo(rng.int(60, 900)), null);
        note = '名下有未注销的房屋产权';
      } else {
        this.business(p, rng.pick(['有限责任公司（自然人独资）', '有限责任公司（自然人投资或控股）']), '存续');
        note = '任在营公司的法定代表人';
      }
    }
    ctx.expectLead({ 't.id_number': p.idNumber }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const { rng } = ctx;
    this.tenant(ctx.person({ minAge: 25, maxAge: 70 }), this.inLease(5));
    ctx.nearMiss('欠租 5 个月（差一个月）');

    const moto = ctx.person({ minAge: 25, maxAge: 70 });
    this.tenant(moto, this.inLease(0));
    this.vehicle(moto, '普通二轮摩托车', '正常');
    ctx.nearMiss('名下仅有摩托车');

    const scrapped = ctx.person({ minAge: 25, maxAge: 70 });
    this.tenant(scrapped, this.inLease(0));
    this.vehicle(scrapped, '小型轿车', '注销');
    ctx.nearMiss('名下小型轿车已注销');

    const sold = ctx.person({ minAge: 25, maxAge: 70 });
    this.tenant(sold, this.inLease(0));
    this.property(sold, ctx.daysAgo(rng.int(2000, 4000)), ctx.daysAgo(rng.int(100, 900)));
    ctx.nearMiss('房屋产权已注销（已出售）');

    const shop = ctx.person({ minAge: 25, maxAge: 70 });
    this.tenant(shop, this.inLease(0));
    this.business(shop, '个体工商户', '存续');
    this.business(shop, '有限责任公司（自然人独资）', '注销');
    ctx.nearMiss('个体工商户经营者，另有一家已注销的公司');

    const left = ctx.person({ minAge: 25, maxAge: 70 });
    this.tenant(left, { start: ctx.daysAgo(1096), end: ctx.daysAgo(1), status: '在租', monthsOwed: 0 });
    this.vehicle(left, '小型轿车', '正常');
    ctx.nearMiss('有在用小型轿车，但租期已于运行日前一天届满');

    this.tenant(ctx.person({ minAge: 25, maxAge: 70 }), { start: ctx.daysAgo(900), end: ctx.addDays(ctx.asOf, 195), status: '已腾退', monthsOwed: 12 });
    ctx.nearMiss('欠租 12 个月，但已腾退');
  }

  // -------------------------------------------------------------------------------------------

  /** A three-year lease covering the run date (ending on it at the earliest). */
  private inLease(monthsOwed: number): Lease {
    const { ctx } = this;
    const end = ctx.addDays(ctx.asOf, ctx.rng.int(0, 1000));
    return { start: ctx.addDays(end, -1095), end, status: ctx.rng.chance(0.9) ? '在租' : '正常', monthsOwed };
  }

  private tenant(p: Person, lease: Lease): void {
    const { ctx } = this;
    const { rng } = ctx;
    const estate = rng.pick(ESTATES);
    const rent = rng.pick([180, 200, 220, 240, 260, 280, 300]);
    const code = ctx.serial('GZF');
    ctx.emit('public_housing_tenant', {
      id_number: p.idNumber,
      person_name: p.name,
      phone: p.phone,
      estate_name: estate.name,
      house_code: code,
      address: `${estate.address}${rng.int(1, 200)}号${rng.int(1, 12)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`,
      area: String(rng.int(38, 60)),
      lease_start: lease.start,
      lease_end: lease.end,
      rent,
      rent_owed: rent * lease.monthsOwed,
      months_owed: lease.monthsOwed,
      family_size: rng.int(1, 5),
      tenant_type: rng.pick(TENANT_TYPES),
      status: lease.status,
    });
  }

  private vehicle(p: Person, type: string, status: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    let n = Number(ctx.serial('贵F号牌').slice(-7));
    let plate = '';
    for (let k = 0; k < 5; k++) {
      plate = (PLATE_CHARS[n % PLATE_CHARS.length] as string) + plate;
      n = Math.floor(n / PLATE_CHARS.length);
    }
    ctx.emit('vehicle_registration', {
      id_number: p.idNumber,
      person_name: p.name,
      plate_no: `贵F${plate}`,
      plate_type: type.includes('摩托') ? '普通摩托车号牌' : type.includes('货车') ? '大型汽车号牌' : '小型汽车号牌',
      vehicle_type: type,
      brand: rng.pick(BRANDS),
      vin: ctx.serial('LVSHC2B'),
      use_nature: '非营运',
      registered_date: ctx.daysAgo(rng.int(60, 4000)),
      transfer_date: null,
      status,
      phone: p.phone,
      address: p.address,
    });
  }

  private property(p: Person, registered: string, deregistered: string | null): void {
    const { ctx } = this;
    const { rng } = ctx;
    ctx.emit('property_registration', {
      id_number: p.idNumber,
      person_name: p.name,
      certificate_no: `黔(${registered.slice(0, 4)})七星关区不动产权第${ctx.serial('七星关区不动产权')}号`,
      unit_no: null,
      address: `贵州省毕节市七星关区${rng.pick(['洪山路', '人民路', '招商大道', '学院路', '桂花路'])}${rng.int(1, 300)}号${rng.int(1, 20)}栋${rng.int(1, 30)}0${rng.int(1, 4)}室`,
      area: String(rng.int(45, 160)),
      usage: rng.chance(0.9) ? '住宅' : '商业服务',
      right_type: '国有建设用地使用权/房屋所有权',
      share: rng.chance(0.6) ? '单独所有' : '共同共有',
      acquired_method: rng.pick(['买卖', '买卖', '继承', '赠与']),
      registered_date: registered,
      deregistered_date: deregistered,
    });
  }

  private business(p: Person, entityType: string, status: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const individual = entityType.includes('个体');
    const org = ctx.org(individual ? { trade: rng.pick(SHOP_TRADES), suffix: '' } : { trade: rng.pick(COMPANY_TRADES), suffix: rng.chance(0.5) ? '有限公司' : '有限责任公司' });
    const registered = ctx.daysAgo(rng.int(200, 4000));
    const cancelled = status === '存续' ? null : ctx.addDays(registered, rng.int(100, 180));
    ctx.emit('business_registration', {
      uscc: org.uscc,
      reg_no: null,
      org_name: individual ? org.name.replace(/^毕节市/, '七星关区') : org.name,
      entity_type: entityType,
      legal_rep_name: p.name,
      legal_rep_id_number: p.idNumber,
      address: org.address,
      phone: p.phone,
      contact_name: p.name,
      registered_date: registered,
      approval_date: registered,
      status,
      cancelled_date: cancelled,
      business_scope: rng.pick(SCOPES),
      registered_capital: individual ? null : rng.pick([100000, 300000, 500000, 1000000, 2000000]),
      industry: null,
      authority: '七星关区市场监督管理局',
    });
  }
}
