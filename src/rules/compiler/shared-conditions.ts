import { visitNodes, type ExprNode, type JoinNode } from './expression-node.js';
import type { QueryPlan } from './query-plan.js';

/** A condition on one input's own rows that several collisions test, or all of them: computed once per row. */
export interface SharedCondition {
  /** The input whose rows it reads. */
  readonly alias: string;
  /** The column of that input's CTE holding it. */
  readonly column: string;
  /** The condition, as first met. */
  readonly node: ExprNode;
  /**
   * Whether every collision with that input tests it (and the input is not the model's `from`):
   * then it filters the input's CTE, where DuckDB tests it while scanning, and holds wherever it
   * is referred to.
   */
  readonly filter: boolean;
}

export interface SharedConditions {
  readonly conditions: readonly SharedCondition[];
  /** Every node of the plan that is one of the conditions (equal nodes may be distinct objects): its column. */
  readonly columnOf: ReadonlyMap<ExprNode, SharedCondition>;
}

/**
 * Conditions on the other input's rows that two or more collisions repeat — a status that must
 * not read 不予立案 in each of three collisions with the police register, a charge that must be
 * about wages in two — found by their structure. Each is computed once per row of that input,
 * as a column of its CTE, rather than once per collision: wage_arrears_transfer at county scale
 * 300 evaluated the same regular expressions over 2 million registrations in two joins (0.45 s
 * each). A condition every collision with that input has — be there one or several — filters the
 * input once instead, before its fuzzy keys are computed (enterprise_notice_service: the names of
 * the 1.47 million active companies keyed, not of all 1.62 million).
 */
export function findSharedConditions(plan: QueryPlan): SharedConditions {
  const seen = new Map<string, { alias: string; joins: Set<JoinNode>; nodes: ExprNode[] }>();
  const all = collisions(plan);
  const withAlias = (alias: string): number => [...all].filter((j) => j.alias === alias).length;
  for (const j of all) {
    for (const c of conjuncts(j.condition)) {
      if (!readsOnly(c, j.alias)) continue;
      const id = `${j.alias}\u0000${JSON.stringify(c)}`;
      const entry = seen.get(id) ?? { alias: j.alias, joins: new Set<JoinNode>(), nodes: [] };
      entry.joins.add(j);
      entry.nodes.push(c);
      seen.set(id, entry);
    }
  }
  const conditions: SharedCondition[] = [];
  const columnOf = new Map<ExprNode, SharedCondition>();
  for (const entry of seen.values()) {
    const first = entry.nodes[0];
    if (first === undefined) continue;
    const filter = entry.alias !== plan.from && entry.joins.size === withAlias(entry.alias);
    if (!filter && entry.joins.size < 2) continue;
    const shared: SharedCondition = { alias: entry.alias, column: `_c${conditions.length}`, node: first, filter };
    conditions.push(shared);
    for (const n of entry.nodes) columnOf.set(n, shared);
  }
  return { conditions, columnOf };
}

/** Every collision of the plan: its joins and the EXISTS nodes anywhere in its conditions, once each. */
function collisions(plan: QueryPlan): Set<JoinNode> {
  const found = new Set<JoinNode>(plan.joins);
  const visit = (value: unknown): void =>
    visitNodes(value, (node) => {
      if (node.kind === 'exists') found.add(node.join);
    });
  visit(plan.where);
  for (const j of [...found]) visit(j.condition);
  return found;
}

function conjuncts(node: ExprNode | null): ExprNode[] {
  if (node === null) return [];
  return node.kind === 'and' ? node.items.flatMap(conjuncts) : [node];
}

/** Whether a condition reads columns of `alias` only (at least one), and holds no collision or measure. */
function readsOnly(node: ExprNode, alias: string): boolean {
  let reads = false;
  const ok = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.every(ok);
    if (value === null || typeof value !== 'object') return true;
    const n = value as ExprNode;
    if (n.kind === 'exists' || n.kind === 'measure') return false;
    if (n.kind === 'column') {
      reads = true;
      return n.alias === alias;
    }
    return Object.values(n).every(ok);
  };
  return ok(node) && reads;
}
