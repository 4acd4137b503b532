import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { companies, contacts } from "@/db/schema";
import { customFieldSqlType, customFieldValueSql } from "../custom-fields/sql";
import { createFilterCatalogue } from "../filters/catalogue";
import { CUSTOM_FIELD_PREFIX, customFieldSpec, findBuiltinField } from "../filters/fields";
import type { FieldSpec, SortDirection, SortKey } from "../filters/types";
import type { Executor } from "@/db/types";
import { badRequest } from "../lib/errors";

/**
 * Multi-column sorts for contacts.list: any sortable field, custom fields typed by their definition
 * (numbers numerically, dates chronologically), NULLs last in both directions, ties broken by id.
 */
export interface ResolvedSortKey {
  key: string;
  direction: SortDirection;
  expression: SQL;
  /** SQL type the cursor's text value is cast back to. */
  castType: string;
  isNotNull: boolean;
}

const contactColumns = getTableColumns(contacts) as unknown as Record<string, AnyPgColumn>;
const sortCompany = alias(companies, "sort_company");
const sortCompanyColumns = sortCompany as unknown as Record<string, AnyPgColumn>;

export const DEFAULT_SORT: readonly SortKey[] = [{ field: "createdAt", direction: "desc" }];

/** True for the list's historical order, which keeps its own cursor format and index. */
export function isDefaultSort(sort: readonly SortKey[] | undefined): boolean {
  return !sort || sort.length === 0 || (sort.length === 1 && sort[0]!.field === "createdAt" && sort[0]!.direction === "desc");
}

export function sortSignature(sort: readonly SortKey[]): string {
  return sort.map((key) => `${key.field}:${key.direction}`).join(",");
}

function castTypeOf(field: FieldSpec): string {
  if (field.source.type === "custom") return customFieldSqlType(field.source.fieldType);
  if (field.kind === "datetime") return "timestamptz";
  if (field.kind === "boolean") return "boolean";
  return field.pgType ?? "text";
}

function expressionOf(field: FieldSpec, workspaceId: string): { expression: SQL; isNotNull: boolean } {
  const source = field.source;
  switch (source.type) {
    case "contact": {
      const column = contactColumns[source.column]!;
      return { expression: sql`${column}`, isNotNull: column.notNull };
    }
    case "company":
      return {
        expression: sql`(select ${sortCompanyColumns[source.column]!} from ${companies} ${sortCompany} where ${sortCompany.workspaceId} = ${workspaceId}::uuid and ${sortCompany.id} = ${contacts.companyId} and ${sortCompany.deletedAt} is null)`,
        isNotNull: false,
      };
    case "custom":
      return { expression: customFieldValueSql(source.fieldName, source.fieldType), isNotNull: false };
    default:
      throw new Error(`${field.key} is not sortable`);
  }
}

export async function resolveSort(db: Executor, workspaceId: string, sort: readonly SortKey[]): Promise<ResolvedSortKey[]> {
  const catalogue = createFilterCatalogue(db, workspaceId);
  const keys: ResolvedSortKey[] = [];
  for (const [index, key] of sort.entries()) {
    let field = findBuiltinField(key.field);
    if (!field && key.field.startsWith(CUSTOM_FIELD_PREFIX)) {
      const definition = await catalogue.customField(key.field.slice(CUSTOM_FIELD_PREFIX.length));
      if (!definition) throw badRequest(`sort[${index}].field`, `no custom field "${key.field.slice(CUSTOM_FIELD_PREFIX.length)}" on contacts`);
      if (definition.archivedAt) throw badRequest(`sort[${index}].field`, `custom field "${definition.fieldName}" is archived`);
      field = customFieldSpec(definition);
    }
    if (!field) throw badRequest(`sort[${index}].field`, `unknown field "${key.field}"`);
    if (!field.isSortable) throw badRequest(`sort[${index}].field`, `${field.key} cannot be sorted on`);
    if (keys.some((k) => k.key === field.key)) throw badRequest(`sort[${index}].field`, `${field.key} is already in the sort`);
    if (field.key === "id") continue; // the tiebreak already orders by id
    keys.push({ key: field.key, direction: key.direction, castType: castTypeOf(field), ...expressionOf(field, workspaceId) });
  }
  return keys;
}

/** The id tiebreak follows the last key's direction. */
export function tiebreakDirection(keys: readonly ResolvedSortKey[], sort: readonly SortKey[]): SortDirection {
  return keys.at(-1)?.direction ?? sort.find((key) => key.field === "id")?.direction ?? "asc";
}

export function orderBySql(keys: readonly ResolvedSortKey[], idDirection: SortDirection): SQL {
  // NULLS LAST in both directions: it is the order users expect, and what drizzle's `.desc()` index
  // columns are built with, so e.g. (workspace_id, score DESC NULLS LAST) serves a score sort.
  const parts = keys.map((key) => sql`${key.expression} ${sql.raw(key.direction)} nulls last`);
  parts.push(sql`${contacts.id} ${sql.raw(idDirection)} nulls last`);
  return sql.join(parts, sql`, `);
}

/** Rows strictly after the cursor in the order above, NULLs last. */
export function keysetAfterSql(keys: readonly ResolvedSortKey[], idDirection: SortDirection, values: ReadonlyArray<string | null>, id: string): SQL {
  const typed = (key: ResolvedSortKey, value: string) => sql`${value}::${sql.raw(key.castType)}`;
  const idAfter = sql`${contacts.id} ${sql.raw(idDirection === "asc" ? ">" : "<")} ${id}::uuid`;
  if (keys.every((key, i) => key.isNotNull && key.direction === idDirection && values[i] !== null)) {
    // One row comparison: what a btree on (keys…, id) serves directly.
    const left = sql.join([...keys.map((key) => key.expression), sql`${contacts.id}`], sql`, `);
    const right = sql.join([...keys.map((key, i) => typed(key, values[i]!)), sql`${id}::uuid`], sql`, `);
    return sql`((${left}) ${sql.raw(idDirection === "asc" ? ">" : "<")} (${right}))`;
  }
  let after: SQL = idAfter;
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    const value = values[i] ?? null;
    if (value === null) {
      // NULLs come last: after a NULL only other NULLs (then the later keys) can follow.
      after = sql`(${key.expression} is null and ${after})`;
      continue;
    }
    const beyond = sql`${key.expression} ${sql.raw(key.direction === "asc" ? ">" : "<")} ${typed(key, value)}`;
    const strictly = key.isNotNull ? beyond : sql`(${beyond} or ${key.expression} is null)`;
    after = sql`(${strictly} or (${key.expression} = ${typed(key, value)} and ${after}))`;
  }
  return after;
}

/**
 * The sort values of each row in PostgreSQL's text form, selected beside it for the next cursor. They
 * travel as JSON text: drivers disagree on text[] with NULL elements (postgres.js hands back "NULL").
 */
export function sortValuesSql(keys: readonly ResolvedSortKey[]): SQL {
  return sql`json_build_array(${sql.join(keys.map((key) => sql`(${key.expression})::text`), sql`, `)})::text`;
}

export function parseSortValues(raw: string): Array<string | null> {
  return JSON.parse(raw) as Array<string | null>;
}
