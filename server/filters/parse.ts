import type { Condition, DroppedCondition, FilterIssue, SegmentRef } from "./ast";
import { CUSTOM_FIELD_PREFIX, customFieldSpec, findBuiltinField } from "./fields";
import { buildPredicate, isUuid, type TagResolver } from "./values";
import {
  filterOperators, operatorsByKind, orderedEnumOperators,
  type FieldSpec, type FilterLeaf, type FilterNode, type FilterOperator,
} from "./types";
import type { CustomFieldType, CustomFieldOption } from "@/db/schema";

export const MAX_DEPTH = 8;
export const MAX_CONDITIONS = 200;
const MAX_SEGMENT_NESTING = 5;

export interface CatalogueCustomField {
  fieldName: string;
  label: string;
  fieldType: CustomFieldType;
  options: CustomFieldOption[];
  archivedAt: Date | null;
}

export interface CatalogueSegment {
  id: string;
  name: string;
  isDynamic: boolean;
  criteria: unknown;
}

/** What parsing needs from the workspace; the database-backed one lives in catalogue.ts. */
export interface FilterCatalogue {
  customField(fieldName: string): Promise<CatalogueCustomField | null>;
  resolveTags: TagResolver;
  segment(id: string): Promise<CatalogueSegment | null>;
}

export interface ParseOptions {
  now?: Date;
  /** Lenient: drop conditions that no longer resolve (a deleted field or segment) and report them, instead of failing. */
  lenient?: boolean;
}

export interface ParsedFilter {
  /** null: no constraint (no tree, or an empty root). */
  condition: Condition | null;
  /** The tree as given, minus dropped conditions (lenient mode). */
  tree: FilterNode | null;
  dropped: DroppedCondition[];
}

export class FilterValidationError extends Error {
  constructor(readonly issues: FilterIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  }
}

const join = (path: string, part: string) => (path === "" ? part : part.startsWith("[") ? `${path}${part}` : `${path}.${part}`);

interface Walk {
  catalogue: FilterCatalogue;
  now: Date;
  lenient: boolean;
  issues: FilterIssue[];
  dropped: DroppedCondition[];
  conditions: number;
  /** Dynamic segments being expanded, to refuse a segment whose criteria reach itself. */
  segmentStack: string[];
}

type Result = { condition: Condition; tree: FilterNode } | null;

async function resolveField(walk: Walk, key: string): Promise<FieldSpec | string> {
  const builtin = findBuiltinField(key);
  if (builtin) return builtin;
  if (key.startsWith(CUSTOM_FIELD_PREFIX)) {
    const name = key.slice(CUSTOM_FIELD_PREFIX.length);
    const definition = /^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(name) ? await walk.catalogue.customField(name) : null;
    if (!definition) return `no custom field "${name}" on contacts`;
    if (definition.archivedAt) return `custom field "${name}" is archived; restore it or remove this condition`;
    return customFieldSpec(definition);
  }
  return `unknown field "${key}"`;
}

function fail(walk: Walk, path: string, message: string, field: string | null = null): null {
  if (walk.lenient) walk.dropped.push({ path, field, reason: message });
  else walk.issues.push({ path, message });
  return null;
}

async function parseSegmentLeaf(walk: Walk, leaf: FilterLeaf, path: string): Promise<Result> {
  const { operator, value } = leaf;
  const isList = operator === "in" || operator === "notIn";
  const ids = isList ? (Array.isArray(value) ? value : [value]) : [value];
  if (ids.length === 0 || ids.length > 50) return fail(walk, join(path, "value"), "expected 1 to 50 segment ids", "segment");
  const segments: SegmentRef[] = [];
  for (const [index, id] of ids.entries()) {
    const at = join(path, isList && Array.isArray(value) ? `value[${index}]` : "value");
    if (typeof id !== "string" || !isUuid(id)) return fail(walk, at, "expected a segment id", "segment");
    const segment = await walk.catalogue.segment(id.toLowerCase());
    if (!segment) return fail(walk, at, `no segment ${id} in this workspace`, "segment");
    if (!segment.isDynamic) {
      segments.push({ id: segment.id, name: segment.name, isDynamic: false, criteria: null });
      continue;
    }
    if (walk.segmentStack.includes(segment.id)) return fail(walk, at, `segment "${segment.name}" includes itself through its criteria`, "segment");
    if (walk.segmentStack.length >= MAX_SEGMENT_NESTING) return fail(walk, at, `segments nest more than ${MAX_SEGMENT_NESTING} deep`, "segment");
    // A stored segment is expanded strictly: silently dropping part of it would change who is in it.
    const inner: Walk = { ...walk, lenient: false, issues: [], dropped: [], segmentStack: [...walk.segmentStack, segment.id] };
    const parsed = await parseRoot(inner, segment.criteria);
    walk.conditions = inner.conditions;
    if (inner.issues.length > 0) {
      const detail = inner.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
      return fail(walk, at, `segment "${segment.name}" has criteria that no longer apply (${detail})`, "segment");
    }
    segments.push({ id: segment.id, name: segment.name, isDynamic: true, criteria: parsed?.condition ?? null });
  }
  const negate = operator === "neq" || operator === "notIn";
  return {
    condition: { type: "segment", segments, negate },
    tree: { field: "segment", operator, value: isList ? segments.map((s) => s.id) : segments[0]!.id },
  };
}

async function parseLeaf(walk: Walk, node: Record<string, unknown>, path: string): Promise<Result> {
  walk.conditions++;
  if (walk.conditions > MAX_CONDITIONS) return fail(walk, path, `a filter has at most ${MAX_CONDITIONS} conditions`);
  const extra = Object.keys(node).filter((key) => key !== "field" && key !== "operator" && key !== "value");
  if (extra.length > 0) return fail(walk, join(path, extra[0]!), "is not part of a condition (field, operator, value)");
  if (typeof node.field !== "string" || node.field === "") return fail(walk, join(path, "field"), "expected a field name");
  const operator = node.operator;
  if (typeof operator !== "string" || !filterOperators.includes(operator as FilterOperator)) {
    return fail(walk, join(path, "operator"), `expected one of ${filterOperators.join(", ")}`, node.field);
  }
  const field = await resolveField(walk, node.field);
  if (typeof field === "string") return fail(walk, join(path, "field"), field, node.field);
  const allowed = [...operatorsByKind[field.kind], ...(field.isOrdered ? orderedEnumOperators : [])];
  if (!allowed.includes(operator as FilterOperator)) {
    return fail(walk, join(path, "operator"), `"${operator}" does not apply to ${field.key}; use one of ${allowed.join(", ")}`, field.key);
  }
  const leaf: FilterLeaf = { field: field.key, operator: operator as FilterOperator, value: node.value };
  if (field.kind === "segment") return parseSegmentLeaf(walk, leaf, path);
  const result = await buildPredicate(field, leaf.operator, node.value, { now: walk.now, resolveTags: walk.catalogue.resolveTags });
  if ("problem" in result) return fail(walk, join(path, result.problem.at), result.problem.message, field.key);
  const tree: FilterLeaf = leaf.operator === "isEmpty" || leaf.operator === "isNotEmpty"
    ? { field: leaf.field, operator: leaf.operator }
    : { ...leaf, value: result.value === undefined ? leaf.value : result.value };
  return { condition: { type: "field", field, predicate: result.predicate }, tree };
}

async function parseNode(walk: Walk, node: unknown, path: string, depth: number): Promise<Result> {
  const here = path === "" ? "filters" : path;
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    return fail(walk, here, "expected {and: [...]}, {or: [...]} or {field, operator, value}");
  }
  const record = node as Record<string, unknown>;
  const hasAnd = "and" in record;
  const hasOr = "or" in record;
  if (!hasAnd && !hasOr) return parseLeaf(walk, record, path);
  if (hasAnd && hasOr) return fail(walk, here, 'a group has either "and" or "or", not both');
  const kind = hasAnd ? "and" : "or";
  const extra = Object.keys(record).filter((key) => key !== kind);
  if (extra.length > 0) return fail(walk, join(path, extra[0]!), "is not part of a group");
  const children = record[kind];
  if (!Array.isArray(children)) return fail(walk, join(path, kind), "expected an array of conditions");
  if (depth >= MAX_DEPTH) return fail(walk, join(path, kind), `groups nest at most ${MAX_DEPTH} deep`);
  const parsed: Condition[] = [];
  const trees: FilterNode[] = [];
  let droppedChildren = 0;
  for (const [index, child] of children.entries()) {
    const result = await parseNode(walk, child, join(path, `${kind}[${index}]`), depth + 1);
    if (result) {
      parsed.push(result.condition);
      trees.push(result.tree);
    } else droppedChildren++;
  }
  // A group whose every condition was dropped constrains nothing; keeping an empty `or` would match nobody.
  if (walk.lenient && droppedChildren > 0 && parsed.length === 0) return null;
  const tree = (kind === "and" ? { and: trees } : { or: trees }) as FilterNode;
  return { condition: { type: kind, children: parsed }, tree };
}

async function parseRoot(walk: Walk, raw: unknown): Promise<Result> {
  if (raw === null || raw === undefined) return null;
  // `{}` is what an unfiltered segment stores: every contact.
  if (typeof raw === "object" && !Array.isArray(raw) && Object.keys(raw).length === 0) return null;
  return parseNode(walk, raw, "", 0);
}

/**
 * Validates a criteria tree against the workspace and normalises it. Strict mode throws a
 * FilterValidationError listing every problem as `and[2].or[0].value: expected a number for score`.
 */
export async function parseFilter(catalogue: FilterCatalogue, raw: unknown, options: ParseOptions = {}): Promise<ParsedFilter> {
  const walk: Walk = {
    catalogue, now: options.now ?? new Date(), lenient: options.lenient ?? false,
    issues: [], dropped: [], conditions: 0, segmentStack: [],
  };
  const result = await parseRoot(walk, raw);
  if (walk.issues.length > 0) throw new FilterValidationError(walk.issues.slice(0, 20));
  return { condition: result?.condition ?? null, tree: result?.tree ?? null, dropped: walk.dropped };
}

/** Parses with the segment being saved already on the stack, so criteria that reach back to it are refused. */
export async function parseSegmentCriteria(catalogue: FilterCatalogue, raw: unknown, segmentId: string | null, options: ParseOptions = {}) {
  const walk: Walk = {
    catalogue, now: options.now ?? new Date(), lenient: false,
    issues: [], dropped: [], conditions: 0, segmentStack: segmentId ? [segmentId] : [],
  };
  const result = await parseRoot(walk, raw);
  if (walk.issues.length > 0) throw new FilterValidationError(walk.issues.slice(0, 20));
  return { condition: result?.condition ?? null, tree: result?.tree ?? null, dropped: [] as DroppedCondition[] };
}
