import { normalizeOrgName } from '../../normalize/org-name.js';
import type { Point, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';
import { belowCellBorder, emitSchool, round7 } from '../school-sites.js';

/**
 * 校园周边娱乐场所 (model school_surroundings_entertainment): entertainment venues (KTV, internet
 * cafés, bars, game halls) × schools, 200 m.
 *
 * Background (≈ 2,000 rows per scale unit): about 80 schools and kindergartens, each at its own
 * site, with 16–32 venues between 300 m and 1,400 m from it (sites are 3.1 km apart, so no venue is
 * within 1.6 km of another scenario's site). Planted: a venue in business 20–199 m from a school
 * (one in four exactly 199 m, one in four 190 m away across a latitude grid-cell border). Near
 * misses around a school placed 15 m south of a grid-cell border: a venue 201 m east, one 201 m
 * north across the border, one 120 m away that was deregistered, one 150 m away that closed down.
 *
 * Only the school-surroundings scenarios write school rows with venues; school names share the
 * tobacco scenario's serial so no two schools are named alike, and never contain a word the
 * kindergarten-names model looks for.
 */

const DISTANCE_M = 200;
/** The latitude cell height the compiled `near` uses for this distance (sql-compiler.ts). */
const CELL_DEG = DISTANCE_M / 111_000;

const VENUES = [
  { trade: 'KTV', type: '歌舞娱乐场所', licence: '娱经字' },
  { trade: '量贩式KTV', type: '歌舞娱乐场所', licence: '娱经字' },
  { trade: '网咖', type: '互联网上网服务营业场所', licence: '网文' },
  { trade: '网吧', type: '互联网上网服务营业场所', licence: '网文' },
  { trade: '酒吧', type: '酒吧', licence: null },
  { trade: '清吧', type: '酒吧', licence: null },
  { trade: '游艺城', type: '游艺娱乐场所', licence: '娱经字' },
  { trade: '电玩城', type: '游艺娱乐场所', licence: '娱经字' },
] as const;

export const scenario: Scenario = {
  model: 'school_surroundings_entertainment',
  kinds: ['school', 'entertainment_venue'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 80, () => g.background(), 1);
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const school = emitSchool(ctx, ctx.site());
    const venues = ctx.rng.int(16, 32);
    for (let i = 0; i < venues; i++) {
      const status = ctx.rng.chance(0.06) ? ctx.rng.pick(['停业', '已注销', '歇业']) : ctx.rng.pick(['正常营业', '营业', '开业']);
      this.venue(ctx.offset(school.at, ctx.rng.int(300, 1400) + ctx.rng.next(), ctx.rng.next() * 360), status);
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const kind = i % 4;
    const school = kind === 1 ? emitSchool(ctx, belowCellBorder(ctx.site(), CELL_DEG)) : emitSchool(ctx, ctx.site());
    const metres = kind === 0 ? 199 : kind === 1 ? 190 : ctx.rng.int(20, 197) + ctx.rng.next();
    const bearing = kind === 1 ? 0 : ctx.rng.next() * 360;
    const name = this.venue(ctx.offset(school.at, metres, bearing), ctx.rng.pick(['正常营业', '营业', '开业']));
    const note =
      kind === 0
        ? '娱乐场所距学校 199 米（刚在 200 米以内）'
        : kind === 1
          ? '娱乐场所在学校正北 190 米，两点分处相邻的两个网格（跨网格边界）'
          : `娱乐场所距学校 ${Math.floor(metres)} 米`;
    ctx.expectLead({ 'venue.org_name': normalizeOrgName(name) ?? name, 'school.org_name': normalizeOrgName(school.name) ?? school.name }, note);
  }

  nearMisses(): void {
    const { ctx } = this;
    const school = emitSchool(ctx, belowCellBorder(ctx.site(), CELL_DEG));
    this.venue(ctx.offset(school.at, 201, 90), '正常营业');
    ctx.nearMiss('营业中的娱乐场所在学校正东 201 米（刚超出 200 米）');
    this.venue(ctx.offset(school.at, 201, 0), '正常营业');
    ctx.nearMiss('营业中的娱乐场所在学校正北 201 米，跨网格边界（刚超出 200 米）');
    this.venue(ctx.offset(school.at, 120, 200), '已注销');
    ctx.nearMiss('距学校 120 米的娱乐场所，已注销');
    this.venue(ctx.offset(school.at, 150, 300), '停业');
    ctx.nearMiss('距学校 150 米的娱乐场所，已停业');
  }

  // -------------------------------------------------------------------------------------------

  /** Moves a site 15 m south of the nearest latitude grid-cell border to its north. */
  /** Writes one entertainment venue at `at` and returns its name. */
  private venue(at: Point, status: string): string {
    const { ctx } = this;
    const { rng } = ctx;
    const v = rng.pick(VENUES);
    const org = ctx.org({ trade: v.trade, suffix: '' });
    const name = org.name.replace(/^毕节市/, '七星关区');
    ctx.emit('entertainment_venue', {
      org_name: name,
      venue_type: v.type,
      licence_no: v.licence ? `${v.licence}${ctx.serial('520502')}号` : null,
      uscc: org.uscc,
      legal_rep_name: org.legalRep.name,
      phone: org.legalRep.phone,
      address: org.address,
      lat: round7(at.lat),
      lng: round7(at.lng),
      issue_date: ctx.daysAgo(rng.int(60, 3000)),
      status,
    });
    return name;
  }
}
