import type { SemanticType } from './semantic-type.js';

/** One canonical field of a standard dataset kind. */
export interface FieldSpec {
  /** Canonical field name: ASCII snake_case, used as the warehouse column name. */
  readonly name: string;
  /** Chinese label shown to users. */
  readonly label: string;
  readonly type: SemanticType;
  /** A required field must be mapped from some column when importing into this kind. */
  readonly required: boolean;
  /** Header texts agencies really use for this field (exact, after header normalisation). */
  readonly aliases: readonly string[];
}

/** A standard dataset kind of the data catalogue (数据资源目录). */
export interface DatasetKind {
  /** Kind id: ASCII snake_case, e.g. `tobacco_retailer`. */
  readonly id: string;
  /** Chinese name, e.g. 烟草零售许可户. */
  readonly name: string;
  /** The agency that usually supplies it, in Chinese, e.g. 烟草专卖局. */
  readonly agency: string;
  readonly description: string;
  readonly fields: readonly FieldSpec[];
}
