import { maskValue } from '../access/masking.js';
import type { Lead, LeadWithEvents } from '../store/index.js';
import { LeadRepository, type WorkflowDb } from '../store/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { EvidenceRepository } from '../warehouse/evidence.repository.js';

/** ID numbers and mobile numbers inside free text (not part of a longer run of digits). */
const ID_IN_TEXT = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * Masks the personal data inside a lead's free text (title, reason, explanation values), which
 * templates fill with whatever fields the model names: ID numbers and mobile numbers are found by
 * their shape; person names cannot be, so those known from the lead's evidence rows (`names`) are
 * masked wherever they occur.
 *
 * @example maskText('张三（52020319850612123X，13885123456）', ['张三']) // '张*（520203********123X，138****3456）'
 */
export function maskText(text: string, names: readonly string[] = []): string {
  let out = text.replace(ID_IN_TEXT, (m) => maskValue('idcard', m) ?? m).replace(MOBILE_IN_TEXT, (m) => maskValue('phone', m) ?? m);
  for (const name of [...new Set(names)].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.replaceAll(name, maskValue('person_name', name) ?? name);
  }
  return out;
}

/**
 * Masks what a lead's subject holds of citizens' personal data: subjects are keyed by field
 * reference, not type, so each value is masked as text (see {@link maskText}).
 */
export function maskSubject(subject: Readonly<Record<string, unknown>>, names: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(subject).map(([k, v]) => [k, typeof v === 'string' ? maskText(v, names) : v]));
}

/** A lead's explanation with the values of each condition masked like its subject. */
function maskExplanation(explanation: unknown, names: readonly string[]): unknown {
  if (!Array.isArray(explanation)) return explanation;
  return (explanation as { values?: Record<string, unknown> }[]).map((x) => (x.values ? { ...x, values: maskSubject(x.values, names) } : x));
}

/**
 * A lead for a list: no evidence or explanation, only how many evidence rows it has. Masked
 * unless `unmask`, with `names` (the person names of its evidence rows) masked in its texts too.
 */
export function leadListItem(lead: Lead & { evidence: readonly unknown[]; explanation?: unknown }, unmask: boolean, names: readonly string[] = []): Record<string, unknown> {
  const { explanation, evidence, ...rest } = lead;
  void explanation; // lists leave the explanation to the detail view
  if (unmask) return { ...rest, evidenceRows: evidence.length };
  return { ...rest, subject: maskSubject(rest.subject, names), title: maskText(rest.title, names), reason: maskText(rest.reason, names), evidenceRows: evidence.length };
}

/**
 * A page of leads for a list, masked unless `unmask`. To mask the person names that templates put
 * into titles and reasons, the page's evidence rows are read from the warehouse (one query per
 * dataset for the whole page) for their person-name fields.
 */
export async function leadListItems(wh: Warehouse, leads: readonly Lead[], unmask: boolean): Promise<Record<string, unknown>[]> {
  if (unmask) return leads.map((l) => leadListItem(l, true));
  const rows = await new EvidenceRepository(wh).fetch(leads.flatMap((l) => l.evidence));
  const namesOf = new Map<string, string[]>();
  for (const r of rows) {
    const names = r.fields.filter((f) => f.type === 'person_name' && f.value !== null).map((f) => f.value as string);
    if (names.length > 0) namesOf.set(`${r.dataset}#${r.rowId}`, names);
  }
  return leads.map((l) => leadListItem(l, false, l.evidence.flatMap((e) => namesOf.get(`${e.dataset}#${e.rowId}`) ?? [])));
}

export type LeadDetail = Awaited<ReturnType<typeof loadLeadDetail>>;

/**
 * One lead with its evidence rows fetched from the warehouse, personal data masked unless
 * `unmask`. Undefined when there is no such lead.
 */
export async function loadLeadDetail(wh: Warehouse, store: WorkflowDb, id: number, unmask: boolean) {
  const lead: LeadWithEvents | undefined = await new LeadRepository(store.db).getLead(id);
  if (!lead) return undefined;
  const rows = await new EvidenceRepository(wh).fetch(lead.evidence);
  const names = rows.flatMap((r) => r.fields.filter((f) => f.type === 'person_name' && f.value !== null).map((f) => f.value as string));
  const evidenceRows = rows.map((r) => ({
    ...r,
    alias: lead.evidence.find((e) => e.dataset === r.dataset && e.rowId === r.rowId)?.alias ?? null,
    fields: r.fields.map((f) => ({ ...f, value: unmask ? f.value : maskValue(f.type, f.value) })),
  }));
  if (unmask) return { ...lead, evidenceRows, masked: false };
  return {
    ...lead,
    subject: maskSubject(lead.subject, names),
    title: maskText(lead.title, names),
    reason: maskText(lead.reason, names),
    explanation: maskExplanation(lead.explanation, names),
    evidenceRows,
    masked: true,
  };
}
