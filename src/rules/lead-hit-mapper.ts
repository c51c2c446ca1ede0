import { hash } from 'node:crypto';
import { DuckDBDateValue, DuckDBDecimalValue, DuckDBListVector, DuckDBStructVector, type DuckDBDataChunk, type DuckDBVector } from '@duckdb/node-api';
import type { EvidenceColumn, OutputColumns } from './compiler/compiled-query.js';
import { DIGEST_COLUMN } from './content-digest.js';
import { dateText } from './date-text.js';
import type { ParameterValue } from './compiler/plan-builder.js';
import type { QueryPlan } from './compiler/query-plan.js';
import type { ModelSpec } from './spec/model-spec.js';

export interface EvidenceRef {
  readonly alias: string;
  readonly dataset: string;
  readonly batchId: number;
  readonly rowId: number;
}

export interface ExplanationItem {
  readonly condition: string;
  readonly matched: boolean;
  readonly values: Readonly<Record<string, string | null>>;
}

/** One hit of a model, ready for the lead store. */
export interface LeadHit {
  readonly fingerprint: string;
  readonly subject: Readonly<Record<string, string | null>>;
  readonly title: string;
  readonly reason: string;
  readonly severity: 'high' | 'medium' | 'low';
  readonly amount: number | null;
  readonly evidence: EvidenceRef[];
  readonly explanation: ExplanationItem[];
  /** The lead's content digest from DuckDB (see `withContentDigest`); absent: the store hashes the lead itself. */
  readonly contentHash?: string;
}

/** A hit the store already holds exactly as it is, known by its content digest alone: not rendered. */
export interface UnchangedHit {
  readonly unchanged: true;
  readonly contentHash: string;
}

/** What a model run hands the lead store: rendered hits, and hits it knows unchanged. */
export type RunHit = LeadHit | UnchangedHit;

/** The content digests of the leads a store holds open for a model (see `LeadRepository.applyModelRun`). */
export interface KnownContent {
  has(contentHash: string): boolean;
}

/** One row of a compiled model query, decoded but not yet rendered: the values as the engine gave them. */
export interface DecodedHit {
  readonly fingerprint: string;
  /** In `lead.subject` order. */
  readonly subject: readonly (string | null)[];
  /** In plan template order. */
  readonly templates: readonly (string | null)[];
  readonly amount: number | null;
  /** Sorted by alias, dataset, row id. */
  readonly evidence: readonly EvidenceRef[];
  /** Per recorded condition: whether it held on some row of the lead (null: unknown). */
  readonly flags: readonly (boolean | null)[];
  /** Per recorded condition: its values. */
  readonly explainValues: readonly (readonly (string | null)[])[];
  /** The lead hit the runner makes of this row. */
  readonly hit: LeadHit;
}

type Row = Record<string, unknown>;

/** The texts of one row (see {@link OutputColumns.texts}). */
type Texts = readonly (string | null)[];

type MakeHit<T> = (texts: Texts, amount: number | null, evidence: EvidenceRef[], flags: (boolean | null)[]) => T;

/** A piece of a title or reason: fixed text, or the template value at `index` (a `{distance}` rounded to whole metres). */
type TemplatePart = string | { readonly index: number; readonly distance: boolean };

const MISSING = '（空）';

/** Changes when the way a lead is rendered changes, so digests made before no longer match. */
const RENDER_FORMAT = 1;

/**
 * A lead's identity across runs: md5 (hex) of the model id and the subject texts (NULL as empty),
 * joined by U+001F — the formula of the leads already stored, computed here for every engine.
 */
export function leadFingerprint(modelId: string, subject: readonly (string | null)[]): string {
  let s = modelId;
  for (const v of subject) s += `\u001f${v ?? ''}`;
  return hash('md5', s);
}

/** A number from any engine's representation: DuckDB DECIMAL values and BIGINTs, PostgreSQL numeric text. */
function numberOf(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') return Number(v);
  // Through the decimal text, exactly as the text of a numeric column would be read.
  if (v instanceof DuckDBDecimalValue) return Number(v.toString());
  throw new Error(`an amount should be a number, got ${JSON.stringify(v)}`);
}

function flagOf(v: unknown): boolean | null {
  return v === null || v === undefined ? null : v === true;
}

/**
 * Turns rows of a compiled model query into lead hits: subject, rendered title and reason (the
 * templates are filled here, once per lead, not per source row), amount, evidence references and
 * the explanation of which conditions held on which values.
 *
 * Two ways in, to the same leads: {@link readChunks} reads DuckDB result chunks column by column
 * (the runner's path: no object per row and value; one JSON array of texts per lead), {@link map}
 * and {@link decodeRow} read row objects as any engine returns them (PostgreSQL, PGlite, DuckDB's
 * row API). The `decode…` variants also give the values before rendering ({@link DecodedHit}),
 * which the cross-engine tests compare.
 */
export class LeadHitMapper {
  private readonly title: readonly TemplatePart[];
  private readonly reason: readonly TemplatePart[];
  /** Rank of each evidence alias, and of each dataset within it, in the order evidence is sorted. */
  private readonly aliasRank: ReadonlyMap<string, number>;
  private readonly datasetRank: ReadonlyMap<string, number>;
  private readonly subjectRefs: readonly string[];
  /** Index in the texts of each template value. */
  private readonly templates: readonly number[];
  private readonly explain: readonly { readonly label: string; readonly refs: readonly string[]; readonly indexes: readonly number[] }[];
  /**
   * Everything a lead is rendered from besides its row: the model, severity, the title and reason
   * templates with parameters and run date filled in, subject and explanation names, where each
   * sits in the row. Part of the content digest, so a template edited without a new model
   * version still renders the model's known leads again.
   */
  readonly renderKey: string;
  /** Writes the dates that come as DATE values (OutputColumns.dates), each distinct day once per mapper. */
  private readonly dateText = dateTexts();

  constructor(
    private readonly spec: ModelSpec,
    plan: QueryPlan,
    private readonly columns: OutputColumns,
    parameters: ReadonlyMap<string, ParameterValue>,
    asOf: string,
  ) {
    const refs = plan.templates.map((t) => t.ref);
    const compile = (template: string): TemplatePart[] => {
      const parts: TemplatePart[] = [];
      let last = 0;
      for (const m of template.matchAll(/\{([^}]+)\}/g)) {
        const ref = m[1] ?? '';
        parts.push(template.slice(last, m.index));
        last = m.index + m[0].length;
        if (ref === 'runDate') parts.push(asOf);
        else if (ref.startsWith('param.')) {
          const v = parameters.get(ref.slice(6));
          parts.push(Array.isArray(v) ? v.join('、') : String(v ?? ''));
        } else {
          const index = refs.indexOf(ref);
          parts.push(index < 0 ? MISSING : { index, distance: ref === 'distance' });
        }
      }
      parts.push(template.slice(last));
      // Adjacent fixed pieces as one.
      return parts.reduce<TemplatePart[]>((out, p) => {
        const prev = out.at(-1);
        if (typeof p === 'string' && typeof prev === 'string') out[out.length - 1] = prev + p;
        else if (p !== '') out.push(p);
        return out;
      }, []);
    };
    this.title = compile(spec.lead.title);
    this.reason = compile(spec.lead.reason);
    const byLocale = (a: string, b: string): number => a.localeCompare(b);
    this.aliasRank = new Map([...new Set(columns.evidence.map((e) => e.alias))].sort(byLocale).map((a, i) => [a, i]));
    this.datasetRank = new Map([...new Set(columns.evidence.flatMap((e) => e.datasets))].sort(byLocale).map((d, i) => [d, i]));
    this.subjectRefs = plan.subject.map((s) => s.ref);
    this.templates = columns.templates;
    this.explain = plan.explain.map((x, i) => ({ label: x.label, refs: x.values.map((v) => v.ref), indexes: columns.explain[i]?.values ?? [] }));
    this.renderKey = hash(
      'md5',
      JSON.stringify([RENDER_FORMAT, spec.id, spec.lead.severity, this.title, this.reason, this.subjectRefs, this.explain, columns.subject, columns.templates, columns.dates]),
    );
  }

  /** Maps one row object (any engine) to a lead hit. */
  map(row: Row): LeadHit {
    return this.fromRow(row, (texts, amount, evidence, flags) => this.hit(texts, amount, evidence, flags));
  }

  /** Decodes one row object, as DuckDB, PGlite or PostgreSQL returns it. */
  decodeRow(row: Row): DecodedHit {
    return this.fromRow(row, (texts, amount, evidence, flags) => this.decoded(texts, amount, evidence, flags));
  }

  /**
   * A reader of DuckDB result chunks with these column names, column by column (no row objects):
   * each call maps one chunk's rows to lead hits and appends them to `out`.
   */
  readChunks(columnNames: readonly string[]): (chunk: DuckDBDataChunk, out: LeadHit[]) => void {
    return this.chunkReader(columnNames, (texts, amount, evidence, flags) => this.hit(texts, amount, evidence, flags));
  }

  /**
   * {@link readChunks} for a query with the content digest column (see `withContentDigest`): a
   * row whose digest is in `known` becomes an {@link UnchangedHit} without being decoded; every
   * other row a lead hit carrying its digest. Rows keep their order (the store takes the first
   * hit of a fingerprint).
   */
  readDigestedChunks(columnNames: readonly string[], known: KnownContent): (chunk: DuckDBDataChunk, out: RunHit[]) => void {
    const digestIndex = columnNames.indexOf(DIGEST_COLUMN);
    if (digestIndex < 0) throw new Error(`compiled model query has no column ${DIGEST_COLUMN}`);
    let digest = '';
    return this.chunkReader<RunHit>(
      columnNames,
      (texts, amount, evidence, flags) => this.hit(texts, amount, evidence, flags, digest),
      (chunk) => {
        const digests = chunk.getColumnVector(digestIndex);
        return (r) => {
          digest = digests.getItem(r) as string;
          return known.has(digest) ? { unchanged: true, contentHash: digest } : undefined;
        };
      },
    );
  }

  /** {@link readChunks}, decoding each row to its values and its lead hit. */
  decodeChunks(columnNames: readonly string[]): (chunk: DuckDBDataChunk, out: DecodedHit[]) => void {
    return this.chunkReader(columnNames, (texts, amount, evidence, flags) => this.decoded(texts, amount, evidence, flags));
  }

  /** Reads chunks row by row; `answerer`, when given, may answer a row of a chunk without its being decoded. */
  private chunkReader<T>(
    columnNames: readonly string[],
    make: MakeHit<T>,
    answerer?: (chunk: DuckDBDataChunk) => (r: number) => T | undefined,
  ): (chunk: DuckDBDataChunk, out: T[]) => void {
    const c = this.columns;
    const index = (name: string): number => {
      const i = columnNames.indexOf(name);
      if (i < 0) throw new Error(`compiled model query has no column ${name}`);
      return i;
    };
    const texts = index(c.texts);
    const dates = c.dates.map((d) => ({ index: d.index, column: index(d.column) }));
    const dateText = this.dateText;
    const amount = c.amount === null ? -1 : index(c.amount);
    const flags = c.explain.map((x) => (x.flag === true ? -1 : index(x.flag)));
    const evidence = c.evidence.map((e) => ({ column: index(e.column), e }));
    return (chunk, out) => {
      const textV = chunk.getColumnVector(texts);
      const dateV = dates.map((d) => ({ index: d.index, vector: chunk.getColumnVector(d.column) }));
      const amountV = amount < 0 ? null : chunk.getColumnVector(amount);
      const flagV = flags.map((i) => (i < 0 ? null : chunk.getColumnVector(i)));
      const readers = evidence.map(({ column, e }) => this.evidenceReader(chunk.getColumnVector(column), e));
      const answer = answerer?.(chunk);
      const n = chunk.rowCount;
      for (let r = 0; r < n; r++) {
        const answered = answer?.(r);
        if (answered !== undefined) {
          out.push(answered);
          continue;
        }
        const refs: EvidenceRef[] = [];
        for (const read of readers) read(r, refs);
        const flagged: (boolean | null)[] = [];
        for (const v of flagV) flagged.push(v ? flagOf(v.getItem(r)) : true);
        const rowTexts = JSON.parse(textV.getItem(r) as string) as (string | null)[];
        for (const d of dateV) rowTexts[d.index] = dateText(d.vector.getItem(r));
        out.push(make(rowTexts, amountV ? numberOf(amountV.getItem(r)) : null, this.sortEvidence(refs), flagged));
      }
    };
  }

  private fromRow<T>(row: Row, make: MakeHit<T>): T {
    const c = this.columns;
    const refs: EvidenceRef[] = [];
    for (const e of c.evidence) {
      let list = row[e.column];
      if (typeof list === 'string') list = JSON.parse(list);
      if (!Array.isArray(list)) continue;
      for (const item of list as unknown[]) {
        // [d, b, r] / [b, r] from PostgreSQL JSON; {d, b, r} / {b, r} from DuckDB's STRUCT.
        const [d, b, r] = Array.isArray(item)
          ? e.datasets.length > 1
            ? (item as unknown[])
            : [0, ...(item as unknown[])]
          : [(item as Row)['d'] ?? 0, (item as Row)['b'], (item as Row)['r']];
        refs.push({ alias: e.alias, dataset: e.datasets[Number(d)] ?? '', batchId: Number(b), rowId: Number(r) });
      }
    }
    const texts = row[c.texts];
    const rowTexts = (typeof texts === 'string' ? JSON.parse(texts) : texts) as (string | null)[];
    for (const d of c.dates) rowTexts[d.index] = this.dateText(row[d.column]);
    return make(
      rowTexts,
      c.amount === null ? null : numberOf(row[c.amount]),
      this.sortEvidence(refs),
      c.explain.map((x) => (x.flag === true ? true : flagOf(row[x.flag]))),
    );
  }

  private decoded(texts: Texts, amount: number | null, evidence: EvidenceRef[], flags: (boolean | null)[]): DecodedHit {
    const c = this.columns;
    const subject = c.subject.map((i) => texts[i] ?? null);
    return {
      fingerprint: leadFingerprint(this.spec.id, subject),
      subject,
      templates: c.templates.map((i) => texts[i] ?? null),
      amount,
      evidence,
      flags,
      explainValues: c.explain.map((x) => x.values.map((i) => texts[i] ?? null)),
      hit: this.hit(texts, amount, evidence, flags),
    };
  }

  /** The lead hit of one row: subject, title and reason filled, explanation. */
  private hit(texts: Texts, amount: number | null, evidence: EvidenceRef[], flags: (boolean | null)[], contentHash?: string): LeadHit {
    const c = this.columns;
    const subject: Record<string, string | null> = {};
    const subjectTexts: (string | null)[] = [];
    for (let i = 0; i < c.subject.length; i++) {
      const v = texts[c.subject[i] ?? -1] ?? null;
      subject[this.subjectRefs[i] ?? ''] = v;
      subjectTexts.push(v);
    }
    const explanation: ExplanationItem[] = [];
    for (let i = 0; i < this.explain.length; i++) {
      const x = this.explain[i];
      if (!x) continue;
      const values: Record<string, string | null> = {};
      for (let j = 0; j < x.refs.length; j++) values[x.refs[j] ?? ''] = texts[x.indexes[j] ?? -1] ?? null;
      explanation.push({ condition: x.label, matched: flags[i] === true, values });
    }
    return {
      fingerprint: leadFingerprint(this.spec.id, subjectTexts),
      subject,
      title: tidy(fill(this.title, this.templates, texts)),
      reason: tidy(fill(this.reason, this.templates, texts)),
      severity: this.spec.lead.severity,
      amount: amount === null ? null : Math.round(amount * 100) / 100,
      evidence,
      explanation,
      ...(contentHash === undefined ? {} : { contentHash }),
    };
  }

  /** Appends the evidence of row `r` held in a LIST of STRUCT({d,} b, r) vector to `out`. */
  private evidenceReader(vector: DuckDBVector, e: EvidenceColumn): (r: number, out: EvidenceRef[]) => void {
    if (!(vector instanceof DuckDBListVector)) throw new Error(`evidence column ${e.column} is not a list`);
    const struct = vector.childVector;
    if (!(struct instanceof DuckDBStructVector)) throw new Error(`evidence column ${e.column} is not a list of structs`);
    const withDataset = e.datasets.length > 1;
    const ds = withDataset ? struct.entryVectorAt(0) : undefined;
    const batches = struct.entryVectorAt(withDataset ? 1 : 0);
    const rows = struct.entryVectorAt(withDataset ? 2 : 1);
    const only = e.datasets[0] ?? '';
    // A GROUP BY group has at least one row, so the list is never NULL.
    return (r, out) => {
      const start = vector.getEntryOffset(r);
      const end = start + vector.getEntryLength(r);
      for (let k = start; k < end; k++) {
        out.push({
          alias: e.alias,
          dataset: ds ? (e.datasets[Number(ds.getItem(k))] ?? '') : only,
          batchId: Number(batches.getItem(k)),
          rowId: Number(rows.getItem(k)),
        });
      }
    };
  }

  /** By alias, dataset (both in locale order), then row id. */
  private sortEvidence(refs: EvidenceRef[]): EvidenceRef[] {
    if (refs.length < 2) return refs;
    const alias = this.aliasRank;
    const dataset = this.datasetRank;
    return refs.sort(
      (a, b) => (alias.get(a.alias) ?? 0) - (alias.get(b.alias) ?? 0) || (dataset.get(a.dataset) ?? 0) - (dataset.get(b.dataset) ?? 0) || a.rowId - b.rowId,
    );
  }
}

/**
 * A writer of dates as text, exactly as DuckDB casts a DATE to VARCHAR (see {@link dateText}),
 * each distinct day written once. A text (a date some engine already wrote) is kept as it is.
 */
export function dateTexts(): (value: unknown) => string | null {
  const written = new Map<number, string>();
  return (value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value;
    if (!(value instanceof DuckDBDateValue)) throw new Error(`a date should be a DATE value, got a ${typeof value}`);
    let text = written.get(value.days);
    if (text === undefined) {
      text = dateText(value.days);
      written.set(value.days, text);
    }
    return text;
  };
}

/** A template filled: `p.index` is a template value, whose text is `texts[templates[p.index]]`. */
function fill(parts: readonly TemplatePart[], templates: readonly number[], texts: Texts): string {
  let s = '';
  for (const p of parts) {
    if (typeof p === 'string') s += p;
    else {
      const v = texts[templates[p.index] ?? -1] ?? null;
      s += v === null ? MISSING : p.distance ? String(Math.round(Number(v))) : v;
    }
  }
  return s;
}

/** Collapses the spaces YAML folding leaves in Chinese text (none belong between two CJK characters). */
export function tidy(s: string): string {
  // Without whitespace (the common case) every step below is the identity.
  if (!/\s/.test(s)) return s;
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '')
    .trim();
}
