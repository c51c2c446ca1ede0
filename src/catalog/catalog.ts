/**
 * The dataset catalogue (数据资源目录): look-up of standard kinds, header-to-field matching for
 * an import into a kind, and field inference for custom datasets that have no kind.
 */
import type { DatasetKind, FieldSpec } from './dataset-kind.js';
import { fieldNameStem } from './field-name.js';
import { GENERIC_ALIASES, SUFFIX_RULES, UNIT_RULE } from './generic-aliases.js';
import { type HeaderUnit, headerKey, parseHeader } from './header.js';
import { STANDARD_KINDS } from './kinds/index.js';
import type { SemanticType } from './semantic-type.js';

const KINDS_BY_ID: ReadonlyMap<string, DatasetKind> = new Map(STANDARD_KINDS.map((k) => [k.id, k]));

/**
 * All standard dataset kinds, in catalogue order.
 *
 * @example
 * listKinds().map((k) => k.id); // ['school', 'tobacco_retailer', ...]
 */
export function listKinds(): readonly DatasetKind[] {
  return STANDARD_KINDS;
}

/**
 * The standard kind with this id, or `undefined`.
 *
 * @example
 * getKind('tobacco_retailer')?.name; // '烟草制品零售许可户'
 * getKind('nope');                   // undefined
 */
export function getKind(id: string): DatasetKind | undefined {
  return KINDS_BY_ID.get(id);
}

/**
 * The header texts that select a field: its canonical `name`, its Chinese `label` and its
 * `aliases`. All are compared by {@link headerKey}.
 *
 * @example
 * fieldKeys(getKind('death_registration')!.fields[0]!); // ['id_number', '公民身份号码', '身份证号', ...]
 */
export function fieldKeys(field: FieldSpec): readonly string[] {
  return [field.name, field.label, ...field.aliases];
}

const KIND_INDEX_CACHE = new WeakMap<DatasetKind, ReadonlyMap<string, FieldSpec>>();

/** Header key -> field for one kind. On a clash (a bug `validateKind` reports) the first field keeps the key. */
function kindIndex(kind: DatasetKind): ReadonlyMap<string, FieldSpec> {
  let index = KIND_INDEX_CACHE.get(kind);
  if (!index) {
    const built = new Map<string, FieldSpec>();
    for (const field of kind.fields) {
      for (const key of fieldKeys(field).map(headerKey)) {
        if (key !== '' && !built.has(key)) built.set(key, field);
      }
    }
    index = built;
    KIND_INDEX_CACHE.set(kind, index);
  }
  return index;
}

export interface HeaderMatch {
  /** Column index -> the field it fills. Each field appears at most once. */
  readonly mapping: Map<number, FieldSpec>;
  /** Column indexes that fill no field (unknown headers, or a second column for a claimed field). */
  readonly unmatched: number[];
  /** Column index -> money unit named by the header (`金额（万元）`), for every column that has one. */
  readonly units: Map<number, HeaderUnit>;
}

/**
 * Map a header row onto the fields of a kind. Headers and aliases are compared after
 * {@link parseHeader} (and lower-casing). Each field is claimed by at most one column: when two
 * columns match the same field, the left-most wins and the other stays unmatched.
 *
 * @example
 * const m = matchHeaders(getKind('tobacco_retailer')!, ['序号', '*许可证号', '经 度', '金额（万元）']);
 * m.mapping.get(1)?.name; // 'licence_no'
 * m.mapping.get(2)?.name; // 'lng'
 * m.unmatched;            // [0, 3]
 * m.units.get(3);         // 'wan'
 */
export function matchHeaders(kind: DatasetKind, headers: readonly string[]): HeaderMatch {
  const index = kindIndex(kind);
  const mapping = new Map<number, FieldSpec>();
  const unmatched: number[] = [];
  const units = new Map<number, HeaderUnit>();
  const claimed = new Set<string>();
  for (let i = 0; i < headers.length; i++) {
    // Spreadsheet readers hand back holes for empty header cells despite the type.
    const parsed = parseHeader(headers[i] ?? '');
    if (parsed.unit !== null) units.set(i, parsed.unit);
    const field = index.get(parsed.text.toLowerCase());
    if (field !== undefined && !claimed.has(field.name)) {
      mapping.set(i, field);
      claimed.add(field.name);
    } else {
      unmatched.push(i);
    }
  }
  return { mapping, unmatched, units };
}

/** Where an inferred field came from, strongest first. */
export type InferenceSource = 'kind_alias' | 'generic_alias' | 'suffix_rule';

export interface InferredField {
  readonly name: string;
  readonly type: SemanticType;
  readonly via: InferenceSource;
}

/** One (name, type) that some kinds give to a header key, and how many fields do. */
export interface AliasCandidate {
  readonly name: string;
  readonly type: SemanticType;
  readonly count: number;
  /** Kind ids that use the key for this name and type, in catalogue order. */
  readonly kinds: readonly string[];
}

let globalIndexCache: ReadonlyMap<string, readonly AliasCandidate[]> | undefined;

/**
 * Header key -> the (name, type) candidates across all standard kinds, most common first;
 * ties keep catalogue order (the kind listed first wins).
 */
function globalIndex(): ReadonlyMap<string, readonly AliasCandidate[]> {
  if (globalIndexCache) return globalIndexCache;
  type Tally = { name: string; type: SemanticType; kinds: string[] };
  const byKey = new Map<string, Map<string, Tally>>();
  for (const kind of STANDARD_KINDS) {
    for (const field of kind.fields) {
      for (const key of new Set(fieldKeys(field).map(headerKey))) {
        if (key === '') continue;
        let candidates = byKey.get(key);
        if (!candidates) byKey.set(key, (candidates = new Map<string, Tally>()));
        const id = `${field.name}\u0000${field.type}`;
        let candidate = candidates.get(id);
        if (!candidate) candidates.set(id, (candidate = { name: field.name, type: field.type, kinds: [] }));
        if (!candidate.kinds.includes(kind.id)) candidate.kinds.push(kind.id);
      }
    }
  }
  const index = new Map<string, readonly AliasCandidate[]>();
  for (const [key, candidates] of byKey) {
    // Array.prototype.sort is stable, so equal counts keep insertion (catalogue) order.
    const sorted = [...candidates.values()]
      .map((c) => ({ ...c, count: c.kinds.length }))
      .sort((a, b) => b.count - a.count);
    index.set(key, sorted);
  }
  globalIndexCache = index;
  return index;
}

/**
 * Header keys that standard kinds give to more than one field name or semantic type. Different
 * names are expected (`身份证号` is `id_number` in most kinds but `suspect_id_number` in
 * prosecution decisions) and resolved by majority. Different types should not happen; the one
 * accepted exception is 登记时间, a date (`registered_date`) in five registries but the
 * check-in datetime (`checkin_time`) in hotel check-ins, where the time of day matters. Custom
 * datasets get the majority, `date`.
 *
 * @example
 * aliasConflicts().filter((c) => new Set(c.candidates.map((x) => x.type)).size > 1); // []
 */
export function aliasConflicts(): { key: string; candidates: readonly AliasCandidate[] }[] {
  const out: { key: string; candidates: readonly AliasCandidate[] }[] = [];
  for (const [key, candidates] of globalIndex()) {
    if (candidates.length > 1) out.push({ key, candidates });
  }
  return out;
}

let genericIndexCache: ReadonlyMap<string, { name: string; type: SemanticType }> | undefined;

function genericIndex(): ReadonlyMap<string, { name: string; type: SemanticType }> {
  if (!genericIndexCache) {
    const index = new Map<string, { name: string; type: SemanticType }>();
    for (const g of GENERIC_ALIASES) {
      for (const key of [g.name, ...g.aliases].map(headerKey)) {
        if (key !== '' && !index.has(key)) index.set(key, { name: g.name, type: g.type });
      }
    }
    genericIndexCache = index;
  }
  return genericIndexCache;
}

function suffixName(stemSource: string, base: string): string {
  const stem = fieldNameStem(stemSource);
  return stem === '' ? base : `${stem}_${base}`;
}

/**
 * Guess the canonical field for a header of a custom dataset (one imported without a kind).
 *
 * Order: (1) the aliases, labels and names of all standard kinds — when kinds disagree on the
 * name, the name most kinds use wins; on a tie the generic table's entry wins if it has one,
 * else the kind listed first (so 类型 is `category`, not `school_type`); (2) the generic table
 * in `generic-aliases.ts` (序号, 备注, 地址, 电话...); (3) suffix rules — a header ending in
 * 日期 is a date, 时间 a datetime, 金额/费用/款 money, 身份证号 an ID number, 统一社会信用代码 a
 * credit code, 电话/手机 a phone — named by the pinyin of the rest of the header; (4) a header
 * with a money unit is money. Returns `undefined` when nothing applies. The unit of a money
 * header is not part of the result: read it with {@link parseHeader}.
 *
 * @example
 * inferFieldFromHeader('统一社会信用代码'); // { name: 'uscc', type: 'uscc', via: 'kind_alias' }
 * inferFieldFromHeader('序号');             // { name: 'row_no', type: 'integer', via: 'generic_alias' }
 * inferFieldFromHeader('巡查时间');         // { name: 'xuncha_time', type: 'datetime', via: 'suffix_rule' }
 * inferFieldFromHeader('担保人身份证号');   // { name: 'danbaoren_id_number', type: 'idcard', via: 'suffix_rule' }
 */
export function inferFieldFromHeader(header: string): InferredField | undefined {
  const parsed = parseHeader(header);
  const key = parsed.text.toLowerCase();
  if (key === '') return undefined;

  const generic = genericIndex().get(key);
  const [best, runnerUp] = globalIndex().get(key) ?? [];
  if (best) {
    // A tie between kinds is no evidence for either name: the generic table decides if it can.
    const tied = runnerUp !== undefined && runnerUp.count === best.count;
    if (tied && generic) return { ...generic, via: 'generic_alias' };
    return { name: best.name, type: best.type, via: 'kind_alias' };
  }
  if (generic) return { ...generic, via: 'generic_alias' };

  for (const rule of SUFFIX_RULES) {
    if (rule.except?.some((e) => parsed.text.endsWith(e))) continue;
    const suffix = [...rule.suffixes].sort((a, b) => b.length - a.length).find((s) => parsed.text.endsWith(s));
    if (suffix !== undefined) {
      const name = suffixName(parsed.text.slice(0, -suffix.length), rule.base);
      return { name, type: rule.type, via: 'suffix_rule' };
    }
  }
  if (parsed.unit !== null) {
    return { name: suffixName(parsed.text, UNIT_RULE.base), type: UNIT_RULE.type, via: 'suffix_rule' };
  }
  return undefined;
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const HAS_HAN = /\p{Script=Han}/u;

/**
 * Check a kind against the catalogue's rules; returns the problems found (empty when valid).
 * Standard kinds are checked by the tests; use it for kinds defined elsewhere too.
 *
 * Rules: snake_case id and field names; Chinese kind name and labels; at least one required
 * field; unique field names; no header key (alias, label or name after {@link headerKey})
 * claimed by two fields; no alias that normalises to nothing.
 *
 * @example
 * validateKind(getKind('school')!); // []
 */
export function validateKind(kind: DatasetKind): string[] {
  const problems: string[] = [];
  if (!SNAKE_CASE.test(kind.id)) problems.push(`id ${JSON.stringify(kind.id)} is not snake_case`);
  if (!HAS_HAN.test(kind.name)) problems.push(`${kind.id}: name ${JSON.stringify(kind.name)} is not Chinese`);
  if (kind.fields.length === 0) problems.push(`${kind.id}: no fields`);
  if (!kind.fields.some((f) => f.required)) problems.push(`${kind.id}: no required field`);
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const field of kind.fields) {
    if (!SNAKE_CASE.test(field.name)) problems.push(`${kind.id}.${field.name}: name is not snake_case`);
    if (names.has(field.name)) problems.push(`${kind.id}.${field.name}: duplicate field name`);
    names.add(field.name);
    if (!HAS_HAN.test(field.label)) problems.push(`${kind.id}.${field.name}: label is not Chinese`);
    for (const raw of fieldKeys(field)) {
      const key = headerKey(raw);
      if (key === '') {
        problems.push(`${kind.id}.${field.name}: alias ${JSON.stringify(raw)} normalises to nothing`);
        continue;
      }
      const owner = owners.get(key);
      if (owner !== undefined && owner !== field.name) {
        problems.push(`${kind.id}: header ${JSON.stringify(raw)} is claimed by both ${owner} and ${field.name}`);
      } else {
        owners.set(key, field.name);
      }
    }
  }
  return problems;
}
