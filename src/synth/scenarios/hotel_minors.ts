import { normalizeCode } from '../../normalize/code.js';
import type { Person, Scenario, ScenarioContext } from '../scenario.js';

/**
 * 旅馆业违规接纳未成年人 (model hotel_minors): hotel check-ins (and the hotel roster, each hotel on
 * its own site, far from any school).
 *
 * Background (≈ 20 hotels and ≈ 15,000 check-ins per scale unit): adults alone or with a partner,
 * friend or colleague; minors whose guardian and guardian's phone the hotel recorded; minors
 * staying with a parent or grandparent; minors with a school friend, the relationship recorded.
 * Planted: minors alone with no guardian contact (one of them twice in the same hotel, which makes
 * one lead), a guest one day short of 18, a minor sharing a room with an adult whose relationship
 * was not asked. Near misses: a guest checking in on his 18th birthday; a minor with a guardian's
 * phone; a minor with her mother; a minor with a friend, relationship and guardian recorded.
 */

const KINDS = ['宾馆', '快捷酒店', '商务酒店', '大酒店', '旅社', '民宿'] as const;
const PARTNERS = ['夫妻', '朋友', '同事', '亲属', '情侣'] as const;
const PARENTS = [
  { relation: '母子', sex: 'F' as const },
  { relation: '母女', sex: 'F' as const },
  { relation: '父子', sex: 'M' as const },
  { relation: '父女', sex: 'M' as const },
  { relation: '祖孙（爷爷）', sex: 'M' as const },
  { relation: '祖孙（奶奶）', sex: 'F' as const },
];

interface Hotel {
  readonly code: string;
  readonly name: string;
  readonly rooms: number;
}

export const scenario: Scenario = {
  model: 'hotel_minors',
  kinds: ['hotel', 'hotel_checkin'],
  generate(ctx: ScenarioContext): void {
    const g = new Generator(ctx);
    const hotels = Math.max(2, Math.round(20 * ctx.scale));
    const checkins = Math.round(14980 * ctx.scale);
    const planted = Math.max(1, Math.round(8 * ctx.scale));
    const misses = Math.max(1, Math.round(2 * ctx.scale));
    // Hotel by hotel, so nothing proportional to the scale is kept.
    for (let h = 0; h < hotels; h++) {
      const hotel = g.hotel();
      const share = Math.floor(((h + 1) * checkins) / hotels) - Math.floor((h * checkins) / hotels);
      for (let k = 0; k < share; k++) g.background(hotel);
      for (let i = h; i < planted; i += hotels) g.planted(i, hotel);
      for (let i = h; i < misses; i += hotels) g.nearMisses(hotel);
    }
  },
};

class Generator {
  constructor(private readonly ctx: ScenarioContext) {}

  hotel(): Hotel {
    const { ctx } = this;
    const { rng } = ctx;
    const operator = ctx.org({ trade: '酒店管理' });
    const name = `${operator.name.replace(/^毕节市/, '').replace(/酒店管理有限公司$/, '')}${rng.pick(KINDS)}`;
    const hotel: Hotel = { code: ctx.serial('5205029'), name: `七星关区${name}`, rooms: rng.int(12, 160) };
    const site = ctx.site();
    ctx.emit('hotel', {
      org_name: hotel.name,
      hotel_code: hotel.code,
      licence_no: ctx.serial('毕七公特旅字第'),
      uscc: operator.uscc,
      legal_rep_name: operator.legalRep.name,
      legal_rep_id_number: operator.legalRep.idNumber,
      phone: operator.legalRep.phone,
      address: operator.address,
      lat: site.lat,
      lng: site.lng,
      hotel_type: name.endsWith('民宿') ? '民宿' : '旅馆',
      room_count: hotel.rooms,
      status: '营业',
    });
    return hotel;
  }

  background(hotel: Hotel): void {
    const { ctx } = this;
    const { rng } = ctx;
    const day = this.day();
    const r = rng.next();
    if (r < 0.86) {
      const guest = ctx.person({ minAge: 20, maxAge: 78 });
      const partner = rng.chance(0.4) ? ctx.person({ minAge: 20, maxAge: 78 }) : null;
      this.checkin(hotel, guest, day, { companion: partner, relation: partner ? rng.pick(PARTNERS) : null });
    } else if (r < 0.93) {
      // A minor whose guardian's name and phone the hotel asked for.
      this.checkin(hotel, this.minor(day), day, { guardian: ctx.person({ minAge: 32, maxAge: 60 }) });
    } else if (r < 0.98) {
      const parent = rng.pick(PARENTS);
      const grand = parent.relation.startsWith('祖孙');
      const adult = ctx.person({ minAge: grand ? 55 : 30, maxAge: grand ? 80 : 55, sex: parent.sex });
      this.checkin(hotel, this.minor(day), day, { companion: adult, relation: parent.relation });
    } else {
      const friend = this.minor(day);
      this.checkin(hotel, this.minor(day), day, { guardian: ctx.person({ minAge: 32, maxAge: 60 }), companion: friend, relation: rng.pick(['同学', '朋友']) });
    }
  }

  planted(i: number, hotel: Hotel): void {
    const { ctx } = this;
    const day = this.day();
    let guest: Person;
    let note: string;
    switch (i % 4) {
      case 0:
        guest = this.minor(day);
        this.checkin(hotel, guest, day, {});
        note = '未成年人深夜独自入住，未登记监护人联系方式';
        break;
      case 1:
        guest = ctx.person({ birthDate: ctx.addDays(yearsBefore(day, 18), 1) });
        this.checkin(hotel, guest, day, {});
        note = '入住时距满 18 周岁还差一天，未登记监护人联系方式';
        break;
      case 2:
        guest = this.minor(day);
        this.checkin(hotel, guest, day, { guardian: ctx.person({ minAge: 32, maxAge: 60 }), companion: ctx.person({ minAge: 22, maxAge: 50, sex: 'M' }), relation: null });
        note = '未成年人与成年人同住，已登记监护人电话但未询问登记同住人关系';
        break;
      default: {
        guest = this.minor(day);
        this.checkin(hotel, guest, day, {});
        const again = ctx.addDays(day, -ctx.rng.int(3, 30));
        this.checkin(hotel, guest, again, {});
        note = '同一未成年人两次独自入住同一旅馆，合为一条线索';
        break;
      }
    }
    ctx.expectLead({ 'c.hotel_code': normalizeCode(hotel.code) ?? hotel.code, 'c.id_number': guest.idNumber }, note);
  }

  nearMisses(hotel: Hotel): void {
    const { ctx } = this;
    const day = this.day();
    this.checkin(hotel, ctx.person({ birthDate: yearsBefore(day, 18) }), day, {});
    ctx.nearMiss('入住当天恰满 18 周岁，已成年');

    this.checkin(hotel, this.minor(day), day, { guardian: ctx.person({ minAge: 32, maxAge: 60 }) });
    ctx.nearMiss('未成年人独自入住，已登记监护人及其电话');

    this.checkin(hotel, this.minor(day, 'F'), day, { companion: ctx.person({ minAge: 32, maxAge: 50, sex: 'F' }), relation: '母女' });
    ctx.nearMiss('未成年人由母亲陪同入住，未另登记监护人电话');

    this.checkin(hotel, this.minor(day), day, { guardian: ctx.person({ minAge: 32, maxAge: 60 }), companion: this.minor(day), relation: '朋友' });
    ctx.nearMiss('未成年人与朋友同住，已登记关系和监护人电话');
  }

  // -------------------------------------------------------------------------------------------

  /** A check-in day within the last two years, never 29 February (so the 18th birthday exists). */
  private day(): string {
    const d = this.ctx.daysAgo(this.ctx.rng.int(1, 700));
    return d.endsWith('-02-29') ? this.ctx.addDays(d, -1) : d;
  }

  /** A guest aged 12–17 on `day`. */
  private minor(day: string, sex?: 'M' | 'F'): Person {
    const { ctx } = this;
    const years = ctx.rng.int(12, 17);
    const birth = ctx.addDays(yearsBefore(day, years), -ctx.rng.int(0, 364));
    return ctx.person({ birthDate: birth, ...(sex ? { sex } : {}) });
  }

  private checkin(
    hotel: Hotel,
    guest: Person,
    day: string,
    with_: { guardian?: Person; companion?: Person | null; relation?: string | null },
  ): void {
    const { ctx } = this;
    const { rng } = ctx;
    const hour = rng.pick([14, 15, 17, 18, 19, 20, 21, 22, 23, 0, 1]);
    const time = `${day} ${pad(hour)}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
    const out = `${ctx.addDays(day, rng.int(1, 3))} ${pad(rng.int(7, 12))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
    const floor = rng.int(1, Math.max(1, Math.min(9, Math.floor(hotel.rooms / 10))));
    const companion = with_.companion ?? null;
    ctx.emit('hotel_checkin', {
      id_number: guest.idNumber,
      person_name: guest.name,
      gender: guest.sex === 'M' ? '男' : '女',
      birth_date: guest.birthDate,
      checkin_time: time,
      checkout_time: out,
      hotel_name: hotel.name,
      hotel_code: hotel.code,
      room_no: `${floor}${pad(rng.int(1, 20))}`,
      companion_name: companion?.name ?? null,
      companion_id_number: companion?.idNumber ?? null,
      companion_relation: companion ? (with_.relation ?? null) : null,
      guardian_name: with_.guardian?.name ?? null,
      guardian_phone: with_.guardian?.phone ?? null,
      guardian_relation: with_.guardian ? rng.pick(['父亲', '母亲', '父亲', '母亲', '祖母']) : null,
      phone: guest.phone,
      address: guest.address,
    });
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function yearsBefore(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
}
