import type { LeadEventKind, LeadSeverity, LeadStatus } from './workflow-schema.js';

export type { LeadEventKind, LeadSeverity, LeadStatus } from './workflow-schema.js';

/** One warehouse row behind a lead: which dataset, which import batch, which row. */
export interface EvidenceRef {
  /** The model's name for the source (a spec may read one dataset twice under two aliases). */
  alias: string;
  dataset: string;
  batchId: number;
  rowId: number;
}

/**
 * One lead as a model run found it, before it meets the store. Its identity is `fingerprint`
 * (a hash of the model and the subject's key fields), unique per model.
 */
export interface LeadHit {
  fingerprint: string;
  /** The subject's key fields, e.g. `{ uscc: '91…', name: '某某公司' }`. */
  subject: Record<string, unknown>;
  title: string;
  reason: string;
  severity: LeadSeverity;
  /** Yuan, two decimals; null when the model computes no amount. */
  amount: number | null;
  evidence: EvidenceRef[];
  /** What the compiler says about why this lead matched, e.g. `[{ condition, matched, values }]`. */
  explanation: unknown;
  /**
   * The lead's content hash when the run computed one (a digest of everything it is rendered
   * from, made in DuckDB); absent, the store hashes the lead's JSON itself.
   */
  contentHash?: string;
}

/** A hit the store holds open and unchanged, known by its content hash alone (the run did not render it). */
export interface UnchangedHit {
  unchanged: true;
  contentHash: string;
}

/** What a model run hands the store. */
export type RunHit = LeadHit | UnchangedHit;

/** The content hashes of a model's open leads, as an apply sees them before it reads any hit. */
export interface KnownContent {
  has(contentHash: string): boolean;
}

/** What one model run did to the lead store. */
export interface ApplyResult {
  /** Distinct hits (by fingerprint) in this run. */
  leads: number;
  /** Fingerprints the store had never seen for this model. */
  new: number;
  /** Fingerprints the store already had, whatever their status (includes `reopened`). */
  seenAgain: number;
  /** Open leads of this model that this run no longer found. */
  cleared: number;
  /** Cleared leads that this run found again: open once more. */
  reopened: number;
}

/** A stored lead. */
export interface Lead {
  id: number;
  fingerprint: string;
  modelId: string;
  modelVersion: number;
  subject: Record<string, unknown>;
  title: string;
  reason: string;
  severity: LeadSeverity;
  amount: number | null;
  status: LeadStatus;
  firstSeenRun: number;
  lastSeenRun: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  clearedAt: Date | null;
  clearedRun: number | null;
  evidence: EvidenceRef[];
  explanation: unknown;
}

/** One step in a lead's history. */
export interface LeadEvent {
  /** Null for an entry made from the lead and the apply log, not stored: `created`, and `seen_again` of an unchanged lead (see LeadRepository.getLead). */
  id: number | null;
  leadId: number;
  runId: number | null;
  at: Date;
  event: LeadEventKind;
  detail: unknown;
}

export interface LeadWithEvents extends Lead {
  /** Oldest first. */
  events: LeadEvent[];
}

export interface LeadFilter {
  modelId?: string | undefined;
  status?: LeadStatus | undefined;
  /** Default 100, at most 10,000. */
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface LeadCount {
  modelId: string;
  total: number;
  byStatus: Partial<Record<LeadStatus, number>>;
}
