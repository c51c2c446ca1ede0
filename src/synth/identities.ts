import { idCardCheckChar } from '../normalize/idcard.js';
import { usccCheckChar } from '../normalize/uscc.js';
import type { Org, OrgOptions, Person, PersonOptions, Rng } from './scenario.js';
import { addDays, dayNumber, daysBetween } from './dates.js';

const SURNAMES: readonly string[] = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN: readonly string[] = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文辉林鹏飞鑫宇浩然子涵欣怡雨轩梓萱思远俊杰晨阳佳琪诗雅婷颖慧敏德福顺祥海波兴旺春燕秋菊冬梅'];
const TOWNS = ['洪山街道', '观音桥街道', '碧阳街道', '三板桥街道', '大新桥街道', '海子街街道', '鸭池镇', '朱昌镇', '长春堡镇', '撒拉溪镇', '杨家湾镇', '放珠镇', '龙场营镇', '燕子口镇', '亮岩镇', '田坝镇'];
const ROADS = ['人民路', '建设路', '中华路', '桂花路', '麻园路', '洪山路', '松山路', '威宁路', '招商大道', '学院路', '鸭池大道', '开行路'];
const BRAND = '宏鑫盛达兴隆源泰恒通华亿联创伟业金鼎瑞丰安康顺和嘉德信诚永昌聚富博远天成新欣腾跃同辉汇丰众合宇航明峰正中浩然凯旋祥云锦程乾坤鸿运卓越';
const BRAND_CHARS: readonly string[] = [...new Set(BRAND)];
const TRADES = ['商贸', '建筑工程', '建设', '劳务', '房地产开发', '物流', '餐饮管理', '农业开发', '矿业', '信息技术', '装饰工程', '市政工程', '酒店管理', '医药', '机械设备'];

/** County codes of the synthetic county's region (毕节市 and its counties). */
export const REGION_CODES = ['520502', '520521', '520523', '520524', '520525', '520526', '520527', '520581'] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A bijection on [0, p): multiplication by a unit mod a prime, so counters look random but never repeat. */
function scramble(n: number, p: number, k: number): number {
  // Split k so each partial product stays below 2^53 (n < p < 2^30, k < 2^17).
  const hi = Math.floor(k / 256);
  const lo = k % 256;
  return (((n * hi) % p) * 256 + n * lo) % p;
}

/**
 * Hands out people and organisations that are unique in the county: ID numbers by a counter per
 * (region, birth date), phones and credit codes by scrambled counters, organisation names by
 * a scrambled brand counter per trade. Memory grows with distinct birth dates, not with people.
 */
export class IdentityFactory {
  private readonly sequenceByBirth = new Map<number, number>();
  private personCount = 0;
  private orgCount = 0;
  private readonly brandCount = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly asOf: string,
  ) {}

  person(options: PersonOptions = {}): Person {
    const sex = options.sex ?? (this.rng.chance(0.5) ? 'M' : 'F');
    const birthDate = options.birthDate ?? this.birthDate(options.minAge ?? 18, options.maxAge ?? 80);
    const idNumber = this.idNumber(birthDate, sex);
    const n = this.personCount++;
    const name = this.rng.pick(SURNAMES) + this.rng.pick(GIVEN) + (this.rng.chance(0.7) ? this.rng.pick(GIVEN) : '');
    return { idNumber, name, birthDate, sex, phone: this.phone(n), address: this.address() };
  }

  org(options: OrgOptions = {}): Org {
    const trade = options.trade ?? this.rng.pick(TRADES);
    const suffix = options.suffix ?? '有限公司';
    const k = this.brandCount.get(trade) ?? 0;
    this.brandCount.set(trade, k + 1);
    const n = this.orgCount++;
    const legalRep = this.person({ minAge: 28, maxAge: 65 });
    return { name: `毕节市${this.brand(k)}${trade}${suffix}`, uscc: this.uscc(n), legalRep, phone: this.landline(n), address: this.address() };
  }

  address(): string {
    return `贵州省毕节市七星关区${this.rng.pick(TOWNS)}${this.rng.pick(ROADS)}${this.rng.int(1, 399)}号`;
  }

  private readonly birthRanges = new Map<string, readonly [earliest: string, span: number]>();

  private birthDate(minAge: number, maxAge: number): string {
    // Born between (asOf − (maxAge+1) years + 1 day) and (asOf − minAge years).
    const key = `${minAge}:${maxAge}`;
    let range = this.birthRanges.get(key);
    if (!range) {
      const latest = shiftYears(this.asOf, -minAge);
      const earliest = addDays(shiftYears(this.asOf, -(maxAge + 1)), 1);
      this.birthRanges.set(key, (range = [earliest, daysBetween(earliest, latest)]));
    }
    return addDays(range[0], this.rng.int(0, range[1]));
  }

  private idNumber(birthDate: string, sex: 'M' | 'F'): string {
    const day = dayNumber(birthDate);
    const digits = birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10);
    const start = this.rng.int(0, REGION_CODES.length - 1);
    for (let k = 0; k < REGION_CODES.length; k++) {
      const r = (start + k) % REGION_CODES.length;
      // A numeric key per (region, birth date, sex): cheaper than a string in a map this large.
      const key = (day * REGION_CODES.length + r) * 2 + (sex === 'M' ? 1 : 0);
      const used = this.sequenceByBirth.get(key) ?? 0;
      if (used >= 500) continue;
      this.sequenceByBirth.set(key, used + 1);
      const seq = used * 2 + (sex === 'M' ? 1 : 2);
      const first17 = `${REGION_CODES[r] as string}${digits}${pad(seq, 3)}`;
      return first17 + idCardCheckChar(first17);
    }
    throw new Error(`同一出生日期的身份证号已用尽：${birthDate}`);
  }

  private phone(n: number): string {
    return `1${this.rng.pick(['3', '5', '8'])}${pad(scramble(n + 1, 999_999_937, 48_271), 9)}`;
  }

  /** 0857 (毕节) + a seven-digit local number starting 2–9, as local numbers do. */
  private landline(n: number): string {
    return `0857-${2_000_000 + scramble(n + 1, 8_000_000, 16_807)}`;
  }

  /** 91 + region + 8-digit organisation body + its GB 11714 check + the GB 32100 check. */
  private uscc(n: number): string {
    const body = pad(scramble(n + 1, 99_999_989, 69_621), 8);
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(body[i]) * (weights[i] as number);
    const c = 11 - (sum % 11);
    const orgCheck = c === 10 ? 'X' : c === 11 ? '0' : String(c);
    const first17 = `91${this.rng.pick(REGION_CODES)}${body}${orgCheck}`;
    return first17 + usccCheckChar(first17);
  }

  /** Two or three brand characters, distinct per trade for the first 58³ companies. */
  private brand(k: number): string {
    const b = BRAND_CHARS;
    const base = b.length;
    const size = base * base * base;
    const m = (((k % size) * 7919 + 104_729) % size + size) % size; // 7919 is coprime with size: a bijection
    const three = `${b[m % base]}${b[Math.floor(m / base) % base]}${b[Math.floor(m / (base * base)) % base]}`;
    return k < base * base * base ? three : `${three}${Math.floor(k / (base * base * base)) + 1}`;
  }
}

function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${pad(m, 2)}-${pad(Math.min(d, last), 2)}`;
}
