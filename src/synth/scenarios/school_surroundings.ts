import { normalizeCode } from '../../normalize/code.js';
import { normalizeOrgName } from '../../normalize/org-name.js';
import type { Point, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';
import { belowCellBorder, emitSchool, round7 } from '../school-sites.js';

/**
 * 校园周边烟草销售网点 (model school_surroundings): tobacco retail licences × schools, 100 m.
 *
 * Background (≈ 2,900 rows per scale unit): about 100 schools and kindergartens, each at its own
 * site, with 20–36 licensed outlets between 300 m and 1,400 m from it (sites are 3.1 km apart, so
 * no outlet is within 1.6 km of another scenario's site). Planted: an outlet 15–99 m from a school
 * with a valid licence (one in four exactly 99 m, one in four 95 m away across a latitude
 * grid-cell border, one in four whose licence expires on the run date). Near misses around a school
 * placed 15 m south of a grid-cell border: an active outlet 101 m east, one 101 m north across the
 * border, one 60 m away whose licence was cancelled, one 80 m away whose licence expired yesterday.
 *
 * Only this scenario writes tobacco_retailer rows; school names never contain a word the
 * kindergarten-names model looks for.
 */

const DISTANCE_M = 100;
/** The latitude cell height the compiled `near` uses for this distance (sql-compiler.ts). */
const CELL_DEG = DISTANCE_M / 111_000;

const SHOP_TRADES = ['便利店', '超市', '烟酒店', '副食店', '百货商店', '食杂店'] as const;
const BUSINESS_TYPES = ['便利店', '超市', '食杂店', '烟酒商店', '其他'] as const;

export const scenario: Scenario = {
  model: 'school_surroundings',
  kinds: ['school', 'tobacco_retailer'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 100, () => g.background(), 1);
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const school = emitSchool(ctx, ctx.site());
    const outlets = ctx.rng.int(20, 36);
    for (let i = 0; i < outlets; i++) {
      const status = ctx.rng.chance(0.06) ? ctx.rng.pick(['停业', '已注销', '歇业']) : '有效';
      this.outlet(ctx.offset(school.at, ctx.rng.int(300, 1400) + ctx.rng.next(), ctx.rng.next() * 360), { status });
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const kind = i % 4;
    const school = kind === 1 ? emitSchool(ctx, belowCellBorder(ctx.site(), CELL_DEG)) : emitSchool(ctx, ctx.site());
    const metres = kind === 0 ? 99 : kind === 1 ? 95 : ctx.rng.int(15, 97) + ctx.rng.next();
    const bearing = kind === 1 ? 0 : ctx.rng.next() * 360;
    const validUntil = kind === 2 ? ctx.asOf : null;
    const licence = this.outlet(ctx.offset(school.at, metres, bearing), { status: '有效', validUntil });
    const note =
      kind === 0
        ? '售烟网点距学校 99 米（刚在 100 米以内）'
        : kind === 1
          ? '售烟网点在学校正北 95 米，两点分处相邻的两个网格（跨网格边界）'
          : kind === 2
            ? `售烟网点距学校 ${Math.floor(metres)} 米，许可证有效期至运行当日（仍有效）`
            : `售烟网点距学校 ${Math.floor(metres)} 米`;
    ctx.expectLead({ 'shop.licence_no': normalizeCode(licence) ?? licence, 'school.org_name': normalizeOrgName(school.name) ?? school.name }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const school = emitSchool(ctx, belowCellBorder(ctx.site(), CELL_DEG));
    this.outlet(ctx.offset(school.at, 101, 90), { status: '有效' });
    ctx.nearMiss('有效售烟网点在学校正东 101 米（刚超出 100 米）');
    this.outlet(ctx.offset(school.at, 101, 0), { status: '有效' });
    ctx.nearMiss('有效售烟网点在学校正北 101 米，跨网格边界（刚超出 100 米）');
    this.outlet(ctx.offset(school.at, 60, 200), { status: '已注销' });
    ctx.nearMiss('距学校 60 米的售烟网点，许可证已注销');
    this.outlet(ctx.offset(school.at, 80, 300), { status: '有效', validUntil: ctx.daysAgo(1) });
    ctx.nearMiss('距学校 80 米的售烟网点，许可证有效期至运行日前一天（已过期）');
  }

  // -------------------------------------------------------------------------------------------

  /** Moves a site 15 m south of the nearest latitude grid-cell border to its north. */
  /** Writes one tobacco retail licence at `at` and returns its licence number. */
  private outlet(at: Point, opts: { status: string; validUntil?: string | null }): string {
    const { ctx } = this;
    const { rng } = ctx;
    const org = ctx.org({ trade: rng.pick(SHOP_TRADES), suffix: '' });
    const licence = ctx.serial('52050');
    const issued = ctx.daysAgo(rng.int(30, 2500));
    const validUntil = opts.validUntil !== undefined ? opts.validUntil : rng.chance(0.1) ? null : ctx.addDays(issued, 1825 + rng.int(0, 30));
    ctx.emit('tobacco_retailer', {
      licence_no: licence,
      org_name: org.name.replace(/^毕节市/, '七星关区'),
      legal_rep_name: org.legalRep.name,
      legal_rep_id_number: org.legalRep.idNumber,
      uscc: null,
      phone: org.legalRep.phone,
      address: org.address,
      lat: round7(at.lat),
      lng: round7(at.lng),
      business_type: rng.pick(BUSINESS_TYPES),
      issue_date: issued,
      // A background licence that would have lapsed is renewed: only planted rows and near misses expire.
      valid_until: validUntil !== null && validUntil < ctx.asOf && opts.validUntil === undefined ? ctx.addDays(ctx.asOf, rng.int(30, 1800)) : validUntil,
      status: opts.status,
    });
    return licence;
  }
}
