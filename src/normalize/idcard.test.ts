import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageAt, idCardCheckChar, normalizeIdCard, parseIdCard } from './idcard.js';
import { MESSY_BLANKS, insertAt, toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

// Vectors: domain.md §1 (checksums recomputed there with Node).
const VALID = [
  '11010519491231002X',
  '321083197812162119',
  '150102198807303035',
  '33010219200403064X',
  '81000019980902013X',
  '820000200009100032',
  '830000200209060065',
  '932682198501010017',
  '360426199101010071',
  '44011320141005001X',
  '34052419800101001X',
];
const FIFTEEN = [
  ['110105491231002', '11010519491231002X'],
  ['150102880730303', '150102198807303035'],
  ['330102200403064', '33010219200403064X'],
] as const;
const INVALID = [
  '340524198001010013', // checksum
  '36042619910102009X', // checksum
  '360426199113010079', // month 13, checksum passes
  '201511221897205960', // date
  '3301022011022000D6', // character
];

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

const sqlIdCard = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_idcard(${x})`, values);

describe('normalizeIdCard (GB 11643, domain.md §1)', () => {
  it('accepts every valid vector unchanged', () => {
    for (const id of VALID) expect(normalizeIdCard(id)).toBe(id);
  });

  it('upgrades 15-digit numbers', () => {
    for (const [old, id] of FIFTEEN) expect(normalizeIdCard(old)).toBe(id);
  });

  it('rejects every invalid vector', () => {
    for (const id of INVALID) expect(normalizeIdCard(id)).toBeNull();
  });

  it('cleans agency typing: lower-case x, full-width, blanks, U+3000, NBSP', () => {
    expect(normalizeIdCard('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeIdCard('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdCard('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdCard(' 110105 19491231 002X\t')).toBe('11010519491231002X');
    expect(normalizeIdCard('\u3000110105\u300019491231002X\u3000')).toBe('11010519491231002X');
    expect(normalizeIdCard('\u00a0110105491231002')).toBe('11010519491231002X');
  });

  it('rejects empty, short, long and malformed values', () => {
    for (const raw of [null, '', '   ', '11010519491231002', '11010519491231002X1', '110105-19491231-002X', '11010519491231002Y', '1101051949123100２X1']) {
      expect(normalizeIdCard(raw)).toBeNull();
    }
  });

  it('rejects impossible birth dates (Feb 29 of a common year, day 0, year 1899)', () => {
    const make = (first17: string): string => first17 + idCardCheckChar(first17);
    expect(normalizeIdCard(make('11010520230229001'))).toBeNull();
    expect(normalizeIdCard(make('11010520240229001'))).toBe(make('11010520240229001'));
    expect(normalizeIdCard(make('11010519490100001'))).toBeNull();
    expect(normalizeIdCard(make('11010518991231001'))).toBeNull();
    expect(normalizeIdCard('110105230229001')).toBeNull(); // 1923-02-29
  });

  it('SQL jd_idcard agrees on all vectors', async () => {
    const inputs = [...VALID, ...FIFTEEN.map(([old]) => old), ...INVALID, '11010519491231002x', '１１０１０５１９４９１２３１００２Ｘ', null, ''];
    expect(await sqlIdCard(inputs)).toEqual(inputs.map(normalizeIdCard));
  });
});

describe('parseIdCard and ageAt', () => {
  it('derives birth date, sex and region', () => {
    expect(parseIdCard('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'F', regionCode: '110105' });
    expect(parseIdCard('321083197812162119')).toEqual({ birthDate: '1978-12-16', sex: 'M', regionCode: '321083' });
    expect(parseIdCard('150102880730303')).toEqual({ birthDate: '1988-07-30', sex: 'M', regionCode: '150102' });
    expect(parseIdCard('340524198001010013')).toBeNull();
  });

  it("matches hutool's ages on 2017-04-10 (38, 28, 32)", () => {
    expect(ageAt('321083197812162119', '2017-04-10')).toBe(38);
    expect(ageAt('150102880730303', '2017-04-10')).toBe(28);
    expect(ageAt('932682198501010017', '2017-04-10')).toBe(32);
  });

  it('counts a birthday as reached on the day itself; Feb 29 on Mar 1 in common years', () => {
    const id = '11010519491231002X';
    expect(ageAt(id, '1950-12-30')).toBe(0);
    expect(ageAt(id, '1950-12-31')).toBe(1);
    const leap = `1101052000022900${'1'}`;
    const leapId = leap + idCardCheckChar(leap);
    expect(ageAt(leapId, '2001-02-28')).toBe(0);
    expect(ageAt(leapId, '2001-03-01')).toBe(1);
    expect(ageAt(leapId, '2004-02-29')).toBe(4);
    expect(ageAt(id, '1949-12-30')).toBeNull();
    expect(ageAt(id, '2017-02-30')).toBeNull();
    expect(ageAt('bad', '2017-04-10')).toBeNull();
  });

  it('SQL jd_idcard_birth / _sex / _age agree', async () => {
    const ids = [...VALID, ...FIFTEEN.map(([old]) => old), ...INVALID, '11010519491231002x', null];
    const dates = ['2017-04-10', '1949-12-30', '1950-12-31', '2000-02-29', '2030-01-01'];
    const birth = await evaluateBatch(db.conn, (x) => `CAST(jd_idcard_birth(${x}) AS VARCHAR)`, ids);
    const sex = await evaluateBatch(db.conn, (x) => `jd_idcard_sex(${x})`, ids);
    expect(birth).toEqual(ids.map((id) => parseIdCard(id)?.birthDate ?? null));
    expect(sex).toEqual(ids.map((id) => parseIdCard(id)?.sex ?? null));
    // All (id, date) pairs in one query: "id|date" split in SQL.
    const pairs = dates.flatMap((d) => ids.map((id) => [id, d] as const));
    const age = await evaluateBatch(db.conn, (x) => `jd_idcard_age(nullif(split_part(${x}, '|', 1), ''), CAST(split_part(${x}, '|', 2) AS DATE))`, pairs.map(([id, d]) => `${id ?? ''}|${d}`));
    expect(age).toEqual(pairs.map(([id, d]) => ageAt(id, d)));
  });
});

// ----- property tests ---------------------------------------------------------------------------

const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const birthDate = fc.date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2210-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
/** A structurally valid 18-digit ID (real check character), sometimes with a bad date or check. */
const id18 = fc.tuple(digits(6), birthDate, digits(3), fc.nat(20)).map(([region, birth, seq, tweak]) => {
  const first17 = region + birth + seq;
  const check = idCardCheckChar(first17);
  return tweak === 0 ? first17 + (check === '0' ? '1' : '0') : first17 + check;
});
const id15 = fc.tuple(digits(6), fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }), digits(3)).map(
  ([region, d, seq]) => region + d.toISOString().slice(2, 10).replaceAll('-', '') + seq,
);
/** Near-valid: canonical IDs as agencies type them. */
const messyId = fc
  .tuple(fc.oneof(id18, id15), fc.boolean(), fc.boolean(), fc.array(fc.nat(18), { maxLength: 3 }), fc.constantFrom(...MESSY_BLANKS))
  .map(([id, full, lower, positions, blank]) => {
    let s = lower ? id.replace('X', 'x') : id;
    if (full) s = toFullWidth(s);
    return insertAt(s, positions, blank);
  });
const junk = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789Xx ０１２３４５６７８９Ｘｘ\u3000-'), maxLength: 22 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);
const anyIdInput = fc.oneof({ weight: 3, arbitrary: messyId }, { weight: 2, arbitrary: id18 }, { weight: 2, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(null) });

describe('normalizeIdCard properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyIdInput, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeIdCard, (x) => `jd_idcard(${x})`)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('accepts every messy form of a valid ID', () => {
    fc.assert(
      fc.property(id18, fc.boolean(), fc.constantFrom(...MESSY_BLANKS), (id, full, blank) => {
        const canonical = normalizeIdCard(id);
        if (canonical === null) return;
        const messy = ` ${full ? toFullWidth(id.toLowerCase()) : id.toLowerCase()}${blank}`;
        expect(normalizeIdCard(messy)).toBe(canonical);
      }),
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyIdInput, (raw) => {
        const n = normalizeIdCard(raw);
        expect(n === null || normalizeIdCard(n) === n).toBe(true);
      }),
    );
    const once = (await sqlIdCard(fc.sample(messyId, 300))) as (string | null)[];
    expect(await sqlIdCard(once)).toEqual(once);
  });

  it('SQL derived fields agree with parseIdCard/ageAt on generated IDs', async () => {
    const ids = fc.sample(fc.oneof(id18, id15, messyId), 300);
    const birth = await evaluateBatch(db.conn, (x) => `CAST(jd_idcard_birth(${x}) AS VARCHAR)`, ids);
    const sex = await evaluateBatch(db.conn, (x) => `jd_idcard_sex(${x})`, ids);
    const age = await evaluateBatch(db.conn, (x) => `jd_idcard_age(${x}, DATE '2024-02-29')`, ids);
    expect(birth).toEqual(ids.map((id) => parseIdCard(id)?.birthDate ?? null));
    expect(sex).toEqual(ids.map((id) => parseIdCard(id)?.sex ?? null));
    expect(age).toEqual(ids.map((id) => ageAt(id, '2024-02-29')));
  });
});
