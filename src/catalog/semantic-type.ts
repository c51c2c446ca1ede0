/**
 * The semantic type of a field decides how its raw text is validated and normalised, and
 * which DuckDB column type holds the normalised value.
 */
export const SEMANTIC_TYPES = [
  'idcard',
  'uscc',
  'person_name',
  'org_name',
  'phone',
  'address',
  'date',
  'datetime',
  'money',
  'lat',
  'lng',
  'coord_system',
  'text',
  'code',
  'integer',
  'boolean',
] as const;

export type SemanticType = (typeof SEMANTIC_TYPES)[number];

export function isSemanticType(value: string): value is SemanticType {
  return (SEMANTIC_TYPES as readonly string[]).includes(value);
}
