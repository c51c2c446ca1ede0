import type { SemanticType } from '../catalog/semantic-type.js';
import { JianduError } from '../shared/errors.js';
import type { DatasetRecord } from '../warehouse/dataset.repository.js';
import type { ModelSpec } from './spec/model-spec.js';

export interface InputBinding {
  /** Input alias → dataset names feeding it. */
  readonly bindings: ReadonlyMap<string, readonly string[]>;
  /** `alias.field` → semantic type, from the bound datasets (the last one's where they differ). */
  readonly fieldTypes: ReadonlyMap<string, SemanticType>;
  /** The fields (`alias.field`) whose bound datasets give them different types. */
  readonly mixedTypes: ReadonlySet<string>;
  /** Input alias → (model field → dataset column), only for fields mapped to another column. */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * Bindings made by hand (`models import --map`, kept in the model's `bindings.yaml`):
 * `alias → dataset` binds a whole input to a dataset; `alias.field → column` reads a field the
 * model needs from a column of another name in this workspace's data.
 */
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
  const mixedTypes = new Set<string>();
  const columns = new Map<string, Map<string, string>>();
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
    const mapped = new Map<string, string>();
    for (const f of input.fields) {
      const column = overrides[`${input.alias}.${f}`];
      if (column !== undefined && column !== f) mapped.set(f, column);
    }
    for (const d of bound) {
      for (const f of input.fields) {
        const column = mapped.get(f) ?? f;
        const field = d.fields.find((x) => x.name === column);
        const ref = `${input.alias}.${f}`;
        if (field) {
          const seen = fieldTypes.get(ref);
          if (seen !== undefined && seen !== field.type) mixedTypes.add(ref);
          fieldTypes.set(ref, field.type);
        }
        else if (column !== f) problems.push(`数据集“${d.name}”没有列“${column}”（--map ${input.alias}.${f}=${column}）；已有的列：${d.fields.map((x) => x.name).join('、')}`);
        else problems.push(`数据集“${d.name}”缺少输入“${input.alias}”需要的字段“${f}”${mapHint(input.alias, f, d)}`);
      }
    }
    bindings.set(input.alias, bound.map((d) => d.name));
    if (mapped.size > 0) columns.set(input.alias, mapped);
  }
  if (problems.length > 0) throw new JianduError('not_found', `模型“${spec.id}”缺少数据：\n  - ${problems.join('\n  - ')}`, { modelId: spec.id, problems });
  return { bindings, fieldTypes, mixedTypes, columns };
}

/** How to supply a missing field: map it to a column of the dataset that is not already a model field. */
function mapHint(alias: string, field: string, dataset: DatasetRecord): string {
  const candidates = dataset.fields.map((x) => x.name).filter((name) => !name.startsWith('_'));
  if (candidates.length === 0) return '';
  return `；若该数据在另一列，用 --map ${alias}.${field}=列名 对应（本数据集的列：${candidates.join('、')}）`;
}
