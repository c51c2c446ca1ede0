/**
 * A synthetic-county scenario: the rows one built-in model needs — background rows that must not
 * hit, planted violations that must, and hard near misses that must not — plus the ground truth.
 *
 * Scenarios speak canonical values only; the county writer turns them into messy agency files
 * (GBK CSV or XLSX, differing Chinese headers, title rows, full-width digits, 15-digit IDs, Excel
 * serial dates, 万元 amounts, GCJ-02 coordinates, a few broken lines). Everything a scenario
 * writes must survive import unchanged after normalisation, so its ground truth holds.
 */

/** A canonical cell value: text, a number (money in yuan), a boolean, or nothing. */
export type Cell = string | number | boolean | null;

/**
 * One row, keyed by the kind's canonical field names (see `jiandu kinds --json`).
 * Dates are `YYYY-MM-DD`, datetimes `YYYY-MM-DD HH:MM:SS`, money is yuan, coordinates are WGS-84
 * degrees (leave `coord_system` out: the writer sets it when it converts).
 */
export type SynthRow = Readonly<Record<string, Cell>>;

export interface Person {
  /** Valid 18-character citizen ID number, unique in the county. */
  readonly idNumber: string;
  readonly name: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly phone: string;
  readonly address: string;
}

export interface Org {
  /** Unique name, e.g. 黔西南州兴义市宏达建筑工程有限公司. */
  readonly name: string;
  /** Valid unified social credit code, unique in the county. */
  readonly uscc: string;
  readonly legalRep: Person;
  readonly phone: string;
  readonly address: string;
}

/** WGS-84 degrees. */
export interface Point {
  readonly lat: number;
  readonly lng: number;
}

/** Deterministic pseudo-random numbers (one stream per scenario, derived from the seed). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export interface PersonOptions {
  /** Age in whole years at `asOf`, inclusive bounds. Default 18–80. */
  readonly minAge?: number;
  readonly maxAge?: number;
  readonly sex?: 'M' | 'F';
  /** Exact birth date instead of an age range. */
  readonly birthDate?: string;
}

export interface OrgOptions {
  /** Trade word before the suffix, e.g. 建筑工程, 医疗美容, 商贸. Default: a random trade. */
  readonly trade?: string;
  /** Legal-form suffix. Default 有限公司. */
  readonly suffix?: string;
}

export interface ScenarioContext {
  /** 1 ≈ 100,000 rows for the whole county; background volume scales linearly. */
  readonly scale: number;
  /** The run date the ground truth holds for (`YYYY-MM-DD`). */
  readonly asOf: string;
  readonly rng: Rng;
  /** A fresh person, never handed out before (by any scenario). */
  person(options?: PersonOptions): Person;
  /** A fresh organisation, never handed out before (by any scenario). */
  org(options?: OrgOptions): Org;
  /** A fresh site at least 3 km from every other site handed out (by any scenario). */
  site(): Point;
  /** The point `metres` from `from` along `bearingDeg` (0 = north), on the sphere the models measure on. */
  offset(from: Point, metres: number, bearingDeg: number): Point;
  /** `asOf` minus `days` days, as `YYYY-MM-DD`. */
  daysAgo(days: number): string;
  /** `date` plus `days` days (negative goes back), as `YYYY-MM-DD`. */
  addDays(date: string, days: number): string;
  /** A fresh code, unique in the county: `prefix` + a zero-padded counter, e.g. serial('A') → A0000123. */
  serial(prefix: string): string;
  /** Writes one row to the county's dataset of this kind. */
  emit(kind: string, row: SynthRow): void;
  /**
   * Records a lead the model must find. `subject` is keyed exactly like the model's `lead.subject`
   * (`alias.field`) with the normalised value as text (an 18-character upper-case ID, a code…).
   */
  expectLead(subject: Readonly<Record<string, string>>, note: string): void;
  /** Records a planted near miss: rows built to look like a violation that must NOT become a lead. */
  nearMiss(note: string): void;
}

export interface Scenario {
  /** The model id (`id:` in its model.yaml). */
  readonly model: string;
  /** The dataset kinds this scenario writes to. */
  readonly kinds: readonly string[];
  generate(ctx: ScenarioContext): void;
}
