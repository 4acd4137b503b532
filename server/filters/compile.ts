import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { companies, contacts, contactTags, segmentMembers } from "@/db/schema";
import { customFieldSqlType, customFieldValueSql } from "../custom-fields/sql";
import type { Condition, Predicate, Scalar } from "./ast";
import type { FieldSpec } from "./types";

/**
 * Turns a parsed Condition into a drizzle SQL condition over the `contacts` table in scope. Every value
 * is a bound parameter; only identifiers chosen by this code are written into the SQL text.
 */
const contactColumns = getTableColumns(contacts) as unknown as Record<string, AnyPgColumn>;
const filterCompany = alias(companies, "filter_company");
const companyColumns = filterCompany as unknown as Record<string, AnyPgColumn>;
const filterTag = alias(contactTags, "filter_tag");
const filterMember = alias(segmentMembers, "filter_member");

const TRUE = sql`true`;
const FALSE = sql`false`;

export interface CompileScope {
  workspaceId: string;
  /**
   * For a page (ORDER BY … LIMIT): only a few rows are examined, so a subquery under OR should be probed
   * per row. PostgreSQL otherwise turns it into a "hashed SubPlan" — reading every contact_tags row of
   * the tag up front (80,000 for a popular tag at 1M contacts) — because that choice ignores the LIMIT.
   * `offset 0` is PostgreSQL's long-standing optimisation fence: it keeps the subquery correlated. Counts leave this off.
   */
  firstRows?: boolean;
  /** Set while compiling under an OR (or a negated segment), where subqueries cannot become joins. */
  underOr?: boolean;
}

/** The fence described on CompileScope.firstRows. */
const fence = (scope: CompileScope) => (scope.firstRows && scope.underOr ? sql` offset 0` : sql``);

/** `%`, `_` and the escape character itself match literally inside LIKE patterns. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function sqlType(field: FieldSpec): string {
  if (field.source.type === "custom") return customFieldSqlType(field.source.fieldType);
  if (field.kind === "datetime") return "timestamptz";
  if (field.kind === "boolean") return "boolean";
  return field.pgType ?? "text";
}

function bind(field: FieldSpec, value: Scalar): SQL {
  // Drivers disagree on bigint parameters; its text form casts exactly.
  const raw = typeof value === "bigint" ? value.toString() : value;
  return sql`${raw}::${sql.raw(sqlType(field))}`;
}

/** The field's value on the row in scope (`filter_company` for company fields). */
export function fieldValueSql(field: FieldSpec): SQL {
  const source = field.source;
  switch (source.type) {
    case "contact": return sql`${contactColumns[source.column]!}`;
    case "company": return sql`${companyColumns[source.column]!}`;
    case "custom": return customFieldValueSql(source.fieldName, source.fieldType);
    default: throw new Error(`${field.key} has no scalar value`);
  }
}

const isTextual = (field: FieldSpec) => field.kind === "text";
const folded = (field: FieldSpec, x: SQL) => (field.isStoredLowercase ? x : sql`lower(${x})`);
const foldedValue = (field: FieldSpec, value: Scalar) => (field.isStoredLowercase ? sql`${String(value)}::text` : sql`lower(${String(value)}::text)`);

const operatorSql = { eq: "=", neq: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

function scalarPredicateSql(field: FieldSpec, x: SQL, predicate: Predicate): SQL {
  switch (predicate.kind) {
    case "empty":
      if (isTextual(field)) return predicate.negate ? sql`(${x} is not null and ${x} <> '')` : sql`(${x} is null or ${x} = '')`;
      return predicate.negate ? sql`(${x} is not null)` : sql`(${x} is null)`;
    case "compare":
      if (isTextual(field)) return sql`(${folded(field, x)} ${sql.raw(operatorSql[predicate.op])} ${foldedValue(field, predicate.value)})`;
      return sql`(${x} ${sql.raw(operatorSql[predicate.op])} ${bind(field, predicate.value)})`;
    case "range": {
      const parts: SQL[] = [];
      if (predicate.low) parts.push(sql`${x} ${sql.raw(predicate.low.inclusive ? ">=" : ">")} ${bind(field, predicate.low.value)}`);
      if (predicate.high) parts.push(sql`${x} ${sql.raw(predicate.high.inclusive ? "<=" : "<")} ${bind(field, predicate.high.value)}`);
      const inside = parts.length === 0 ? sql`(${x} is not null)` : sql`(${sql.join(parts, sql` and `)})`;
      return predicate.negate ? sql`(not ${inside})` : inside;
    }
    case "list": {
      const values = isTextual(field)
        ? predicate.values.map((v) => foldedValue(field, v))
        : predicate.values.map((v) => bind(field, v));
      const subject = isTextual(field) ? folded(field, x) : x;
      return sql`(${subject} ${sql.raw(predicate.negate ? "not in" : "in")} (${sql.join(values, sql`, `)}))`;
    }
    case "text": {
      const escaped = escapeLike(predicate.value);
      const pattern = predicate.mode === "contains" ? `%${escaped}%` : predicate.mode === "startsWith" ? `${escaped}%` : `%${escaped}`;
      return predicate.negate ? sql`(not (${x} ilike ${pattern}::text))` : sql`(${x} ilike ${pattern}::text)`;
    }
    case "set":
      throw new Error("set predicates are compiled by setSql");
  }
}

function tagsSql(predicate: Predicate, scope: CompileScope): SQL {
  const linked = sql`select 1 from ${contactTags} ${filterTag} where ${filterTag.workspaceId} = ${scope.workspaceId}::uuid and ${filterTag.contactId} = ${contacts.id}`;
  if (predicate.kind === "empty") return predicate.negate ? sql`exists (${linked}${fence(scope)})` : sql`not exists (${linked}${fence(scope)})`;
  if (predicate.kind !== "set") throw new Error("tags take set predicates");
  const ids = sql.join(predicate.values.map((id) => sql`${id}::uuid`), sql`, `);
  switch (predicate.mode) {
    case "any":
      return predicate.values.length === 0 ? FALSE : sql`exists (${linked} and ${filterTag.tagId} in (${ids})${fence(scope)})`;
    case "none":
      return predicate.values.length === 0 ? TRUE : sql`not exists (${linked} and ${filterTag.tagId} in (${ids})${fence(scope)})`;
    case "all":
      // A tag that does not exist cannot be on anyone.
      if (predicate.unknown > 0 || predicate.values.length === 0) return FALSE;
      return sql`((select count(*) from ${contactTags} ${filterTag} where ${filterTag.workspaceId} = ${scope.workspaceId}::uuid and ${filterTag.contactId} = ${contacts.id} and ${filterTag.tagId} in (${ids})) = ${predicate.values.length})`;
  }
}

function multiselectSql(field: FieldSpec & { source: { type: "custom" } }, predicate: Predicate): SQL {
  const name = field.source.fieldName;
  if (predicate.kind === "empty") {
    const length = sql`(case when jsonb_typeof(${contacts.customFields} -> ${name}::text) = 'array' then jsonb_array_length(${contacts.customFields} -> ${name}::text) else 0 end)`;
    return predicate.negate ? sql`(${length} > 0)` : sql`(${length} = 0)`;
  }
  if (predicate.kind !== "set") throw new Error("multiselects take set predicates");
  // Containment (`@>`) is what the GIN index on custom_fields serves.
  const contains = (values: string[]) => sql`(${contacts.customFields} @> ${JSON.stringify({ [name]: values })}::jsonb)`;
  const any = sql`(${sql.join(predicate.values.map((value) => contains([value])), sql` or `)})`;
  if (predicate.mode === "all") return contains(predicate.values);
  return predicate.mode === "any" ? any : sql`(not ${any})`;
}

function fieldSql(field: FieldSpec, predicate: Predicate, scope: CompileScope): SQL {
  const source = field.source;
  if (source.type === "tags") return tagsSql(predicate, scope);
  if (source.type === "custom" && field.kind === "set") return multiselectSql(field as FieldSpec & { source: typeof source }, predicate);
  if (source.type !== "company") return scalarPredicateSql(field, fieldValueSql(field), predicate);
  // A contact without a live company has every company field empty: only isEmpty can match it.
  const company = sql`select 1 from ${companies} ${filterCompany} where ${filterCompany.workspaceId} = ${scope.workspaceId}::uuid and ${filterCompany.id} = ${contacts.companyId} and ${filterCompany.deletedAt} is null`;
  const x = fieldValueSql(field);
  if (predicate.kind === "empty" && !predicate.negate) {
    return sql`not exists (${company} and ${scalarPredicateSql(field, x, { kind: "empty", negate: true })}${fence(scope)})`;
  }
  return sql`exists (${company} and ${scalarPredicateSql(field, x, predicate)}${fence(scope)})`;
}

function segmentSql(condition: Extract<Condition, { type: "segment" }>, scope: CompileScope): SQL {
  const inner = condition.negate || condition.segments.length > 1 ? { ...scope, underOr: true } : scope;
  const parts = condition.segments.map((segment) => {
    if (segment.isDynamic) return segment.criteria ? conditionToSql(segment.criteria, inner) : TRUE;
    return sql`exists (select 1 from ${segmentMembers} ${filterMember} where ${filterMember.workspaceId} = ${scope.workspaceId}::uuid and ${filterMember.segmentId} = ${segment.id}::uuid and ${filterMember.contactId} = ${contacts.id}${fence(inner)})`;
  });
  const member = parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
  // Inlined criteria can evaluate to NULL; NOT must see a plain false there, or "not in segment" would drop the row.
  return condition.negate ? sql`(not coalesce(${member}, false))` : member;
}

/** The SQL condition for a parsed filter (`true` when there is none). */
export function conditionToSql(condition: Condition | null, scope: CompileScope): SQL {
  if (!condition) return TRUE;
  switch (condition.type) {
    case "and":
    case "or": {
      if (condition.children.length === 0) return condition.type === "and" ? TRUE : FALSE;
      const inner = condition.type === "or" && condition.children.length > 1 ? { ...scope, underOr: true } : scope;
      const parts = condition.children.map((child) => conditionToSql(child, inner));
      return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, condition.type === "and" ? sql` and ` : sql` or `)})`;
    }
    case "field":
      return fieldSql(condition.field, condition.predicate, scope);
    case "segment":
      return segmentSql(condition, scope);
  }
}
