import type { SemanticType } from '../catalog/semantic-type.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { ColumnPlan, PendingColumn } from './column-plan.js';
import { STAGE_TABLE, stageColumn } from './staged-source.js';

/** Rows looked at when inferring a column's type from its values. */
const SAMPLE_ROWS = 20_000;
/** Share of non-empty values a type must accept to be chosen. */
const THRESHOLD = 0.9;

/**
 * Candidate types in order of specificity. Dates exclude bare short numbers (a 序号 column of
 * 1, 2, 3 would otherwise read as Excel serial dates); money needs a unit or separator somewhere,
 * else plain whole numbers are integers.
 */
const CANDIDATES: readonly { type: SemanticType; accepts: (col: string) => string }[] = [
  { type: 'idcard', accepts: (c) => `jd_idcard(${c}) IS NOT NULL` },
  { type: 'uscc', accepts: (c) => `jd_uscc(${c}) IS NOT NULL` },
  { type: 'phone', accepts: (c) => `jd_phone(${c}) IS NOT NULL AND length(regexp_replace(${c}, '\\D', '', 'g')) >= 11` },
  { type: 'date', accepts: (c) => `jd_date(${c}) IS NOT NULL AND NOT regexp_matches(trim(${c}), '^\\d{1,6}(\\.\\d+)?$')` },
  { type: 'datetime', accepts: (c) => `jd_datetime(${c}) IS NOT NULL AND NOT regexp_matches(trim(${c}), '^\\d{1,6}(\\.\\d+)?$')` },
  { type: 'integer', accepts: (c) => `jd_integer(${c}) IS NOT NULL AND regexp_matches(trim(${c}), '^[0-9]+$')` },
  { type: 'money', accepts: (c) => `jd_money(${c}, NULL) IS NOT NULL` },
];

/**
 * Settles the type of columns no header alias explained, from a sample of their values, in one
 * DuckDB query. A column most of whose values are valid ID numbers is an idcard column, and so on;
 * anything else is text. Money columns must show a unit, separator or decimal in some value.
 */
export async function inferTypesFromValues(wh: Warehouse, pending: readonly PendingColumn[]): Promise<ColumnPlan[]> {
  if (pending.length === 0) return [];
  const selects: string[] = [];
  pending.forEach((p, i) => {
    const col = stageColumn(p.index);
    selects.push(`count(nullif(trim(${col}), ''))::INTEGER AS n${i}`);
    CANDIDATES.forEach((cand, j) => selects.push(`count(*) FILTER (WHERE nullif(trim(${col}), '') IS NOT NULL AND ${cand.accepts(col)})::INTEGER AS t${i}_${j}`));
    selects.push(`count(*) FILTER (WHERE regexp_matches(${col}, '[元万亿¥￥,，.]'))::INTEGER AS u${i}`);
  });
  const row = await wh.one<Record<string, number>>(
    `SELECT ${selects.join(', ')} FROM (SELECT * FROM ${STAGE_TABLE} WHERE _ord <= ${SAMPLE_ROWS})`,
  );
  return pending.map((p, i) => {
    const n = row?.[`n${i}`] ?? 0;
    let type: SemanticType = 'text';
    if (n > 0) {
      for (const [j, cand] of CANDIDATES.entries()) {
        const hits = row?.[`t${i}_${j}`] ?? 0;
        if (hits / n < THRESHOLD) continue;
        if (cand.type === 'money' && (row?.[`u${i}`] ?? 0) === 0 && p.unit === null) continue;
        type = cand.type;
        break;
      }
    }
    return { index: p.index, header: p.header, field: p.field, label: p.header, type, unit: p.unit, basis: type === 'text' ? 'text' : 'values' };
  });
}
