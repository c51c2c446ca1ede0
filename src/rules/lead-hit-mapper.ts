import type { ParameterValue } from './compiler/plan-builder.js';
import { OUT } from './compiler/compiled-query.js';
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
}

type Row = Record<string, unknown>;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : JSON.stringify(v);
}

/**
 * Turns rows of a compiled model query into lead hits: subject, rendered title and reason (the
 * templates are filled here, once per lead, not per source row), amount, evidence references and
 * the explanation of which conditions held on which values.
 */
export class LeadHitMapper {
  constructor(
    private readonly spec: ModelSpec,
    private readonly plan: QueryPlan,
    private readonly parameters: ReadonlyMap<string, ParameterValue>,
    private readonly asOf: string,
  ) {}

  map(row: Row): LeadHit {
    const values = new Map<string, string | null>();
    this.plan.templates.forEach((t, i) => values.set(t.ref, text(row[OUT.template(i)])));
    const fill = (template: string): string =>
      template.replace(/\{([^}]+)\}/g, (_, ref: string) => {
        if (ref === 'runDate') return this.asOf;
        if (ref.startsWith('param.')) {
          const v = this.parameters.get(ref.slice(6));
          return Array.isArray(v) ? v.join('、') : String(v ?? '');
        }
        const v = values.get(ref);
        if (ref === 'distance' && v != null) return String(Math.round(Number(v)));
        return v ?? '（空）';
      });
    const evidence: EvidenceRef[] = [];
    this.plan.evidence.forEach((alias, i) => {
      const raw = row[OUT.evidence(i)];
      const list = typeof raw === 'string' ? (JSON.parse(raw) as { dataset: string; batchId: number; rowId: number }[]) : [];
      for (const e of list) evidence.push({ alias, dataset: e.dataset, batchId: Number(e.batchId), rowId: Number(e.rowId) });
    });
    evidence.sort((a, b) => a.alias.localeCompare(b.alias) || a.dataset.localeCompare(b.dataset) || a.rowId - b.rowId);
    const amount = row[OUT.amount];
    return {
      fingerprint: String(row[OUT.fingerprint]),
      subject: Object.fromEntries(this.plan.subject.map((s, i) => [s.ref, text(row[OUT.subject(i)])])),
      title: tidy(fill(this.spec.lead.title)),
      reason: tidy(fill(this.spec.lead.reason)),
      severity: this.spec.lead.severity,
      amount: amount === null || amount === undefined ? null : Math.round(Number(amount) * 100) / 100,
      evidence,
      explanation: this.plan.explain.map((x, i) => ({
        condition: x.label,
        matched: row[OUT.explainFlag(i)] === true,
        values: Object.fromEntries(x.values.map((v, j) => [v.ref, text(row[OUT.explainValue(i, j)])])),
      })),
    };
  }
}

/** Collapses the spaces YAML folding leaves in Chinese text (none belong between two CJK characters). */
function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '')
    .trim();
}
