import { quoteIdent } from '../warehouse/warehouse.js';
import type { CompiledQuery } from './compiler/compiled-query.js';

/** The output column holding each row's content digest (see {@link withContentDigest}). */
export const DIGEST_COLUMN = '_digest';

/**
 * A compiled DuckDB model query with one more column: each lead's content digest, the md5 (hex)
 * of everything the runner renders the lead from — `key` (the render key: model, templates with
 * their parameters filled, severity, explanation labels; see `LeadHitMapper.renderKey`), the
 * texts, each date as DuckDB's text, and a hash of the amount, the explanation flags and the
 * evidence lists. Equal digests mean equal leads, so a re-run skips rendering (JSON texts,
 * templates, fingerprint, content hash: 4–10 µs a lead in JavaScript) for every lead whose digest
 * the store already holds; DuckDB computes it at ~0.3 µs a row.
 *
 * Texts and dates, which make the subject and so the lead's identity, are hashed whole by md5;
 * the structured parts by DuckDB's 64-bit `hash`, where a collision could at worst leave a known
 * lead's amount or evidence as the earlier run wrote them. An evidence list built by an
 * aggregate has no fixed order, so a list of several rows is sorted before it is hashed: a
 * re-run over the same rows gives the same digest. The digest wraps the model query rather than
 * being part of it: `models sql` and the benchmark's compiled query stay the question alone.
 */
export function withContentDigest(query: CompiledQuery, key: string): { readonly sql: string; readonly parameters: readonly (string | number | boolean)[] } {
  const c = query.columns;
  const col = (name: string): string => `q.${quoteIdent(name)}`;
  const parts = [`$${query.parameters.length + 1}`, col(c.texts), ...c.dates.map((d) => `coalesce(CAST(${col(d.column)} AS VARCHAR), '')`)];
  const structured = [
    ...(c.amount === null ? [] : [col(c.amount)]),
    ...c.explain.flatMap((x) => (x.flag === true ? [] : [col(x.flag)])),
    ...c.evidence.map((e) => `CASE WHEN len(${col(e.column)}) < 2 THEN hash(${col(e.column)}) ELSE hash(list_sort(${col(e.column)})) END`),
  ];
  if (structured.length > 0) parts.push(`CAST(hash(${structured.join(', ')}) AS VARCHAR)`);
  return {
    sql: `SELECT q.*, md5(concat_ws(chr(31), ${parts.join(', ')})) AS ${quoteIdent(DIGEST_COLUMN)}\nFROM (\n${query.sql}\n) AS q`,
    parameters: [...query.parameters, key],
  };
}
