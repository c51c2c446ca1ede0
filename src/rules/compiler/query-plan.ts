import type { ExprNode, JoinNode, SqlType } from './expression-node.js';
import type { AggregateSpec } from '../spec/model-spec.js';

/** One model input bound to the warehouse datasets that feed it. */
export interface InputPlan {
  readonly alias: string;
  /** Dataset names (tables `data."<name>"`); several are read as one (UNION ALL). */
  readonly datasets: readonly string[];
  readonly fields: readonly string[];
  /** Fields read from a column of another name (`models import --map alias.field=column`). */
  readonly columns: ReadonlyMap<string, string>;
}

/** A grid expansion of an input for a distance collision (3×3 cells around each row). */
export interface GridPlan {
  readonly gridAlias: string;
  readonly alias: string;
  readonly meters: ExprNode;
  readonly lat: string;
  readonly lng: string;
}

/** Grid cells of the near side of a distance collision, computed in that input's CTE so the join hashes on plain columns. */
export interface LeftGridPlan {
  readonly alias: string;
  readonly lat: string;
  readonly lng: string;
  readonly meters: ExprNode;
  /** Column names added to the input: `<name>y`, `<name>x`. */
  readonly name: string;
}

export interface MeasurePlan {
  readonly name: string;
  readonly fn: AggregateSpec['measures'][number]['fn'];
  readonly expr: ExprNode | null;
}

/** A leaf condition kept for the lead's explanation: did it hold, on which values. */
export interface ExplainPlan {
  readonly label: string;
  readonly condition: ExprNode;
  readonly values: readonly { readonly ref: string; readonly expr: ExprNode }[];
}

/** The operation tree of a model: compiled to one SQL query per dialect. */
export interface QueryPlan {
  readonly modelId: string;
  readonly inputs: readonly InputPlan[];
  readonly grids: readonly GridPlan[];
  readonly leftGrids: readonly LeftGridPlan[];
  readonly from: string;
  readonly joins: readonly JoinNode[];
  readonly where: ExprNode | null;
  readonly aggregate: { readonly groupBy: readonly ExprNode[]; readonly measures: readonly MeasurePlan[]; readonly having: ExprNode } | null;
  readonly subject: readonly { readonly ref: string; readonly expr: ExprNode }[];
  /** Template placeholders ({alias.field}, {distance}) and the expressions that fill them. */
  readonly templates: readonly { readonly ref: string; readonly expr: ExprNode }[];
  readonly amount: ExprNode | null;
  /** Aliases whose rows are evidence: the `from` input and inner joins. */
  readonly evidence: readonly string[];
  readonly explain: readonly ExplainPlan[];
  /** The SQL type of each field the model reads (`alias.field`). */
  readonly fieldTypes: ReadonlyMap<string, SqlType>;
  /** The fields (`alias.field`) of semantic type `date` in every dataset bound to their input: a DATE column in the warehouse. */
  readonly dateFields: ReadonlySet<string>;
}
