import { normalizeCode } from '../../normalize/code.js';
import type { Person, Scenario, ScenarioContext } from '../scenario.js';
import { plantWithNearMisses, repeatScaled } from '../scenario-counts.js';

/**
 * 刑事"挂案"清理 (model hanging_criminal_cases): police criminal case registrations × closures.
 *
 * Background (≈ 3,900 cases, ≈ 6,000 rows per scale unit): cases filed years ago and closed
 * (withdrawn, sent for prosecution, investigation terminated), cases filed within the last year
 * that are still open or already closed. Planted: cases filed 730 days ago or more with no closure
 * at all (one in four exactly 730 days ago). Near misses: an open case filed 729 days ago; a case
 * filed exactly 730 days ago that was closed yesterday.
 *
 * Every registration that is not planted is either filed within the last 365 days or closed, as
 * the other scenarios that write police registrations also guarantee.
 */

const CASE_PREFIX = 'A5205021';

const UNITS = [
  '毕节市公安局七星关分局洪山派出所',
  '毕节市公安局七星关分局观音桥派出所',
  '毕节市公安局七星关分局碧阳派出所',
  '毕节市公安局七星关分局三板桥派出所',
  '毕节市公安局七星关分局大新桥派出所',
  '毕节市公安局七星关分局海子街派出所',
  '毕节市公安局七星关分局刑事侦查大队',
  '毕节市公安局七星关分局经济犯罪侦查大队',
  '大方县公安局城关派出所',
] as const;

interface Offence {
  readonly type: string;
  readonly charge: string;
  readonly victim: boolean;
  readonly summary: string;
}

const OFFENCES: readonly Offence[] = [
  { type: '盗窃案', charge: '盗窃罪', victim: true, summary: '被盗电动车一辆' },
  { type: '盗窃案', charge: '盗窃罪', victim: true, summary: '入户盗窃现金及首饰' },
  { type: '诈骗案', charge: '诈骗罪', victim: true, summary: '以介绍工作为名骗取钱款' },
  { type: '电信网络诈骗案', charge: '诈骗罪', victim: true, summary: '冒充客服退款骗取转账' },
  { type: '寻衅滋事案', charge: '寻衅滋事罪', victim: true, summary: '在烧烤摊随意殴打他人' },
  { type: '故意毁坏财物案', charge: '故意毁坏财物罪', victim: true, summary: '砸毁他人车辆' },
  { type: '抢夺案', charge: '抢夺罪', victim: true, summary: '驾驶摩托车抢夺手机' },
  { type: '非法拘禁案', charge: '非法拘禁罪', victim: true, summary: '为索要赌债限制他人人身自由' },
  { type: '交通肇事案', charge: '交通肇事罪', victim: true, summary: '驾车致一人死亡后逃逸' },
  { type: '开设赌场案', charge: '开设赌场罪', victim: false, summary: '在出租屋内组织赌博' },
  { type: '危险驾驶案', charge: '危险驾驶罪', victim: false, summary: '醉酒驾驶机动车' },
  { type: '非法持有毒品案', charge: '非法持有毒品罪', victim: false, summary: '查获甲基苯丙胺' },
];

const SOURCES = ['群众报案', '被害人控告', '110 指令', '工作中发现', '上级交办', '扭送'] as const;

const CLOSURES = [
  { type: '移送审查起诉', document: '起诉意见书', reason: '犯罪事实清楚，证据确实充分' },
  { type: '移送审查起诉', document: '起诉意见书', reason: '犯罪事实清楚，证据确实充分' },
  { type: '撤销案件', document: '撤销案件决定书', reason: '没有犯罪事实' },
  { type: '撤销案件', document: '撤销案件决定书', reason: '情节显著轻微、危害不大，不认为是犯罪' },
  { type: '终止侦查', document: '终止侦查决定书', reason: '犯罪嫌疑人死亡' },
] as const;

export const scenario: Scenario = {
  model: 'hanging_criminal_cases',
  kinds: ['police_case_registration', 'police_case_closure'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    repeatScaled(ctx, 3900, () => g.background());
    plantWithNearMisses(ctx, g);
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  background(): void {
    const { ctx } = this;
    const r = ctx.rng.next();
    if (r < 0.45) {
      // Filed more than a year ago and closed since.
      const filed = ctx.daysAgo(ctx.rng.int(366, 3600));
      const caseNo = this.register(filed, '已结案');
      this.close(caseNo, filed);
    } else if (r < 0.55) {
      const filed = ctx.daysAgo(ctx.rng.int(10, 364));
      const caseNo = this.register(filed, '已结案');
      this.close(caseNo, filed);
    } else {
      // Filed within the last year and still under investigation: not (yet) a hanging case.
      this.register(ctx.daysAgo(ctx.rng.int(0, 364)), '侦查中');
    }
  }

  planted(i: number): void {
    const { ctx } = this;
    const days = i % 4 === 0 ? 730 : ctx.rng.int(731, 4000);
    const caseNo = this.register(ctx.daysAgo(days), ctx.rng.pick(['侦查中', '立案', '侦查中']));
    ctx.expectLead(
      { 'reg.case_no': normalizeCode(caseNo) ?? caseNo },
      days === 730 ? '立案恰满 730 天，无撤案、结案或移送记录（边界在内）' : `立案 ${days} 天，无撤案、结案或移送记录`,
    );
  }

  nearMisses(): void {
    const { ctx } = this;
    this.register(ctx.daysAgo(729), '侦查中');
    ctx.nearMiss('立案满 729 天、尚无处理记录：差一天才到两年');

    const filed = ctx.daysAgo(730);
    const caseNo = this.register(filed, '已结案');
    this.close(caseNo, filed, ctx.daysAgo(1));
    ctx.nearMiss('立案恰满 730 天，但昨天已撤案或移送');
  }

  // -------------------------------------------------------------------------------------------

  private register(filed: string, status: string): string {
    const { ctx } = this;
    const { rng } = ctx;
    const offence = rng.pick(OFFENCES);
    const suspect: Person | null = rng.chance(0.75) ? ctx.person({ minAge: 18, maxAge: 65 }) : null;
    const victim: Person | null = offence.victim && rng.chance(0.8) ? ctx.person() : null;
    const caseNo = ctx.serial(CASE_PREFIX);
    const occurred = ctx.addDays(filed, -rng.int(0, 40));
    const accepted = ctx.addDays(filed, -rng.int(0, 7));
    const named = suspect ? `${suspect.name.charAt(0)}某` : '';
    ctx.emit('police_case_registration', {
      case_no: caseNo,
      case_name: suspect ? `${named}${offence.type}` : `${victim ? `${victim.name.charAt(0)}某被` : ''}${offence.type.replace(/案$/, '')}案`,
      case_type: '刑事案件',
      charge: offence.charge,
      occurred_date: occurred,
      accepted_date: accepted < occurred ? occurred : accepted,
      filed_date: filed,
      status,
      handling_unit: rng.pick(UNITS),
      source: rng.pick(SOURCES),
      summary: offence.summary,
      suspect_name: suspect?.name ?? null,
      suspect_id_number: suspect?.idNumber ?? null,
      suspect_org_name: null,
      victim_name: victim?.name ?? null,
      victim_id_number: victim?.idNumber ?? null,
    });
    return caseNo;
  }

  private close(caseNo: string, filed: string, on?: string): void {
    const { ctx } = this;
    const { rng } = ctx;
    const c = rng.pick(CLOSURES);
    let date = on ?? ctx.addDays(filed, rng.int(20, 700));
    if (date > ctx.asOf) date = ctx.asOf;
    ctx.emit('police_case_closure', {
      case_no: caseNo,
      closure_type: c.type,
      closure_date: date,
      reason: c.reason,
      handling_unit: rng.pick(UNITS),
      document_no: `${ctx.serial(`毕七公${c.type === '移送审查起诉' ? '诉' : '撤'}字〔${date.slice(0, 4)}〕`)}号`,
    });
  }
}
