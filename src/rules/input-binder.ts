import type { SemanticType } from '../catalog/semantic-type.js';
import { JianduError } from '../shared/errors.js';
import type { DatasetRecord } from '../warehouse/dataset.repository.js';
import type { ModelSpec } from './spec/model-spec.js';

export interface InputBinding {
  /** Input alias → dataset names feeding it. */
  readonly bindings: ReadonlyMap<string, readonly string[]>;
  /** `alias.field` → semantic type, from the bound datasets. */
  readonly fieldTypes: ReadonlyMap<string, SemanticType>;
}

/** Where an input is bound by hand: `alias → dataset` (from `models import --map`, or `run --bind`). */
export type BindingOverrides = Readonly<Record<string, string>>;

/**
 * Binds a model's inputs to the workspace's datasets: an input naming a dataset uses it; an
 * input naming a kind uses every dataset of that kind. Reports everything missing at once — the
 * datasets to import and the fields the bound datasets lack — in words a user can act on.
 */
export function bindInputs(spec: ModelSpec, datasets: readonly DatasetRecord[], overrides: BindingOverrides = {}): InputBinding {
  const problems: string[] = [];
  const bindings = new Map<string, string[]>();
  const fieldTypes = new Map<string, SemanticType>();
  for (const input of spec.inputs) {
    const named = overrides[input.alias] ?? input.dataset;
    const bound = named ? datasets.filter((d) => d.name === named) : datasets.filter((d) => d.kind === input.kind);
    if (bound.length === 0) {
      problems.push(
        named
          ? `输入“${input.alias}”需要的数据集“${named}”不存在`
          : `输入“${input.alias}”需要“${input.kind}”类型的数据集，工作区中没有：请用 jiandu import 文件 --dataset 名称 --kind ${input.kind} 导入`,
      );
      continue;
    }
    for (const d of bound) {
      for (const f of input.fields) {
        const field = d.fields.find((x) => x.name === f);
        if (!field) problems.push(`数据集“${d.name}”缺少输入“${input.alias}”需要的字段“${f}”`);
        else fieldTypes.set(`${input.alias}.${f}`, field.type);
      }
    }
    bindings.set(input.alias, bound.map((d) => d.name));
  }
  if (problems.length > 0) throw new JianduError('not_found', `模型“${spec.id}”缺少数据：\n  - ${problems.join('\n  - ')}`, { modelId: spec.id, problems });
  return { bindings, fieldTypes };
}
