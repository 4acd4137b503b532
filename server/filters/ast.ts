import type { FieldSpec } from "./types";

/**
 * A criteria tree after validation: fields resolved to specs, values normalised, tag names resolved
 * to ids, relative dates turned into fixed bounds, dynamic segments expanded. The SQL compiler and the
 * in-memory reference evaluator both read this, so they cannot disagree about what a filter means.
 *
 * NULL semantics (one rule, both engines): an empty value (NULL, '' for text, no entry in custom_fields,
 * a value of the wrong JSON type) matches `isEmpty` and nothing else — not `neq`, `notIn`, `notContains`,
 * nor a negated range. Set-valued fields (tags, multiselect) are never empty-as-NULL: an absent value is
 * the empty set, so `excludes` matches it. A contact without a live company has every `company.*` empty.
 */
export type Scalar = string | number | boolean | bigint;

export interface Bound {
  value: Scalar;
  inclusive: boolean;
}

export type Predicate =
  | { kind: "empty"; negate: boolean }
  | { kind: "compare"; op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte"; value: Scalar }
  | { kind: "range"; low: Bound | null; high: Bound | null; negate: boolean }
  | { kind: "list"; values: Scalar[]; negate: boolean }
  | { kind: "text"; mode: "contains" | "startsWith" | "endsWith"; value: string; negate: boolean }
  /** Tags and multiselects: `values` are tag ids or option values; `unknown` counts tag references that resolved to nothing. */
  | { kind: "set"; mode: "any" | "all" | "none"; values: string[]; unknown: number };

export interface SegmentRef {
  id: string;
  name: string;
  isDynamic: boolean;
  /** The dynamic segment's own criteria (null: every contact); unused for static segments. */
  criteria: Condition | null;
}

export type Condition =
  | { type: "and"; children: Condition[] }
  | { type: "or"; children: Condition[] }
  | { type: "field"; field: FieldSpec; predicate: Predicate }
  | { type: "segment"; segments: SegmentRef[]; negate: boolean };

export interface FilterIssue {
  /** `and[2].or[0].value` */
  path: string;
  message: string;
}

export interface DroppedCondition {
  path: string;
  field: string | null;
  reason: string;
}
