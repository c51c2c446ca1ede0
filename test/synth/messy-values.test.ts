import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDate, normalizeDatetime, normalizeIdCard, normalizeMoney, normalizePhone, normalizeUscc } from '../../src/normalize/index.js';
import { addDays, excelSerial } from '../../src/synth/dates.js';
import { SeededRng } from '../../src/synth/rng.js';
import { renderValue, toFifteenDigits, type ColumnStyle } from '../../src/synth/writers/messy-values.js';
import { IdentityFactory } from '../../src/synth/identities.js';

const DATE_STYLES = ['iso', 'slash', 'chinese', 'compact', 'dotted', 'serial'] as const;
const MONEY_STYLES = ['plain', 'thousands', 'wan'] as const;

function style(partial: Partial<ColumnStyle> & Pick<ColumnStyle, 'type'>): ColumnStyle {
  return { date: 'iso', money: 'plain', fullWidthIds: 0, fifteenDigitIds: 0, ...partial };
}

const dateArb = fc.integer({ min: 0, max: 365 * 120 }).map((n) => addDays('1920-01-01', n));

// Every quirk the synthetic agencies write must come back as the canonical value after import,
// or the county's ground truth would not hold.
describe('messy agency values normalise back to the canonical value', () => {
  it('dates in every style, Excel serials included', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...DATE_STYLES), (date, s) => {
        const out = renderValue(date, style({ type: 'date', date: s }), new SeededRng(1));
        expect(normalizeDate(String(out))).toBe(date);
      }),
    );
  });

  it('datetimes with dashes or slashes', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 86_399 }), fc.constantFrom<'iso' | 'slash'>('iso', 'slash'), (date, secs, s) => {
        const t = `${date} ${String(Math.floor(secs / 3600)).padStart(2, '0')}:${String(Math.floor(secs / 60) % 60).padStart(2, '0')}:${String(secs % 60).padStart(2, '0')}`;
        expect(normalizeDatetime(String(renderValue(t, style({ type: 'datetime', date: s }), new SeededRng(1))))).toBe(t);
      }),
    );
  });

  it('money in yuan, with thousands separators, or in 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom(...MONEY_STYLES), (fen, s) => {
        const yuan = fen / 100;
        const out = String(renderValue(yuan, style({ type: 'money', money: s }), new SeededRng(1)));
        expect(normalizeMoney(out, s === 'wan' ? 'wan' : 'yuan')).toBe(yuan);
      }),
    );
  });

  it('ID numbers in full width, lower-case x or the old 15-digit form', () => {
    const ids = new IdentityFactory(new SeededRng(7), '2024-06-30');
    const rng = new SeededRng(3);
    for (let i = 0; i < 3000; i++) {
      const id = ids.person({ minAge: 0, maxAge: 99 }).idNumber;
      const out = String(renderValue(id, style({ type: 'idcard', fullWidthIds: 0.3, fifteenDigitIds: 0.3 }), rng));
      expect(normalizeIdCard(out)).toBe(id);
    }
  });

  it('an ID with a wrong check digit stays invalid (never "repaired" into the 15-digit form)', () => {
    const id = new IdentityFactory(new SeededRng(7), '2024-06-30').person({ minAge: 30, maxAge: 40 }).idNumber;
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(toFifteenDigits(wrong)).toBeNull();
    const rng = new SeededRng(5);
    for (let i = 0; i < 50; i++) expect(normalizeIdCard(String(renderValue(wrong, style({ type: 'idcard', fifteenDigitIds: 1 }), rng)))).toBeNull();
  });

  it('credit codes and phones', () => {
    const ids = new IdentityFactory(new SeededRng(9), '2024-06-30');
    const rng = new SeededRng(4);
    for (let i = 0; i < 2000; i++) {
      const org = ids.org();
      expect(normalizeUscc(String(renderValue(org.uscc, style({ type: 'uscc' }), rng)))).toBe(org.uscc);
      expect(normalizePhone(String(renderValue(org.legalRep.phone, style({ type: 'phone' }), rng)))).toBe(org.legalRep.phone);
    }
  });

  it('Excel serials count from 1899-12-30', () => {
    expect(excelSerial('2023-05-01')).toBe(45047);
  });
});

describe('identities are valid and unique across the county', () => {
  it('100,000 people: valid IDs with the asked age, no ID or phone twice', () => {
    const ids = new IdentityFactory(new SeededRng(11), '2024-06-30');
    const seenId = new Set<string>();
    const seenPhone = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const p = ids.person({ minAge: 18, maxAge: 20 });
      expect(normalizeIdCard(p.idNumber)).toBe(p.idNumber);
      expect(p.birthDate >= '2003-07-01' && p.birthDate <= '2006-06-30').toBe(true);
      seenId.add(p.idNumber);
      seenPhone.add(p.phone);
    }
    expect(seenId.size).toBe(100_000);
    expect(seenPhone.size).toBe(100_000);
  });

  it('20,000 organisations: valid credit codes, distinct names and codes', () => {
    const ids = new IdentityFactory(new SeededRng(12), '2024-06-30');
    const names = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const o = ids.org({ trade: '建筑工程' });
      expect(normalizeUscc(o.uscc)).toBe(o.uscc);
      names.add(o.name);
      codes.add(o.uscc);
    }
    expect(names.size).toBe(20_000);
    expect(codes.size).toBe(20_000);
  });
});
