// The collision-free prefilter may only drop rows the whole condition drops: for any tree of
// all / any / not over plain conditions and collisions, and any truth values (true, false,
// unknown) of its leaves, a row the condition keeps is kept by the prefilter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Expr, type ExprNode, type JoinNode } from '../../src/rules/compiler/expression-node.js';
import { collisionFreePrefilter } from '../../src/rules/compiler/prefilter.js';

type Truth = boolean | null;

const join: JoinNode = { kind: 'join', type: 'semi', alias: 'other', keys: [], condition: null };

/** Leaves: plain conditions `reg.c0`…`reg.c3` and collisions (told apart by `negated` and a key count). */
const leaf: fc.Arbitrary<ExprNode> = fc.oneof(
  fc.integer({ min: 0, max: 3 }).map((i) => Expr.column('reg', `c${i}`)),
  fc.integer({ min: 0, max: 3 }).map((i) => Object.freeze({ kind: 'exists' as const, negated: i % 2 === 1, join: { ...join, alias: `x${i}` } })),
);

const tree: fc.Arbitrary<ExprNode> = fc.letrec<{ node: ExprNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => Expr.and(items)),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => Expr.or(items)),
    tie('node').map((item) => Expr.not(item)),
  ),
})).node;

/** SQL's three-valued logic, with `not` as compiled: NOT coalesce(x, false). */
function evaluate(node: ExprNode, truth: (leaf: string) => Truth): Truth {
  if (node.kind === 'column') return truth(node.field);
  if (node.kind === 'exists') return truth(node.join.alias);
  if (node.kind === 'and' || node.kind === 'or') {
    const v = node.items.map((i) => evaluate(i, truth));
    const [decisive, other] = node.kind === 'and' ? [false, true] : [true, false];
    return v.includes(decisive) ? decisive : v.includes(null) ? null : other;
  }
  if (node.kind === 'not') return evaluate(node.item, truth) !== true;
  throw new Error(`unexpected ${node.kind}`);
}

const truths = fc.dictionary(fc.constantFrom('c0', 'c1', 'c2', 'c3', 'x0', 'x1', 'x2', 'x3'), fc.constantFrom<Truth>(true, false, null));

describe('collisionFreePrefilter', () => {
  it('keeps every row the condition keeps, and holds no collision', () => {
    fc.assert(
      fc.property(tree, truths, (node, values) => {
        const pre = collisionFreePrefilter(node);
        const truth = (name: string): Truth => values[name] ?? null;
        if (pre !== null) expect(JSON.stringify(pre)).not.toContain('"exists"');
        if (evaluate(node, truth) === true) expect(pre === null || evaluate(pre, truth) === true).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the plain conjuncts beside an `any` of collisions', () => {
    const plain = Expr.column('reg', 'c0');
    const node = Expr.and([plain, Expr.or([{ kind: 'exists', negated: true, join }, Expr.column('reg', 'c1')])]);
    expect(collisionFreePrefilter(node)).toBe(plain);
  });
});
