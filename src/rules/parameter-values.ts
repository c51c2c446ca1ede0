import { JianduError } from '../shared/errors.js';
import type { ModelSpec, ParameterSpec } from './spec/model-spec.js';
import type { ParameterValue } from './compiler/plan-builder.js';

/**
 * A model's parameter values: its defaults, overridden by `--param MODEL.NAME=VALUE` texts,
 * each parsed by the parameter's type and checked against its bounds.
 *
 * @example
 * resolveParameters(spec, { distance_m: '150' }).get('distance_m'); // 150
 */
export function resolveParameters(spec: ModelSpec, overrides: Readonly<Record<string, string>>): Map<string, ParameterValue> {
  const values = new Map<string, ParameterValue>();
  for (const p of spec.parameters) values.set(p.name, p.default);
  for (const [name, text] of Object.entries(overrides)) {
    const p = spec.parameters.find((x) => x.name === name);
    if (!p) {
      throw new JianduError('invalid_argument', `模型“${spec.id}”没有参数“${name}”。可用参数：${spec.parameters.map((x) => x.name).join('、') || '（无）'}`);
    }
    values.set(name, parseParameter(p, text, spec.id));
  }
  return values;
}

function parseParameter(p: ParameterSpec, text: string, modelId: string): ParameterValue {
  const bad = (why: string): never => {
    throw new JianduError('invalid_argument', `模型“${modelId}”的参数“${p.name}”（${p.label}）${why}：${text}`);
  };
  switch (p.type) {
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return bad('应为数字');
      if (p.type === 'integer' && !Number.isInteger(n)) return bad('应为整数');
      if (p.min !== undefined && n < p.min) return bad(`不能小于 ${p.min}`);
      if (p.max !== undefined && n > p.max) return bad(`不能大于 ${p.max}`);
      return n;
    }
    case 'boolean':
      if (!['true', 'false', '是', '否'].includes(text)) return bad('应为 true/false');
      return text === 'true' || text === '是';
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return bad('应为日期 YYYY-MM-DD');
      return text;
    case 'text_list':
      return text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
    case 'text':
      return text;
  }
}

/** Parses `--param MODEL.NAME=VALUE` options into per-model override maps. */
export function parseParamOptions(options: readonly string[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const o of options) {
    const m = /^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)=(.*)$/s.exec(o);
    if (!m) throw new JianduError('invalid_argument', `--param 的格式应为 模型.参数=值，收到：${o}`);
    const [, model = '', name = '', value = ''] = m;
    out.set(model, { ...(out.get(model) ?? {}), [name]: value });
  }
  return out;
}
