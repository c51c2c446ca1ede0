import type { DatasetKind } from '../catalog/dataset-kind.js';
import { isSemanticType, type SemanticType } from '../catalog/semantic-type.js';
import { inferFieldFromHeader, matchHeaders, parseHeader } from '../catalog/index.js';
import { JianduError } from '../shared/errors.js';

/** How one source column lands in the dataset table. */
export interface ColumnPlan {
  /** Index of the stage column c{index}. */
  readonly index: number;
  readonly header: string;
  /** Field name = warehouse column name (normalised value); the raw text goes to `<field>__raw`. */
  readonly field: string;
  readonly label: string;
  readonly type: SemanticType;
  /** Money columns whose header says 万元 multiply bare numbers by 10,000. */
  readonly unit: 'yuan' | 'wan' | null;
  /** Where the decision came from, for the report. */
  readonly basis: 'kind' | 'alias' | 'values' | 'map' | 'dataset' | 'text';
}

/** A `--map "表头=field[:type]"` override. */
export interface MapOverride {
  readonly header: string;
  readonly field: string;
  readonly type?: SemanticType | undefined;
}

/** An existing dataset field (the dataset's schema wins over what a new file suggests). */
export interface ExistingField {
  readonly name: string;
  readonly label: string;
  readonly type: SemanticType;
}

/**
 * Parses `--map` values of the form `表头=field` or `表头=field:type`.
 *
 * @example
 * parseMapOverride('负责人证件=legal_rep_id_number:idcard'); // { header: '负责人证件', field: 'legal_rep_id_number', type: 'idcard' }
 */
export function parseMapOverride(text: string): MapOverride {
  const eq = text.lastIndexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    throw new JianduError('invalid_argument', `--map 的格式应为 "表头=字段" 或 "表头=字段:类型"，收到：${text}`);
  }
  const header = text.slice(0, eq).trim();
  const [field = '', type] = text.slice(eq + 1).trim().split(':');
  if (type !== undefined && !isSemanticType(type)) {
    throw new JianduError('invalid_argument', `--map 中的类型“${type}”不存在`, { type });
  }
  return { header, field: field.trim(), type };
}

const FIELD_NAME = /^[\p{L}\p{N}_]{1,63}$/u;

/** Turns a header into a field name for an unmapped column: the header itself, without spaces or punctuation. */
export function fieldNameFromHeader(header: string): string {
  const cleaned = parseHeader(header).text.replace(/[^\p{L}\p{N}_]/gu, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  const name = cleaned === '' ? 'col' : cleaned;
  return /^\p{N}/u.test(name) ? `f_${name}` : name.slice(0, 63);
}

export interface PlanInput {
  readonly headers: readonly string[];
  readonly kind: DatasetKind | undefined;
  readonly overrides: readonly MapOverride[];
  readonly existing: readonly ExistingField[];
}

/** A column whose type must still be inferred from its values (custom datasets only). */
export interface PendingColumn {
  readonly index: number;
  readonly header: string;
  readonly field: string;
  readonly unit: 'yuan' | 'wan' | null;
}

/**
 * Decides, for each column, the field it fills and its semantic type: an explicit `--map` first;
 * then the kind's header aliases; then an existing dataset field of the same name; then the
 * catalogue's global aliases (a 统一社会信用代码 column the kind leaves ambiguous is still checked
 * as a credit code). Columns still undecided are returned as pending, for
 * {@link inferTypesFromValues} to settle from the data; they are kept under their header's name.
 */
export function planColumns(input: PlanInput): { planned: ColumnPlan[]; pending: PendingColumn[] } {
  const { headers, kind, overrides, existing } = input;
  const existingByName = new Map(existing.map((f) => [f.name, f]));
  const kindFields = new Map((kind?.fields ?? []).map((f) => [f.name, f]));
  const planned: ColumnPlan[] = [];
  const pending: PendingColumn[] = [];
  const taken = new Set<string>();
  const overridden = new Map(overrides.map((o) => [parseHeader(o.header).text, o]));
  for (const o of overrides) {
    if (!headers.some((h) => parseHeader(h).text === parseHeader(o.header).text)) {
      throw new JianduError('mapping_error', `--map 指定的表头“${o.header}”不在文件中。文件的表头：${headers.join('、')}`, { header: o.header });
    }
    if (!FIELD_NAME.test(o.field)) throw new JianduError('mapping_error', `字段名“${o.field}”不合法：只能包含文字、数字和下划线`, { field: o.field });
  }
  const kindMatch = kind ? matchHeaders(kind, [...headers]).mapping : new Map<number, never>();

  headers.forEach((header, index) => {
    const { unit } = parseHeader(header);
    const claim = (plan: Omit<ColumnPlan, 'index' | 'header' | 'unit'>): void => {
      if (taken.has(plan.field)) {
        // A second column for the same field keeps its data under its own name, never overwrites.
        const field = uniqueName(fieldNameFromHeader(header), taken);
        taken.add(field);
        planned.push({ index, header, unit, field, label: header, type: 'text', basis: 'text' });
        return;
      }
      taken.add(plan.field);
      planned.push({ index, header, unit, ...plan });
    };
    const override = overridden.get(parseHeader(header).text);
    if (override) {
      const known = kindFields.get(override.field) ?? existingByName.get(override.field);
      const type = override.type ?? known?.type;
      if (type) claim({ field: override.field, label: known?.label ?? header, type, basis: 'map' });
      else pending.push({ index, header, field: override.field, unit });
      if (!type) taken.add(override.field);
      return;
    }
    const fromKind = kindMatch.get(index);
    if (fromKind) {
      claim({ field: fromKind.name, label: fromKind.label, type: fromKind.type, basis: 'kind' });
      return;
    }
    const byName = existingByName.get(fieldNameFromHeader(header));
    if (byName) {
      claim({ field: byName.name, label: byName.label, type: byName.type, basis: 'dataset' });
      return;
    }
    // Columns the kind does not name (or custom datasets): the catalogue's global aliases, then the values.
    const inferred = inferFieldFromHeader(header);
    if (inferred && !taken.has(inferred.name) && !kindFields.has(inferred.name)) {
      const prior = existingByName.get(inferred.name);
      claim({ field: inferred.name, label: header, type: prior?.type ?? inferred.type, basis: prior ? 'dataset' : 'alias' });
      return;
    }
    const field = uniqueName(fieldNameFromHeader(header), new Set([...taken, ...kindFields.keys()]));
    taken.add(field);
    pending.push({ index, header, field, unit });
  });

  if (kind) {
    const missing = kind.fields.filter((f) => f.required && !planned.some((p) => p.field === f.name));
    if (missing.length > 0) {
      const names = missing.map((f) => `${f.label}（${f.name}，可用表头：${f.aliases.slice(0, 4).join('/')}）`).join('；');
      throw new JianduError(
        'mapping_error',
        `文件缺少“${kind.name}”的必需字段：${names}。文件的表头：${headers.join('、')}。可用 --map "表头=字段" 指定对应关系。`,
        { missing: missing.map((f) => f.name) },
      );
    }
  }
  return { planned, pending };
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}
