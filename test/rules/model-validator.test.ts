// A model that refers to something that does not exist is rejected before it compiles, with one
// problem per mistake that names the offending item, so the author can find it.
import { describe, expect, it } from 'vitest';
import { ModelSpecError, validateModelSpec } from '../../src/rules/spec/model-validator.js';

/** A valid model over police case registrations; each test breaks one thing in it. */
function baseModel(): Record<string, unknown> {
  return {
    id: 'validator_probe',
    name: '校验探针',
    version: 1,
    lineOfWork: '刑事',
    description: '用于校验器测试的模型',
    legalBasis: [{ law: '（测试用）', article: '—', text: '—' }],
    parameters: [{ name: 'days', type: 'integer', default: 730, label: '天数' }],
    inputs: [
      { alias: 'reg', kind: 'police_case_registration', fields: ['case_no', 'filed_date', 'status'] },
      { alias: 'claim', kind: 'medical_insurance_claim', fields: ['id_number', 'total_amount'] },
    ],
    rule: {
      from: 'reg',
      where: {
        all: [
          { daysBetween: { from: 'reg.filed_date', to: { runDate: true }, op: '>=', days: { param: 'days' } } },
          { compare: { left: 'reg.status', op: '=', right: { value: '在侦' } } },
        ],
      },
    },
    lead: { subject: ['reg.case_no'], title: '{reg.case_no}', reason: '逾{param.days}天', severity: 'medium' },
  };
}

/** The problems the validator reports for a model; none when it is accepted. */
function problemsOf(raw: Record<string, unknown>): readonly string[] {
  try {
    validateModelSpec(raw, 'validator-probe.yaml');
    return [];
  } catch (error) {
    if (error instanceof ModelSpecError) return error.problems;
    throw error;
  }
}

const where = (condition: unknown): Record<string, unknown> => ({ from: 'reg', where: condition });

describe('model validation', () => {
  it('accepts the unbroken model', () => {
    expect(problemsOf(baseModel())).toEqual([]);
  });

  it('names an unknown dataset kind', () => {
    const m = baseModel();
    m['inputs'] = [
      { alias: 'reg', kind: 'police_case_registration', fields: ['case_no', 'filed_date', 'status'] },
      { alias: 'claim', kind: 'hospital_bills_typo', fields: ['id_number'] },
    ];
    expect(problemsOf(m)).toEqual([expect.stringMatching(/“claim”.*“hospital_bills_typo”不存在/)]);
  });

  it('names an undeclared alias', () => {
    const m = baseModel();
    m['rule'] = where({ compare: { left: 'ghost.case_no', op: '=', right: { value: 'A001' } } });
    expect(problemsOf(m)).toEqual([expect.stringMatching(/未声明的输入“ghost”（ghost\.case_no）/)]);
  });

  it('names an undeclared field inside firstOf', () => {
    const m = { ...baseModel(), rule: where({ daysBetween: { from: { firstOf: ['reg.notice_date', 'reg.filed_date'] }, to: { runDate: true }, op: '>', days: 30 } }) };
    expect(problemsOf(m)).toEqual([expect.stringMatching(/“reg\.notice_date”未在输入“reg”的 fields 中声明/)]);
  });

  it('asks an age for exactly one of idNumber and birthDate', () => {
    const neither = { ...baseModel(), rule: where({ age: { op: '<', years: 18 } }) };
    expect(problemsOf(neither).join('\n')).toContain('idNumber（身份证号）或 birthDate（出生日期）之一');
    const both = { ...baseModel(), rule: where({ age: { idNumber: 'reg.case_no', birthDate: 'reg.filed_date', op: '<', years: 18 } }) };
    expect(problemsOf(both).join('\n')).toContain('idNumber（身份证号）或 birthDate（出生日期）之一');
  });

  it('names an undeclared collision alias', () => {
    const m = baseModel();
    m['rule'] = where({ notExists: { alias: 'closure', where: { isEmpty: 'reg.status' } } });
    expect(problemsOf(m)).toEqual([expect.stringMatching(/碰撞的输入“closure”未声明/)]);
  });

  it('names a declared field that is not in the dataset kind', () => {
    const m = baseModel();
    m['inputs'] = [
      { alias: 'reg', kind: 'police_case_registration', fields: ['case_no', 'filed_date', 'status', 'colour'] },
      { alias: 'claim', kind: 'medical_insurance_claim', fields: ['id_number', 'total_amount'] },
    ];
    expect(problemsOf(m)).toEqual([expect.stringMatching(/字段“colour”不是.*（police_case_registration）的字段/)]);
  });

  it('names a field used but not declared in the input’s fields', () => {
    const m = baseModel();
    m['rule'] = where({ notEmpty: 'reg.suspect_name' });
    expect(problemsOf(m)).toEqual([expect.stringMatching(/“reg\.suspect_name”未在输入“reg”的 fields 中声明/)]);
  });

  it('names an undeclared parameter', () => {
    const m = baseModel();
    m['rule'] = where({ daysBetween: { from: 'reg.filed_date', to: { runDate: true }, op: '>=', days: { param: 'threshold_days' } } });
    expect(problemsOf(m)).toEqual([expect.stringMatching(/未声明的参数“threshold_days”/)]);
  });

  it('names an undeclared parameter in a template', () => {
    const m = baseModel();
    m['lead'] = { subject: ['reg.case_no'], title: '{reg.case_no}', reason: '逾{param.day_limit}天', severity: 'medium' };
    expect(problemsOf(m)).toEqual([expect.stringMatching(/未声明的参数“day_limit”/)]);
  });

  it('names a measure used outside an aggregate', () => {
    const m = baseModel();
    m['rule'] = where({ compare: { left: { measure: 'claim_count' }, op: '>=', right: 3 } });
    expect(problemsOf(m)).toEqual([expect.stringMatching(/统计量“claim_count”不存在（只能用在 aggregate\.having 中）/)]);
  });

  it('names a measure used in the WHERE of an aggregate model rather than its HAVING', () => {
    const m = baseModel();
    m['rule'] = {
      from: 'claim',
      where: { compare: { left: { measure: 'claim_count' }, op: '>=', right: 3 } },
      aggregate: {
        groupBy: ['claim.id_number'],
        measures: [{ name: 'claim_count', fn: 'count' }],
        having: { compare: { left: { measure: 'claim_count' }, op: '>=', right: 3 } },
      },
    };
    m['lead'] = { subject: ['claim.id_number'], title: '多次结算', reason: '多次结算', severity: 'low' };
    expect(problemsOf(m)).toEqual([expect.stringMatching(/rule\.where 引用的统计量“claim_count”不存在/)]);
  });

  it('reports every problem at once, each naming its item', () => {
    const m = baseModel();
    m['rule'] = where({
      all: [
        { compare: { left: 'ghost.case_no', op: '=', right: { param: 'threshold_days' } } },
        { compare: { left: { measure: 'claim_count' }, op: '>=', right: 3 } },
      ],
    });
    const problems = problemsOf(m);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/ghost/);
    expect(problems.join('\n')).toMatch(/threshold_days/);
    expect(problems.join('\n')).toMatch(/claim_count/);
  });

  it('throws a ModelSpecError whose message carries the model id and the problems', () => {
    const m = baseModel();
    m['rule'] = where({ isEmpty: 'ghost.status' });
    expect(() => validateModelSpec(m, 'validator-probe.yaml')).toThrow(/模型“validator_probe”定义有误：[\s\S]*ghost/);
  });
  // The rule language is a union at every level; a mistake deep inside is reported where it is,
  // not as "Invalid input" at the rule.
  it('points at a misspelt operand deep inside a condition', () => {
    const m = { ...baseModel(), rule: where({ all: [{ compare: { left: 'reg.filed_date', op: '>', right: { addDay: { date: 'reg.filed_date', days: 3 } } } }] }) };
    expect(problemsOf(m)).toEqual(['rule.where.all.0.compare.right：无法识别的写法，未知的键 "addDay"']);
  });

  it('points at a misspelt condition and at a missing key', () => {
    expect(problemsOf({ ...baseModel(), rule: where({ compar: { left: 'reg.status', op: '=', right: 1 } }) })).toEqual(['rule.where：无法识别的写法，未知的键 "compar"']);
    expect(problemsOf({ ...baseModel(), rule: where({ compare: { left: 'reg.status', right: 1 } }) })).toEqual(['rule.where.compare.op：缺少此项']);
    expect(problemsOf({ ...baseModel(), rule: where({ compare: { left: 'reg.status', op: '=>', right: 1 } }) })).toEqual([
      'rule.where.compare.op：取值应为 "=" "!=" "<" "<=" ">" ">=" 之一',
    ]);
  });

  it('points at a misspelt key of a collision', () => {
    const m = { ...baseModel(), rule: where({ any: [{ notExists: { alias: 'claim', on: [{ left: 'reg.case_no', rigth: 'claim.id_number' }] } }] }) };
    expect(problemsOf(m)).toEqual(['rule.where.any.0.notExists.on.0.right：缺少此项', 'rule.where.any.0.notExists.on.0：未知的键 "rigth"']);
  });
});
