import type { Condition, Predicate, Scalar } from "./ast";
import type { FieldSpec } from "./types";

/**
 * The reference evaluator: the same semantics as compile.ts, over plain objects. It is the
 * specification the SQL is tested against (filters.property.test.ts), and it serves callers that
 * hold contacts in memory. NULL rules are documented in ast.ts.
 */
export interface ContactFacts {
  /** Contact columns by their camelCase names; timestamps as Date. */
  [column: string]: unknown;
  customFields: Record<string, unknown>;
  /** The linked company when it exists and is not deleted (`company` itself is the contact's text column). */
  linkedCompany: Record<string, unknown> | null;
  tagIds: readonly string[];
  staticSegmentIds: readonly string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function readCustom(fieldType: string, value: unknown): unknown {
  switch (fieldType) {
    case "number": return typeof value === "number" ? value : null;
    case "currency": return typeof value === "number" ? value : isPlainObject(value) && typeof value.amount === "number" ? value.amount : null;
    case "boolean": return typeof value === "boolean" ? value : null;
    case "multiselect": return Array.isArray(value) ? value : null;
    default: return typeof value === "string" ? value : null;
  }
}

function readValue(field: FieldSpec, facts: ContactFacts): unknown {
  const source = field.source;
  switch (source.type) {
    case "contact": return facts[source.column] ?? null;
    case "company": return facts.linkedCompany?.[source.column] ?? null;
    case "custom": return readCustom(source.fieldType, facts.customFields[source.fieldName]);
    default: return null;
  }
}

/** Orders two non-null values the way PostgreSQL orders the field's SQL expression. */
function compare(field: FieldSpec, a: unknown, b: Scalar): number {
  if (a instanceof Date) {
    const left = a.getTime();
    const right = Date.parse(String(b));
    return left - right;
  }
  if (field.kind === "enum" && field.isOrdered && field.enumValues) {
    return field.enumValues.indexOf(a as string) - field.enumValues.indexOf(b as string);
  }
  if (typeof a === "bigint" || typeof b === "bigint") {
    const left = BigInt(a as bigint | number);
    const right = BigInt(b as bigint | number);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const left = a as string | number | boolean;
  return left < b ? -1 : left > b ? 1 : 0;
}

function equals(field: FieldSpec, a: unknown, b: Scalar): boolean {
  if (field.kind === "text") return String(a).toLowerCase() === String(b).toLowerCase();
  return compare(field, a, b) === 0;
}

function isEmptyValue(field: FieldSpec, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return field.kind === "text" && value === "";
}

function scalarMatches(field: FieldSpec, value: unknown, predicate: Predicate): boolean {
  if (predicate.kind === "empty") return isEmptyValue(field, value) !== predicate.negate;
  if (value === null || value === undefined) return false;
  switch (predicate.kind) {
    case "compare": {
      if (predicate.op === "eq") return equals(field, value, predicate.value);
      if (predicate.op === "neq") return !equals(field, value, predicate.value);
      const order = compare(field, value, predicate.value);
      return predicate.op === "gt" ? order > 0 : predicate.op === "gte" ? order >= 0 : predicate.op === "lt" ? order < 0 : order <= 0;
    }
    case "range": {
      const { low, high } = predicate;
      const aboveLow = !low || (low.inclusive ? compare(field, value, low.value) >= 0 : compare(field, value, low.value) > 0);
      const belowHigh = !high || (high.inclusive ? compare(field, value, high.value) <= 0 : compare(field, value, high.value) < 0);
      return (aboveLow && belowHigh) !== predicate.negate;
    }
    case "list":
      return predicate.values.some((candidate) => equals(field, value, candidate)) !== predicate.negate;
    case "text": {
      const text = String(value).toLowerCase();
      const needle = predicate.value.toLowerCase();
      const found = predicate.mode === "contains" ? text.includes(needle) : predicate.mode === "startsWith" ? text.startsWith(needle) : text.endsWith(needle);
      return found !== predicate.negate;
    }
    default:
      return false;
  }
}

function setMatches(members: readonly unknown[], predicate: Predicate): boolean {
  if (predicate.kind === "empty") return (members.length === 0) !== predicate.negate;
  if (predicate.kind !== "set") return false;
  const has = (value: string) => members.includes(value);
  switch (predicate.mode) {
    case "any": return predicate.values.some(has);
    case "none": return !predicate.values.some(has);
    case "all": return predicate.unknown === 0 && predicate.values.length > 0 && predicate.values.every(has);
  }
}

export function evaluateCondition(condition: Condition | null, facts: ContactFacts): boolean {
  if (!condition) return true;
  switch (condition.type) {
    case "and": return condition.children.every((child) => evaluateCondition(child, facts));
    case "or": return condition.children.some((child) => evaluateCondition(child, facts));
    case "segment": {
      const member = condition.segments.some((segment) =>
        segment.isDynamic ? evaluateCondition(segment.criteria, facts) : facts.staticSegmentIds.includes(segment.id));
      return member !== condition.negate;
    }
    case "field": {
      const { field, predicate } = condition;
      if (field.source.type === "tags") return setMatches(facts.tagIds, predicate);
      if (field.kind === "set") return setMatches((readValue(field, facts) as unknown[] | null) ?? [], predicate);
      return scalarMatches(field, readValue(field, facts), predicate);
    }
  }
}
