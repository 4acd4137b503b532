import type { CustomFieldType } from "@/db/schema";

/**
 * The criteria tree as clients send and store it (spec "Advanced Filtering"):
 * `{and: [...]}`, `{or: [...]}` or a leaf `{field, operator, value}`.
 */
export type FilterNode = FilterGroup | FilterLeaf;
export type FilterGroup = { and: FilterNode[] } | { or: FilterNode[] };
export interface FilterLeaf {
  field: string;
  operator: FilterOperator;
  value?: unknown;
}

export const filterOperators = [
  "eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "notIn",
  "contains", "notContains", "startsWith", "endsWith", "isEmpty", "isNotEmpty",
  "includes", "includesAll", "excludes",
  "inLast", "moreThanAgo", "inNext",
] as const;
export type FilterOperator = (typeof filterOperators)[number];

/** How each operator reads in a filter builder, so the UI never has to guess. */
export const operatorLabels: Record<FilterOperator, string> = {
  eq: "is", neq: "is not", gt: "greater than", gte: "at least", lt: "less than", lte: "at most",
  between: "between", in: "is any of", notIn: "is none of",
  contains: "contains", notContains: "does not contain", startsWith: "starts with", endsWith: "ends with",
  isEmpty: "is empty", isNotEmpty: "is not empty",
  includes: "includes any of", includesAll: "includes all of", excludes: "includes none of",
  inLast: "in the last", moreThanAgo: "more than … ago", inNext: "in the next",
};

export const relativeUnits = ["days", "weeks", "months"] as const;
export type RelativeUnit = (typeof relativeUnits)[number];
/** Value of inLast / moreThanAgo / inNext; a bare number means days. */
export interface RelativeDateValue {
  n: number;
  unit: RelativeUnit;
}

/**
 * What a field holds, which decides its operators, value checks, SQL and sort order.
 * `date` is a calendar day (custom date fields), `datetime` an instant.
 */
export type FieldKind = "text" | "number" | "datetime" | "date" | "boolean" | "enum" | "id" | "set" | "segment";

export const operatorsByKind: Record<FieldKind, readonly FilterOperator[]> = {
  text: ["eq", "neq", "in", "notIn", "contains", "notContains", "startsWith", "endsWith", "isEmpty", "isNotEmpty"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "notIn", "isEmpty", "isNotEmpty"],
  datetime: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty", "inLast", "moreThanAgo", "inNext"],
  date: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty", "inLast", "moreThanAgo", "inNext"],
  boolean: ["eq", "neq", "isEmpty", "isNotEmpty"],
  enum: ["eq", "neq", "in", "notIn", "isEmpty", "isNotEmpty"],
  id: ["eq", "neq", "in", "notIn", "isEmpty", "isNotEmpty"],
  set: ["includes", "includesAll", "excludes", "isEmpty", "isNotEmpty"],
  segment: ["eq", "neq", "in", "notIn"],
};

/** Ordered enums (lifecycle stage, company size) also compare: "stage at least MQL". */
export const orderedEnumOperators: readonly FilterOperator[] = ["gt", "gte", "lt", "lte", "between"];

export const sortDirections = ["asc", "desc"] as const;
export type SortDirection = (typeof sortDirections)[number];
export interface SortKey {
  field: string;
  direction: SortDirection;
}

/** Where a field's value lives; the compiler and the reference evaluator both dispatch on it. */
export type FieldSource =
  | { type: "contact"; column: string }
  | { type: "company"; column: string }
  | { type: "custom"; fieldName: string; fieldType: CustomFieldType }
  | { type: "tags" }
  | { type: "segment" };

export interface FieldSpec {
  /** The name used in filters and sorts: `score`, `company.industry`, `customFields.budget`, `tags`, `segment`. */
  key: string;
  label: string;
  kind: FieldKind;
  source: FieldSource;
  /** Integer columns refuse 70.5 instead of silently rounding it. */
  integer?: boolean;
  /** Company revenue is stored in micros; filter values are whole currency units. */
  scale?: number;
  enumValues?: readonly string[];
  isOrdered?: boolean;
  /** Text stored lowercased (email) compares without lower() so its index serves equality. */
  isStoredLowercase?: boolean;
  isSortable: boolean;
  /** For enum-typed columns: the PostgreSQL type to cast bound values to. */
  pgType?: string;
}
