/** The compiler's output: SQL text and the values bound to its $1…$n placeholders. */
export interface CompiledQuery {
  readonly sql: string;
  readonly parameters: readonly (string | number | boolean)[];
  /** Output columns of explanation flags, in plan order: `x0`, `x1`, … */
  readonly explainColumns: readonly string[];
}

/** Output column names of a compiled model query, shared by the compiler and the runner. */
export const OUT = {
  fingerprint: 'fingerprint',
  subject: (i: number): string => `s${i}`,
  template: (i: number): string => `t${i}`,
  amount: 'amount',
  evidence: (i: number): string => `ev${i}`,
  explainFlag: (i: number): string => `x${i}`,
  explainValue: (i: number, j: number): string => `x${i}_${j}`,
} as const;
