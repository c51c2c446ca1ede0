// Values never reach the SQL text (habit 5): whatever literal, parameter value, word, pattern or
// list item a model holds — quotes, semicolons, comment markers, SQL keywords, any printable
// Unicode — the compiled query only refers to it through a placeholder, for both dialects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalAlternation } from '../../src/rules/compiler/sql-compiler.js';
import { bindInputs } from '../../src/rules/input-binder.js';
import { compileModel } from '../../src/rules/model-compiler.js';
import { resolveParameters } from '../../src/rules/parameter-values.js';
import type { ModelSpec } from '../../src/rules/spec/model-spec.js';
import { validateModelSpec } from '../../src/rules/spec/model-validator.js';
import { fixtureCatalogue } from './support/fixture-catalogue.js';
import { AS_OF } from './support/fixture-data.js';

/** Fragments an injected value would use to break out of a string or a statement. */
const HOSTILE = [
  "'",
  "''",
  '"',
  ';',
  '--',
  '/*',
  '*/',
  '$1',
  '$$',
  '\\',
  '\\x27',
  "'; DROP TABLE data.reg; --",
  "' OR '1'='1",
  ' UNION ALL SELECT * FROM jiandu.datasets',
  'SELECT',
  'NULL',
  "E'",
  'chr(39)',
  '%',
  '_',
  '{',
  '}',
  '（集团）',
  '有限责任公司',
];

/**
 * A distinctive text: a random marker of 8–12 letters and digits after a Cyrillic Ж (a letter no
 * SQL template or identifier here contains), then hostile fragments and printable Unicode.
 */
const value = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9]{8,12}$/),
    fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })), { maxLength: 5 }),
  )
  .map(([marker, parts]) => `Ж${marker}${parts.join('')}`);

/** A number no SQL template contains (the compiler's constants are small or 111000 / 55500 / 6371008.8). */
const number = fc.integer({ min: 10_000_000, max: 2_000_000_000 }).map((n) => n + 0.25);

interface Values {
  readonly literals: readonly [string, string, string, string];
  readonly paramDefaults: readonly [string, string, string];
  readonly override: string;
  readonly words: readonly [string, string];
  readonly pattern: string;
  readonly days: number;
  readonly amount: number;
}

const values: fc.Arbitrary<Values> = fc.record({
  literals: fc.tuple(value, value, value, value),
  paramDefaults: fc.tuple(value, value, value),
  override: value,
  words: fc.tuple(value, value),
  pattern: value,
  days: number,
  amount: number,
});

/** A model with a value in every place a condition can hold one, including a nested collision. */
function modelWith(v: Values): ModelSpec {
  const [lit1, lit2, lit3, lit4] = v.literals;
  const [textDefault, listDefault, wordsDefault] = v.paramDefaults;
  return validateModelSpec(
    {
      id: 'no_spliced_values',
      name: '参数绑定性质',
      version: 1,
      lineOfWork: '其他',
      description: '模型中的值只以参数绑定进入 SQL',
      legalBasis: [{ law: '（测试用）', article: '—', text: '—' }],
      parameters: [
        { name: 'p_text', type: 'text', default: textDefault, label: '文本' },
        { name: 'p_list', type: 'text_list', default: [listDefault, lit4], label: '列表' },
        { name: 'p_words', type: 'text_list', default: [wordsDefault], label: '词语' },
        { name: 'p_amount', type: 'number', default: v.amount, label: '金额' },
      ],
      inputs: [
        { alias: 'reg', kind: 'police_case_registration', fields: ['case_no', 'case_name', 'case_type', 'status', 'handling_unit', 'summary', 'filed_date', 'accepted_date'] },
        { alias: 'closure', kind: 'police_case_closure', fields: ['case_no', 'closure_type', 'reason'] },
      ],
      rule: {
        from: 'reg',
        where: {
          all: [
            { compare: { left: 'reg.case_type', op: '=', right: { value: lit1 } } },
            { compare: { left: { value: lit2 }, op: '!=', right: { param: 'p_text' } } },
            { in: { field: 'reg.status', values: [lit3, lit4] } },
            { in: { field: 'reg.handling_unit', values: { param: 'p_list' } } },
            { containsAny: { field: 'reg.summary', words: [...v.words] } },
            { containsAny: { field: 'reg.case_name', words: { param: 'p_words' } } },
            { matches: { field: 'reg.case_no', pattern: v.pattern } },
            { daysBetween: { from: 'reg.accepted_date', to: 'reg.filed_date', op: '>', days: v.days } },
            {
              any: [
                { compare: { left: { param: 'p_amount' }, op: '<', right: v.amount } },
                { notExists: { alias: 'closure', on: [{ left: 'reg.case_no', right: 'closure.case_no' }], where: { containsAny: { field: 'closure.reason', words: [lit1] } } } },
              ],
            },
          ],
        },
      },
      lead: { subject: ['reg.case_no'], title: '性质测试', reason: '性质测试', severity: 'low' },
    },
    'no-spliced-values',
  );
}

describe('no value is spliced into the compiled SQL', () => {
  it('every literal, parameter value, word, pattern and list item is bound, in both dialects', () => {
    const catalogue = fixtureCatalogue();
    fc.assert(
      fc.property(values, (v) => {
        // The overridden default is not used anywhere; the override is.
        const texts = [...v.literals, v.paramDefaults[1], v.paramDefaults[2], v.override, ...v.words, v.pattern];
        // …unless the same text is also a value the model does use: fast-check favours the markers
        // `toString`, `__proto__` … and once drew `ЖtoString` as both the default and the pattern.
        fc.pre(!texts.includes(v.paramDefaults[0]));
        const spec = modelWith(v);
        const parameters = resolveParameters(spec, { p_text: v.override });
        const { bindings, fieldTypes } = bindInputs(spec, catalogue);
        for (const dialect of ['duckdb', 'postgres'] as const) {
          const q = compileModel(spec, { dialect, bindings, fieldTypes, parameters, asOf: AS_OF });
          for (const t of texts) {
            expect(q.sql.includes(t), `${dialect}: ${JSON.stringify(t)} spliced into the SQL`).toBe(false);
            // A value is bound as itself, or — words of containsAny in DuckDB — escaped inside one
            // bound pattern of literal alternatives.
            const bound = q.parameters.some((p) => p === t || (typeof p === 'string' && p.includes(literalAlternation([t]))));
            expect(bound, `${dialect}: ${JSON.stringify(t)} not bound`).toBe(true);
          }
          expect(q.parameters, `${dialect}: the overridden default is still bound`).not.toContain(v.paramDefaults[0]);
          for (const n of [v.days, v.amount]) {
            expect(q.sql.includes(String(n)), `${dialect}: ${n} spliced into the SQL`).toBe(false);
            expect(q.parameters, `${dialect}: ${n} not bound`).toContain(n);
          }
          // No text of the model other than identifiers reaches the SQL: not even the marker letter.
          expect(q.sql).not.toContain('Ж');
        }
      }),
      { numRuns: 200 },
    );
  });
});
