import type { CompareOp, KeyMatch } from '../spec/model-spec.js';

/** SQL value types the compiler casts bound parameters to. */
export type SqlType = 'double' | 'decimal' | 'bigint' | 'text' | 'date' | 'boolean';

/**
 * The expression nodes of the operation tree. Readonly data; built by the frozen factories in
 * {@link Expr}; compiled by an exhaustive switch per dialect. Values never appear in SQL text:
 * a `value` node always becomes a bound parameter.
 */
export type ExprNode =
  | { readonly kind: 'column'; readonly alias: string; readonly field: string }
  | { readonly kind: 'value'; readonly value: string | number | boolean; readonly type: SqlType }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: ExprNode; readonly right: ExprNode }
  | { readonly kind: 'and'; readonly items: readonly ExprNode[] }
  | { readonly kind: 'or'; readonly items: readonly ExprNode[] }
  | { readonly kind: 'not'; readonly item: ExprNode }
  | { readonly kind: 'in_list'; readonly expr: ExprNode; readonly items: readonly ExprNode[] }
  | { readonly kind: 'contains_any'; readonly expr: ExprNode; readonly words: readonly ExprNode[] }
  | { readonly kind: 'regex'; readonly expr: ExprNode; readonly pattern: ExprNode }
  /** NULL, or for text (`text`) also blank: a number or a date is empty only when NULL. */
  | { readonly kind: 'is_empty'; readonly expr: ExprNode; readonly negated: boolean; readonly text: boolean }
  | { readonly kind: 'days_between'; readonly from: ExprNode; readonly to: ExprNode }
  /** A date or timestamp as a date. */
  | { readonly kind: 'as_date'; readonly expr: ExprNode }
  /** `date` plus `days` days, or minus them (`minus`). */
  | { readonly kind: 'date_add'; readonly date: ExprNode; readonly days: ExprNode; readonly minus?: boolean }
  | { readonly kind: 'age_at'; readonly idNumber: ExprNode; readonly at: ExprNode }
  | { readonly kind: 'age_from_birth'; readonly birthDate: ExprNode; readonly at: ExprNode }
  | { readonly kind: 'first_of'; readonly items: readonly ExprNode[] }
  | { readonly kind: 'distance'; readonly lat1: ExprNode; readonly lng1: ExprNode; readonly lat2: ExprNode; readonly lng2: ExprNode }
  | { readonly kind: 'key'; readonly match: KeyMatch; readonly expr: ExprNode }
  | { readonly kind: 'exists'; readonly negated: boolean; readonly join: JoinNode }
  | { readonly kind: 'measure'; readonly name: string };

/** A collision with another input: inner (pairs), semi (has a match) or anti (has none). */
export interface JoinNode {
  readonly kind: 'join';
  readonly type: 'inner' | 'semi' | 'anti';
  readonly alias: string;
  /** Equality keys (left side refers to earlier aliases), compiled as the join's hash keys. */
  readonly keys: readonly { readonly left: ExprNode; readonly right: ExprNode }[];
  /** Grid cells for a distance collision: the right side is the input expanded to 3×3 cells. */
  readonly grid?: { readonly meters: ExprNode; readonly leftLat: ExprNode; readonly leftLng: ExprNode; readonly gridAlias: string } | undefined;
  /** Further conditions on the pair (distance, date window, conditions on the other row). */
  readonly condition: ExprNode | null;
}

export const Expr = {
  column: (alias: string, field: string): ExprNode => Object.freeze({ kind: 'column', alias, field }),
  value: (value: string | number | boolean, type: SqlType): ExprNode => Object.freeze({ kind: 'value', value, type }),
  compare: (op: CompareOp, left: ExprNode, right: ExprNode): ExprNode => Object.freeze({ kind: 'compare', op, left, right }),
  and: (items: readonly ExprNode[]): ExprNode => (items.length === 1 && items[0] ? items[0] : Object.freeze({ kind: 'and', items: Object.freeze([...items]) })),
  or: (items: readonly ExprNode[]): ExprNode => (items.length === 1 && items[0] ? items[0] : Object.freeze({ kind: 'or', items: Object.freeze([...items]) })),
  not: (item: ExprNode): ExprNode => Object.freeze({ kind: 'not', item }),
  inList: (expr: ExprNode, items: readonly ExprNode[]): ExprNode => Object.freeze({ kind: 'in_list', expr, items: Object.freeze([...items]) }),
  containsAny: (expr: ExprNode, words: readonly ExprNode[]): ExprNode => Object.freeze({ kind: 'contains_any', expr, words: Object.freeze([...words]) }),
  regex: (expr: ExprNode, pattern: ExprNode): ExprNode => Object.freeze({ kind: 'regex', expr, pattern }),
  isEmpty: (expr: ExprNode, negated: boolean, text: boolean): ExprNode => Object.freeze({ kind: 'is_empty', expr, negated, text }),
  daysBetween: (from: ExprNode, to: ExprNode): ExprNode => Object.freeze({ kind: 'days_between', from, to }),
  dateAdd: (date: ExprNode, days: ExprNode): ExprNode => Object.freeze({ kind: 'date_add', date, days }),
  dateSub: (date: ExprNode, days: ExprNode): ExprNode => Object.freeze({ kind: 'date_add', date, days, minus: true }),
  asDate: (expr: ExprNode): ExprNode => Object.freeze({ kind: 'as_date', expr }),
  ageAt: (idNumber: ExprNode, at: ExprNode): ExprNode => Object.freeze({ kind: 'age_at', idNumber, at }),
  ageFromBirth: (birthDate: ExprNode, at: ExprNode): ExprNode => Object.freeze({ kind: 'age_from_birth', birthDate, at }),
  firstOf: (items: readonly ExprNode[]): ExprNode => Object.freeze({ kind: 'first_of', items: Object.freeze([...items]) }),
  distance: (lat1: ExprNode, lng1: ExprNode, lat2: ExprNode, lng2: ExprNode): ExprNode => Object.freeze({ kind: 'distance', lat1, lng1, lat2, lng2 }),
  key: (match: KeyMatch, expr: ExprNode): ExprNode => (match === 'exact' ? expr : Object.freeze({ kind: 'key', match, expr })),
  exists: (negated: boolean, join: JoinNode): ExprNode => Object.freeze({ kind: 'exists', negated, join }),
  measure: (name: string): ExprNode => Object.freeze({ kind: 'measure', name }),
} as const;

/**
 * Calls `onNode` for every expression node and join node inside `value` (a plan, a node, a list),
 * depth first; `onNode` returning `'skip'` does not descend into that node. The same node may be
 * reached more than once: the plan shares nodes between its joins, WHERE tree and explanations.
 */
export function visitNodes(value: unknown, onNode: (node: ExprNode | JoinNode) => 'skip' | void): void {
  if (Array.isArray(value)) {
    for (const v of value) visitNodes(v, onNode);
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Map) return;
  if ('kind' in value && onNode(value as ExprNode | JoinNode) === 'skip') return;
  for (const v of Object.values(value)) visitNodes(v, onNode);
}
