import { maskValue } from '../access/masking.js';
import type { Lead, LeadWithEvents } from '../store/index.js';
import { LeadRepository, type WorkflowDb } from '../store/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { EvidenceRepository } from '../warehouse/evidence.repository.js';

const ID_NUMBER = /^\d{17}[\dX]$|^\d{15}$/;
const MOBILE = /^1\d{10}$/;

/**
 * Masks what a lead's subject holds of citizens' personal data: subjects are keyed by field
 * reference, not type, so ID numbers and mobile numbers are recognised by their shape.
 */
export function maskSubject(subject: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(subject).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v];
      if (ID_NUMBER.test(v)) return [k, maskValue('idcard', v)];
      if (MOBILE.test(v)) return [k, maskValue('phone', v)];
      return [k, v];
    }),
  );
}

/** A lead for a list: no evidence or explanation, only how many evidence rows it has. */
export function leadListItem(lead: Lead & { evidence: readonly unknown[]; explanation?: unknown }, unmask: boolean): Record<string, unknown> {
  const { explanation, evidence, ...rest } = lead;
  void explanation; // lists leave the explanation to the detail view
  return { ...rest, subject: unmask ? rest.subject : maskSubject(rest.subject), evidenceRows: evidence.length };
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
  const evidenceRows = rows.map((r) => ({
    ...r,
    alias: lead.evidence.find((e) => e.dataset === r.dataset && e.rowId === r.rowId)?.alias ?? null,
    fields: r.fields.map((f) => ({ ...f, value: unmask ? f.value : maskValue(f.type, f.value) })),
  }));
  return { ...lead, subject: unmask ? lead.subject : maskSubject(lead.subject), evidenceRows, masked: !unmask };
}
