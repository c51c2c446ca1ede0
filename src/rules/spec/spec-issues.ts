/** One problem of a model file, where it is and what is wrong, in words a model author can act on. */
export interface SpecProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The parts of a zod issue this module reads. */
interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly errors?: readonly (readonly Issue[])[];
}

interface Problem extends SpecProblem {
  /** How far into the file the problem lies: the length of the longest prefix of `path` the file has. */
  readonly reached: number;
}

/**
 * The problems behind zod's issues with `raw`, the model as read from its file. The model
 * language is a union of forms at every level (a condition is `all`, `any`, `compare`, …; an
 * operand a field, `{param}`, `{addDays}` …), and zod reports a value that fits none as "Invalid
 * input" at the top. Here each union is followed into the form that got furthest into the file —
 * a form that only misses keys the file does not have got nowhere — so a misspelt operand deep in
 * a condition is reported where it is: `rule.where.all.0.compare.right：无法识别的写法，未知的键
 * "addDay"`.
 */
export function specProblems(issues: readonly Issue[], raw: unknown): SpecProblem[] {
  return issues.flatMap((i) => problemsOf(i, [], raw)).map(({ path, message }) => ({ path, message }));
}

function problemsOf(issue: Issue, base: readonly PropertyKey[], raw: unknown): Problem[] {
  const path = [...base, ...issue.path];
  const reached = reachedDepth(raw, path);
  if (issue.code !== 'invalid_union' || !issue.errors || issue.errors.length === 0) {
    return [{ path, message: reached < path.length ? '缺少此项' : describe(issue), reached }];
  }
  const branches = issue.errors.map((b) => b.flatMap((i) => problemsOf(i, path, raw)));
  const depth = (b: readonly Problem[]): number => Math.max(...b.map((p) => p.reached));
  const deepest = Math.max(...branches.map(depth));
  if (deepest > path.length) {
    // The form that got furthest: its problems past this value, the fewest first.
    const best = branches.filter((b) => depth(b) === deepest).sort((a, b) => a.length - b.length)[0] ?? [];
    return best.filter((p) => p.reached > path.length);
  }
  // No form got past the value itself: name the keys no form knows.
  const unknown = commonUnknownKeys(issue.errors);
  const message = reached < path.length ? '缺少此项' : unknown.length > 0 ? `无法识别的写法，未知的键 ${unknown.map((k) => `"${k}"`).join('、')}` : '无法识别的写法（不符合任何一种形式）';
  return [{ path, message, reached }];
}

/** How many steps of `path` exist in `value`. */
function reachedDepth(value: unknown, path: readonly PropertyKey[]): number {
  let v = value;
  for (let i = 0; i < path.length; i++) {
    if (v === null || typeof v !== 'object') return i;
    const key = path[i] as PropertyKey;
    if (!(key in v)) return i;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return path.length;
}

/** Keys every strict-object form of a union rejected. */
function commonUnknownKeys(branches: readonly (readonly Issue[])[]): string[] {
  const sets = branches.map((b) => new Set(b.filter((i) => i.code === 'unrecognized_keys' && i.path.length === 0).flatMap((i) => i.keys ?? [])));
  const objectForms = sets.filter((s) => s.size > 0);
  if (objectForms.length === 0) return [];
  return [...(objectForms[0] ?? [])].filter((k) => objectForms.every((s) => s.has(k)));
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `未知的键 ${(issue.keys ?? []).map((k) => `"${k}"`).join('、')}`;
    case 'invalid_type':
      return `类型不对，应为 ${issue.expected ?? '?'}`;
    case 'invalid_value':
      return `取值应为 ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' ')} 之一`;
    default:
      return issue.message;
  }
}
