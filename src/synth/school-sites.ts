import type { Point, ScenarioContext } from './scenario.js';

/**
 * Schools for the school-surroundings scenarios (tobacco outlets, entertainment venues) and the
 * naming helpers the kindergarten scenario shares: one register of schools named by a county-wide
 * serial, so no two scenarios name a school alike.
 */

const SCHOOL_TYPES = [
  { type: '小学', suffix: '小学', students: [200, 1800] },
  { type: '小学', suffix: '小学', students: [200, 1800] },
  { type: '初级中学', suffix: '中学', students: [600, 2500] },
  { type: '九年一贯制学校', suffix: '学校', students: [500, 2000] },
  { type: '幼儿园', suffix: '幼儿园', students: [60, 400] },
  { type: '幼儿园', suffix: '幼儿园', students: [60, 400] },
] as const;

const TOWNS = ['洪山街道', '观音桥街道', '碧阳街道', '三板桥街道', '大新桥街道', '海子街街道', '鸭池镇', '朱昌镇', '长春堡镇', '撒拉溪镇', '杨家湾镇', '放珠镇'];

/** Road names for the county's street addresses. */
export const ROADS = ['人民路', '建设路', '桂花路', '麻园路', '洪山路', '松山路', '威宁路', '招商大道', '学院路', '开行路', '翠屏路', '百花路'];

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 105 → 一百零五: how school numbers are written. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`;
  }
  const rest = n % 1000;
  return `${chineseNumber(Math.floor(n / 1000))}千${rest === 0 ? '' : rest < 100 ? `零${chineseNumber(rest)}` : chineseNumber(rest)}`;
}

/** A coordinate as agencies export it: seven decimals. */
export function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

export interface School {
  readonly name: string;
  readonly at: Point;
}

/** Writes one school or kindergarten at `at` and returns its name and place. */
export function emitSchool(ctx: ScenarioContext, at: Point): School {
  const { rng } = ctx;
  const t = rng.pick(SCHOOL_TYPES);
  const n = Number(ctx.serial('七星关区校园周边').slice(-7));
  const town = rng.pick(TOWNS);
  const name = `毕节市七星关区${town}第${chineseNumber(n)}${t.suffix}`;
  ctx.emit('school', {
    org_name: name,
    school_type: t.type,
    ownership: rng.chance(0.8) ? '公办' : '民办',
    sponsor_name: '毕节市七星关区教育局',
    uscc: null,
    licence_no: null,
    principal_name: ctx.person({ minAge: 30, maxAge: 58 }).name,
    phone: null,
    address: `贵州省毕节市七星关区${town}${rng.pick(ROADS)}${rng.int(1, 299)}号`,
    lat: round7(at.lat),
    lng: round7(at.lng),
    student_count: rng.int(t.students[0], t.students[1]),
  });
  return { name, at };
}

/** The point 15 m south of the latitude grid-cell border above `p`, for cells `cellDeg` degrees high. */
export function belowCellBorder(p: Point, cellDeg: number): Point {
  const border = Math.ceil(p.lat / cellDeg) * cellDeg;
  return { lat: border - 15 / 111_000, lng: p.lng };
}
