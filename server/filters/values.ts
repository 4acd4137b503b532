import type { Bound, Predicate, Scalar } from "./ast";
import { addDays, dayOf, dayStart, parseDateValue, shiftInstant, type ParsedDate } from "./dates";
import { relativeUnits, type FieldSpec, type FilterOperator, type RelativeDateValue } from "./types";

/** A problem with one part of a leaf: `at` is appended to the leaf's path (`value`, `value[1]`, `operator`). */
export interface ValueProblem {
  at: string;
  message: string;
}

/**
 * `value`, when present, is the leaf's value as it should be stored: tag names resolved to ids (so a
 * saved view or segment survives a rename), enum values in their canonical case.
 */
export type PredicateResult = { predicate: Predicate; value?: unknown } | { problem: ValueProblem };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC_TEXT = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
const MAX_LIST = 1000;
const MAX_TEXT = 500;

export const isUuid = (value: string) => UUID.test(value);

const problem = (at: string, message: string): { problem: ValueProblem } => ({ problem: { at, message } });

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseNumber(field: FieldSpec, raw: unknown): Parsed<Scalar> {
  const number = typeof raw === "number" ? raw : typeof raw === "string" && NUMERIC_TEXT.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isFinite(number)) return { ok: false, message: `expected a number for ${field.key}` };
  if (field.integer && !Number.isInteger(number)) return { ok: false, message: `expected a whole number for ${field.key}` };
  if (field.scale) return { ok: true, value: BigInt(Math.round(number * field.scale)) };
  return { ok: true, value: number };
}

function parseScalar(field: FieldSpec, raw: unknown, options: { isPattern?: boolean } = {}): Parsed<Scalar> {
  switch (field.kind) {
    case "number":
      return parseNumber(field, raw);
    case "text": {
      // Equality ignores stray spaces around what was typed; a search pattern is taken as given (" " finds a space).
      const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? (options.isPattern ? raw : raw.trim()) : null;
      if (!text) return { ok: false, message: `expected text for ${field.key}` };
      if (text.length > MAX_TEXT) return { ok: false, message: `must be at most ${MAX_TEXT} characters for ${field.key}` };
      return { ok: true, value: field.isStoredLowercase ? text.toLowerCase() : text };
    }
    case "enum": {
      const allowed = field.enumValues ?? [];
      const text = typeof raw === "string" ? raw.trim().toLowerCase() : null;
      const match = text === null ? undefined : allowed.find((candidate) => candidate.toLowerCase() === text);
      if (match === undefined) return { ok: false, message: `expected one of ${allowed.join(", ")} for ${field.key}` };
      return { ok: true, value: match };
    }
    case "id": {
      const text = typeof raw === "string" ? raw.trim() : "";
      if (field.pgType === "uuid" ? !isUuid(text) : text.length === 0 || text.length > 200) {
        return { ok: false, message: `expected an id for ${field.key}` };
      }
      return { ok: true, value: field.pgType === "uuid" ? text.toLowerCase() : text };
    }
    case "boolean":
      if (typeof raw === "boolean") return { ok: true, value: raw };
      if (raw === "true" || raw === "false") return { ok: true, value: raw === "true" };
      return { ok: false, message: `expected true or false for ${field.key}` };
    default:
      return { ok: false, message: `unsupported value for ${field.key}` };
  }
}

function parseList(field: FieldSpec, raw: unknown): { values: Scalar[] } | { problem: ValueProblem } {
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  if (items.length === 0) return problem("value", `expected a non-empty list for ${field.key}`);
  if (items.length > MAX_LIST) return problem("value", `at most ${MAX_LIST} values for ${field.key}`);
  const values: Scalar[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = parseScalar(field, item);
    if (!parsed.ok) return problem(Array.isArray(raw) ? `value[${index}]` : "value", parsed.message);
    values.push(parsed.value);
  }
  return { values: [...new Set(values)] };
}

function compareScalars(a: Scalar, b: Scalar, field: FieldSpec): number {
  if (field.kind === "enum" && field.enumValues) return field.enumValues.indexOf(a as string) - field.enumValues.indexOf(b as string);
  return a < b ? -1 : a > b ? 1 : 0;
}

function scalarPredicate(field: FieldSpec, operator: FilterOperator, raw: unknown): PredicateResult {
  switch (operator) {
    case "eq": case "neq": case "gt": case "gte": case "lt": case "lte": {
      const parsed = parseScalar(field, raw);
      if (!parsed.ok) return problem("value", parsed.message);
      return { predicate: { kind: "compare", op: operator, value: parsed.value }, ...(field.kind === "enum" ? { value: parsed.value } : {}) };
    }
    case "between": {
      if (!Array.isArray(raw) || raw.length !== 2) return problem("value", `expected [low, high] for ${field.key}`);
      const low = parseScalar(field, raw[0]);
      if (!low.ok) return problem("value[0]", low.message);
      const high = parseScalar(field, raw[1]);
      if (!high.ok) return problem("value[1]", high.message);
      if (compareScalars(low.value, high.value, field) > 0) return problem("value", `expected [low, high] with low ≤ high for ${field.key}`);
      return { predicate: { kind: "range", low: { value: low.value, inclusive: true }, high: { value: high.value, inclusive: true }, negate: false } };
    }
    case "in": case "notIn": {
      const list = parseList(field, raw);
      if ("problem" in list) return list;
      return { predicate: { kind: "list", values: list.values, negate: operator === "notIn" }, ...(field.kind === "enum" ? { value: list.values } : {}) };
    }
    case "contains": case "notContains": case "startsWith": case "endsWith": {
      const parsed = parseScalar(field, raw, { isPattern: true });
      if (!parsed.ok) return problem("value", parsed.message);
      const mode = operator === "notContains" ? "contains" : operator;
      return { predicate: { kind: "text", mode, value: String(parsed.value), negate: operator === "notContains" } };
    }
    default:
      return problem("operator", `"${operator}" does not apply to ${field.key}`);
  }
}

function parseRelative(raw: unknown): RelativeDateValue | null {
  if (typeof raw === "number") raw = { n: raw, unit: "days" };
  if (typeof raw !== "object" || raw === null) return null;
  const { n, unit = "days" } = raw as { n?: unknown; unit?: unknown };
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 36_500) return null;
  if (!relativeUnits.includes(unit as RelativeDateValue["unit"])) return null;
  return { n, unit: unit as RelativeDateValue["unit"] };
}

/** Every date condition becomes "within [low, high]" (or outside it), in the field's own representation. */
function datePredicate(field: FieldSpec, operator: FilterOperator, raw: unknown, now: Date): PredicateResult {
  const isDay = field.kind === "date";
  const expected = isDay ? `expected a date (YYYY-MM-DD) for ${field.key}` : `expected a date (YYYY-MM-DD) or an ISO 8601 date-time for ${field.key}`;
  // For a calendar-day field an instant means its UTC day; for an instant field a day means the whole day.
  const start = (d: ParsedDate): string => (isDay ? (d.kind === "day" ? d.day : dayOf(d.iso)) : d.kind === "day" ? dayStart(d.day) : d.iso);
  // Instants are given to the millisecond while PostgreSQL keeps microseconds: "at most t" means
  // "before t + 1 ms", so a stored 10:00:00.000400 equals a given 10:00:00.000 as it would to the user.
  const afterMs = (iso: string): Bound => ({ value: new Date(Date.parse(iso) + 1).toISOString(), inclusive: false });
  const startOfNext = (d: ParsedDate): Bound =>
    isDay ? { value: start(d), inclusive: true } : d.kind === "day" ? { value: dayStart(addDays(d.day, 1)), inclusive: false } : afterMs(d.iso);
  const range = (low: Bound | null, high: Bound | null, negate = false): PredicateResult => ({ predicate: { kind: "range", low, high, negate } });
  const one = (at: string, value: unknown): ParsedDate | ValueProblem => parseDateValue(value) ?? { at, message: expected };

  if (operator === "inLast" || operator === "moreThanAgo" || operator === "inNext") {
    const amount = parseRelative(raw);
    if (!amount) return problem("value", `expected {n, unit: "days" | "weeks" | "months"} for ${field.key}`);
    const shifted = shiftInstant(now, amount, operator === "inNext" ? 1 : -1).toISOString();
    const nowValue = isDay ? dayOf(now.toISOString()) : now.toISOString();
    const edge = isDay ? dayOf(shifted) : shifted;
    const upTo = (value: string): Bound => (isDay ? { value, inclusive: true } : afterMs(value));
    if (operator === "inLast") return range({ value: edge, inclusive: true }, upTo(nowValue));
    if (operator === "inNext") return range({ value: nowValue, inclusive: true }, upTo(edge));
    return range(null, { value: edge, inclusive: false });
  }
  if (operator === "between") {
    if (!Array.isArray(raw) || raw.length !== 2) return problem("value", `expected [from, to] for ${field.key}`);
    const low = one("value[0]", raw[0]);
    if ("message" in low) return { problem: low };
    const high = one("value[1]", raw[1]);
    if ("message" in high) return { problem: high };
    if (start(low) > start(high)) return problem("value", `expected [from, to] with from ≤ to for ${field.key}`);
    return range({ value: start(low), inclusive: true }, startOfNext(high));
  }
  const parsed = one("value", raw);
  if ("message" in parsed) return { problem: parsed };
  const from: Bound = { value: start(parsed), inclusive: true };
  switch (operator) {
    case "eq": return range(from, startOfNext(parsed));
    case "neq": return range(from, startOfNext(parsed), true);
    case "gt": { const next = startOfNext(parsed); return range({ value: next.value, inclusive: !next.inclusive }, null); }
    case "gte": return range(from, null);
    case "lt": return range(null, { value: from.value, inclusive: false });
    case "lte": return range(null, startOfNext(parsed));
    default: return problem("operator", `"${operator}" does not apply to ${field.key}`);
  }
}

/** Tag references (ids or names) resolved by the caller: id → tag id, or null when nothing matches. */
export type TagResolver = (references: string[]) => Promise<Map<string, string | null>>;

async function setPredicate(field: FieldSpec, operator: FilterOperator, raw: unknown, resolveTags: TagResolver): Promise<PredicateResult> {
  const mode = operator === "includes" ? "any" : operator === "includesAll" ? "all" : operator === "excludes" ? "none" : null;
  if (!mode) return problem("operator", `"${operator}" does not apply to ${field.key}`);
  const items = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  if (items.length === 0) return problem("value", `expected a non-empty list for ${field.key}`);
  if (items.length > 100) return problem("value", `at most 100 values for ${field.key}`);
  const texts: string[] = [];
  for (const [index, item] of items.entries()) {
    if (typeof item !== "string" || item.trim() === "") {
      return problem(Array.isArray(raw) ? `value[${index}]` : "value", `expected ${field.source.type === "tags" ? "a tag id or name" : "an option"} for ${field.key}`);
    }
    texts.push(item.trim());
  }
  if (field.source.type === "tags") {
    const resolved = await resolveTags(texts);
    const ids = texts.map((text) => resolved.get(text) ?? null);
    const known = [...new Set(ids.filter((id): id is string => id !== null))];
    return {
      predicate: { kind: "set", mode, values: known, unknown: ids.filter((id) => id === null).length },
      // Unknown references stay as typed, so whoever reopens the filter sees what did not resolve.
      value: texts.map((text, index) => ids[index] ?? text),
    };
  }
  const options = field.enumValues ?? [];
  const values: string[] = [];
  for (const [index, text] of texts.entries()) {
    const match = options.find((option) => option.toLowerCase() === text.toLowerCase());
    if (match === undefined) return problem(Array.isArray(raw) ? `value[${index}]` : "value", `expected one of ${options.join(", ")} for ${field.key}`);
    values.push(match);
  }
  return { predicate: { kind: "set", mode, values: [...new Set(values)], unknown: 0 }, value: [...new Set(values)] };
}

export async function buildPredicate(
  field: FieldSpec,
  operator: FilterOperator,
  raw: unknown,
  context: { now: Date; resolveTags: TagResolver },
): Promise<PredicateResult> {
  if (operator === "isEmpty" || operator === "isNotEmpty") return { predicate: { kind: "empty", negate: operator === "isNotEmpty" } };
  if (raw === undefined || raw === null) return problem("value", `is required for "${operator}" on ${field.key}`);
  if (field.kind === "set") return setPredicate(field, operator, raw, context.resolveTags);
  if (field.kind === "date" || field.kind === "datetime") return datePredicate(field, operator, raw, context.now);
  return scalarPredicate(field, operator, raw);
}
