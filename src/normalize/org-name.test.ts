import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSY_BLANKS, insertAt, toFullWidth } from './messy-text.js';
import { orgNameKey } from './org-name-key.js';
import { normalizeOrgName } from './org-name.js';
import { compareWithSql, evaluateBatch, openMacroConnection, type MacroConnection } from './sql-batch.js';

let db: MacroConnection;
beforeAll(async () => {
  db = await openMacroConnection();
});
afterAll(() => db.close());

const NAMES: readonly [string | null, string | null, string | null][] = [
  // raw, normalised name, key
  ['贵州茅台酒股份有限公司', '贵州茅台酒股份有限公司', '贵州茅台酒股份有限公司'],
  [' 贵阳 某某 科技有限公司 ', '贵阳某某科技有限公司', '贵阳某某科技有限公司'],
  ['贵州华信（集团）有限责任公司', '贵州华信（集团）有限责任公司', '贵州华信集团有限公司'],
  ['贵州华信(集团)有限责任公司', '贵州华信（集团）有限责任公司', '贵州华信集团有限公司'],
  ['贵州华信（集团）有限公司', '贵州华信（集团）有限公司', '贵州华信集团有限公司'],
  ['贵州ＡＢＣ科技有限公司', '贵州ABC科技有限公司', '贵州ABC科技有限公司'],
  ['贵州abc科技有限公司贵阳分公司', '贵州abc科技有限公司贵阳分公司', '贵州ABC科技有限公司贵阳分公司'],
  ['“贵阳市云岩区人民检察院”', '“贵阳市云岩区人民检察院”', '贵阳市云岩区人民检察院'],
  ['贵阳市第一中学·高中部', '贵阳市第一中学·高中部', '贵阳市第一中学高中部'],
  ['\u3000', null, null],
  ['', null, null],
  [null, null, null],
];

describe('normalizeOrgName and orgNameKey', () => {
  it('normalise realistic agency spellings', () => {
    for (const [raw, name, key] of NAMES) {
      expect(normalizeOrgName(raw), String(raw)).toBe(name);
      expect(orgNameKey(raw), String(raw)).toBe(key);
    }
  });

  it('keep 股份有限公司 distinct from 有限公司', () => {
    expect(orgNameKey('某某股份有限公司')).not.toBe(orgNameKey('某某有限公司'));
    expect(orgNameKey('某某有限责任公司')).toBe(orgNameKey('某某有限公司'));
  });

  it('SQL jd_org_name / jd_org_key agree on them', async () => {
    const inputs = NAMES.map(([raw]) => raw);
    expect(await evaluateBatch(db.conn, (x) => `jd_org_name(${x})`, inputs)).toEqual(inputs.map(normalizeOrgName));
    expect(await evaluateBatch(db.conn, (x) => `jd_org_key(${x})`, inputs)).toEqual(inputs.map(orgNameKey));
  });
});

const ORG_CHARS = '贵州华信集团有限责任股份公司分（）()【】·,.、&ABCabc123 \u3000-“”';
const messyOrg = fc
  .tuple(fc.string({ unit: fc.constantFrom(...ORG_CHARS), minLength: 1, maxLength: 16 }), fc.boolean(), fc.array(fc.nat(16), { maxLength: 2 }), fc.constantFrom(...MESSY_BLANKS))
  .map(([name, full, positions, blank]) => insertAt(full ? toFullWidth(name) : name, positions, blank));
const anyOrg = fc.oneof(
  { weight: 3, arbitrary: messyOrg },
  { weight: 1, arbitrary: fc.constantFrom('有限责任公司', '股份有限公司', '（有限责任公司）') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe('org name properties', () => {
  it('TS and SQL agree on random and near-valid inputs (name and key)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyOrg, { minLength: 300, maxLength: 300 }), async (values) => {
        expect(await compareWithSql(db.conn, values, normalizeOrgName, (x) => `jd_org_name(${x})`)).toEqual([]);
        expect(await compareWithSql(db.conn, values, orgNameKey, (x) => `jd_org_key(${x})`)).toEqual([]);
      }),
      { numRuns: 5 },
    );
  });

  it('is idempotent, in TS and in SQL (name and key)', async () => {
    fc.assert(
      fc.property(anyOrg, (raw) => {
        const n = normalizeOrgName(raw);
        expect(n === null || normalizeOrgName(n) === n).toBe(true);
        const k = orgNameKey(raw);
        expect(k === null || orgNameKey(k) === k).toBe(true);
        expect(orgNameKey(n)).toBe(k);
      }),
    );
    const values = fc.sample(anyOrg, 300);
    for (const macro of ['jd_org_name', 'jd_org_key']) {
      const once = (await evaluateBatch(db.conn, (x) => `${macro}(${x})`, values)) as (string | null)[];
      expect(await evaluateBatch(db.conn, (x) => `${macro}(${x})`, once)).toEqual(once);
    }
  });
});
