import { normalizeOrgName } from '../../normalize/org-name.js';
import type { Point, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';
import { ROADS, chineseNumber } from '../school-sites.js';

/**
 * 幼儿园名称专项监督 (model kindergarten_names): the education bureau's school register.
 *
 * Background (≈ 3,000 rows per scale unit): public kindergartens
 * (毕节市七星关区第N幼儿园), private ones with an ordinary brand and a branch number, primary and
 * junior middle schools. Planted: kindergartens whose names carry a word the model looks for
 * (国际, 双语, 贵族, 蒙特梭利, 艺术, 国学, 全球, or Latin letters); one typed 学前教育 instead of
 * 幼儿园, one with no school type at all (found by its name). Near misses: a primary school named
 * 国际; a primary school on 中华路; a kindergarten named 华艺 (艺 without 术).
 *
 * No background name contains a listed word (checked as names are made): the words are the
 * model's default list.
 *
 * Schools share sites, 25 to a site, each within 1.2 km of it: a site of its own for every school
 * would need 900,000 sites at scale 300, four times what the county's site grid holds. Nothing of
 * another scenario lies within 1.4 km of its own site and sites are 3.1 km apart, so every school
 * here is still at least 500 m from any other scenario's outlet or venue.
 */

const SCHOOLS_PER_SITE = 25;
const CLUSTER_RADIUS_M = 1200;

/** The model's default words (src/library/kindergarten-names/model.yaml). */
const LISTED = ['中国', '中华', '全国', '国际', '世界', '全球', '环球', '国家', '双语', '中英', '艺术', '国学', '私塾', '贵族', '皇家', '蒙特梭利', '蒙台梭利', '哈佛', '剑桥', '牛津', '英伦'];

const TOWNS = ['洪山', '观音桥', '碧阳', '三板桥', '大新桥', '海子街', '鸭池', '朱昌', '长春堡', '撒拉溪', '杨家湾', '放珠', '龙场营', '燕子口', '亮岩', '田坝'];
const BRANDS = ['春苗', '小太阳', '金贝贝', '阳光', '童心', '启航', '小博士', '蓓蕾', '向日葵', '七彩虹', '小天鹅', '快乐童年', '爱心', '新苗', '欣欣', '书香', '晨曦', '明珠', '彩虹桥', '小红花'];
const SPONSOR_TRADES = ['教育咨询', '文化传播', '教育科技'];

/** Planted names: the listed word, the school type written in the register, a note. */
const PLANTED = [
  { word: '国际', type: '幼儿园', note: '名称含“国际”' },
  { word: '双语', type: '幼儿园', note: '以“双语”作课程标签' },
  { word: '贵族', type: '学前教育', note: '学校类型写作“学前教育”，名称含“贵族”' },
  { word: '蒙特梭利', type: null, note: '学校类型为空，按名称中的“幼儿园”认定；含外国人名“蒙特梭利”' },
  { word: 'Kids', type: '幼儿园', note: '名称含外文字母' },
  { word: '艺术', type: '幼儿园', note: '以“艺术”作课程标签' },
  { word: '国学', type: '幼儿园', note: '以“国学”作课程标签' },
  { word: '全球', type: '幼儿园', note: '名称含“全球”' },
] as const;

export const scenario: Scenario = {
  model: 'kindergarten_names',
  kinds: ['school'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 2990, () => g.background());
    plantWithNearMisses(ctx, g, 1);
  },
};

class Generator {
  private site: Point | null = null;
  private onSite = 0;

  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { rng } = this.ctx;
    const r = rng.next();
    if (r < 0.3) this.emit(`毕节市七星关区第${this.number()}幼儿园`, '幼儿园', '公办');
    else if (r < 0.7) this.emit(`七星关区${rng.pick(BRANDS)}幼儿园${rng.pick(TOWNS)}第${this.number()}分园`, rng.chance(0.9) ? '幼儿园' : '学前教育', '民办');
    else if (r < 0.9) this.emit(`毕节市七星关区${rng.pick(TOWNS)}第${this.number()}完全小学`, '小学', '公办');
    else this.emit(`毕节市七星关区${rng.pick(TOWNS)}第${this.number()}初级中学`, '初级中学', '公办');
  }

  planted(i: number): void {
    const { ctx } = this;
    const p = PLANTED[i % PLANTED.length] as (typeof PLANTED)[number];
    const name = `七星关区${ctx.rng.pick(BRANDS)}${p.word}幼儿园${ctx.rng.pick(TOWNS)}第${this.number()}分园`;
    this.emit(name, p.type, '民办', true);
    ctx.expectLead({ 'school.org_name': normalizeOrgName(name) ?? name }, p.note);
  }

  nearMisses(): void {
    const { ctx } = this;
    this.emit(`七星关区${ctx.rng.pick(TOWNS)}国际第${this.number()}完全小学`, '小学', '民办', true);
    ctx.nearMiss('名称含“国际”的小学（不是幼儿园）');
    this.emit(`毕节市七星关区中华路第${this.number()}完全小学`, '小学', '公办', true);
    ctx.nearMiss('名称含“中华”（路名）的小学（不是幼儿园）');
    this.emit(`七星关区华艺幼儿园${ctx.rng.pick(TOWNS)}第${this.number()}分园`, '幼儿园', '民办');
    ctx.nearMiss('名称含“艺”但不含“艺术”的幼儿园');
  }

  // -------------------------------------------------------------------------------------------

  private number(): string {
    return chineseNumber(Number(this.ctx.serial('七星关区幼儿园名册').slice(-7)));
  }

  private emit(name: string, type: string | null, ownership: '公办' | '民办', listed = false): void {
    const { ctx } = this;
    const { rng } = ctx;
    if (!listed && LISTED.some((w) => name.includes(w))) throw new Error(`幼儿园名称场景：背景名称含有禁用字样：${name}`);
    if (this.site === null || this.onSite >= SCHOOLS_PER_SITE) {
      this.site = ctx.site();
      this.onSite = 0;
    }
    this.onSite++;
    const at = ctx.offset(this.site, rng.next() * CLUSTER_RADIUS_M, rng.next() * 360);
    const principal = ctx.person({ minAge: 28, maxAge: 58 });
    const sponsor = ownership === '公办' ? '毕节市七星关区教育局' : rng.chance(0.5) ? ctx.person({ minAge: 30, maxAge: 60 }).name : ctx.org({ trade: rng.pick(SPONSOR_TRADES) }).name;
    const kindergarten = type === null || type.includes('幼儿园') || type.includes('学前');
    ctx.emit('school', {
      org_name: name,
      school_type: type,
      ownership,
      sponsor_name: sponsor,
      uscc: null,
      licence_no: ownership === '民办' ? `教民${ctx.serial('1520502')}号` : null,
      principal_name: principal.name,
      phone: principal.phone,
      address: `贵州省毕节市七星关区${rng.pick(TOWNS)}${rng.pick(ROADS)}${rng.int(1, 299)}号`,
      lat: Number(at.lat.toFixed(7)),
      lng: Number(at.lng.toFixed(7)),
      student_count: kindergarten ? rng.int(40, 420) : rng.int(150, 2400),
    });
  }
}
