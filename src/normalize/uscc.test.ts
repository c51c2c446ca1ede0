import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSY_BLANKS, insertAt, toFullWidth } from './messy-text.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';
import { USCC_CHARSET, normalizeUscc, usccCheckChar } from './uscc.js';

// Vectors: domain.md §2 (python-stdnum and hutool tests).
const VALID = ['91110000600037341L', '91310115591693856A', '91310110666007217T', '121200004013590816', '91340600MA2PBM9HXD', '9144030071526726XG', '92340602MA2PBMEM24'];
const INVALID = ['91110000600037341N', '9111000060003IOZSV'];

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());
const sqlUscc = (values: readonly (string | null)[]): Promise<unknown[]> => evaluateBatch(db.conn, (x) => `jd_uscc(${x})`, values);

describe('normalizeUscc (GB 32100, domain.md §2)', () => {
  it('accepts every valid vector and computes its check character', () => {
    for (const code of VALID) {
      expect(normalizeUscc(code)).toBe(code);
      expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
    }
  });

  it('rejects the invalid vectors, empty and malformed values', () => {
    for (const raw of [...INVALID, null, '', ' ', '91110000600037341', '91110000600037341LL', '9111000060003734IL', 'A1110000600037341L']) {
      expect(normalizeUscc(raw)).toBeNull();
    }
  });

  it('cleans lower case, blanks and full-width characters', () => {
    expect(normalizeUscc('91340600ma2pbm9hxd')).toBe('91340600MA2PBM9HXD');
    expect(normalizeUscc(' 9134 0600 MA2P BM9H XD ')).toBe('91340600MA2PBM9HXD');
    expect(normalizeUscc('９１３４０６００ＭＡ２ＰＢＭ９ＨＸＤ')).toBe('91340600MA2PBM9HXD');
    expect(normalizeUscc('\u3000９１３４０６００ｍａ２ｐｂｍ９ｈｘｄ\t')).toBe('91340600MA2PBM9HXD');
  });

  it('SQL jd_uscc agrees on the vectors', async () => {
    const inputs = [...VALID, ...INVALID, '91340600ma2pbm9hxd', '９１３４０６００ＭＡ２ＰＢＭ９ＨＸＤ', ' 9134 0600 MA2P BM9H XD ', null, ''];
    expect(await sqlUscc(inputs)).toEqual(inputs.map(normalizeUscc));
  });
});

const charOf = (set: string): fc.Arbitrary<string> => fc.constantFrom(...set);
const str = (set: string, n: number): fc.Arbitrary<string> => fc.string({ unit: charOf(set), minLength: n, maxLength: n });
const validUscc = fc
  .tuple(str(USCC_CHARSET, 2), str('0123456789', 6), str(USCC_CHARSET, 9), fc.nat(10))
  .map(([head, division, subject, tweak]) => {
    const first17 = head + division + subject;
    const check = usccCheckChar(first17);
    return tweak === 0 ? first17 + (check === 'A' ? 'B' : 'A') : first17 + check;
  });
const messyUscc = fc
  .tuple(validUscc, fc.boolean(), fc.boolean(), fc.array(fc.nat(18), { maxLength: 3 }), fc.constantFrom(...MESSY_BLANKS))
  .map(([code, full, lower, positions, blank]) => {
    let s = lower ? code.toLowerCase() : code;
    if (full) s = toFullWidth(s);
    return insertAt(s, positions, blank);
  });
const anyUscc = fc.oneof(
  { weight: 3, arbitrary: messyUscc },
  { weight: 2, arbitrary: validUscc },
  { weight: 1, arbitrary: fc.string({ unit: charOf(`${USCC_CHARSET}abcxyzIOSVZ ０９ＡＺａｚ\u3000`), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('normalizeUscc properties', () => {
  it('TS and SQL agree on random and near-valid inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyUscc, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeUscc, (x) => `jd_uscc(${x})`)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it('is idempotent, in TS and in SQL', async () => {
    fc.assert(
      fc.property(anyUscc, (raw) => {
        const n = normalizeUscc(raw);
        expect(n === null || normalizeUscc(n) === n).toBe(true);
      }),
    );
    const once = (await sqlUscc(fc.sample(messyUscc, 300))) as (string | null)[];
    expect(await sqlUscc(once)).toEqual(once);
  });
});
