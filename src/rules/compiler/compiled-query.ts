/** The compiler's output: SQL text, the values bound to its $1…$n placeholders, and where each part of a lead is. */
export interface CompiledQuery {
  readonly sql: string;
  readonly parameters: readonly (string | number | boolean)[];
  /** Whether the query joins the pinyin syllable table (`PINYIN_TABLE`), which must exist when it runs. */
  readonly usesPinyin: boolean;
  /** The output columns: one row per lead. */
  readonly columns: OutputColumns;
}

/**
 * Where each part of a lead is in a compiled model query's rows. Equal values share a column (a
 * template placeholder and an explanation value naming the same field, a template naming a
 * subject field), so several entries may name one column.
 */
export interface OutputColumns {
  /**
   * The column holding every text of a lead as one JSON array (text in DuckDB, json in
   * PostgreSQL); the entries below are indexes into it. Equal values share an element (a
   * template placeholder and an explanation value naming one field, a template naming a subject
   * field).
   */
  readonly texts: string;
  /**
   * Texts that come as a DATE column of their own (DuckDB), each with its index in the texts; the
   * JSON array holds null there, and the reader puts the date's text ('YYYY-MM-DD', as the engine
   * writes it) in its place.
   */
  readonly dates: readonly { readonly index: number; readonly column: string }[];
  /**
   * The subject values, in `lead.subject` order. The lead's fingerprint is the md5 (hex) of the
   * model id and these texts (NULL as empty), joined by U+001F: see `leadFingerprint`.
   */
  readonly subject: readonly number[];
  /** The value of each template placeholder, in plan order. */
  readonly templates: readonly number[];
  /** The amount (a number), or null when the model has none. */
  readonly amount: string | null;
  /** The evidence rows of each evidence alias, in plan order. */
  readonly evidence: readonly EvidenceColumn[];
  /**
   * Per recorded leaf condition, in plan order: the column of its flag (did it hold on some row of
   * the lead), or `true` when every hit satisfies it by construction (a top-level conjunct of the
   * rule, or a collision compiled as a semi/anti join); and its values.
   */
  readonly explain: readonly { readonly flag: string | true; readonly values: readonly number[] }[];
}

/**
 * The source rows behind each lead for one alias: a list of `{d, b, r}` — the index of the dataset
 * in `datasets` (present only when the alias reads several), the batch id and the row id. DuckDB
 * returns a LIST of STRUCTs; PostgreSQL a JSON array of `[d, b, r]` / `[b, r]` arrays.
 */
export interface EvidenceColumn {
  readonly alias: string;
  readonly column: string;
  readonly datasets: readonly string[];
}

/** Output column names of a compiled model query. */
export const OUT = {
  texts: 'texts',
  amount: 'amount',
  evidence: (i: number): string => `ev${i}`,
  explainFlag: (i: number): string => `x${i}`,
  date: (i: number): string => `dt${i}`,
} as const;
