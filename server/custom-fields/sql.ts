import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { contacts, type CustomFieldType } from "@/db/schema";

/**
 * How a custom field's value is read in SQL, shared by filters, sorts and the expression indexes.
 *
 * Values live in `contacts.custom_fields` (jsonb). A GIN index on the whole column serves containment
 * (`@>`: select/multiselect equality) but never a range, so `customFields.budget >= 10000` would scan
 * the table. Each range-capable definition (number, currency, date, datetime, boolean, select) therefore
 * gets an expression index when it is created, and every query reads the value through the *same*
 * expression, so the planner can match it.
 *
 * - Every read is guarded by `jsonb_typeof`: a plain `(custom_fields->>'budget')::numeric` raises on one
 *   bad value ("n/a" written before the definition existed), which in an index would make that row's
 *   INSERT/UPDATE fail. With the guard a wrong-typed value reads as NULL, in the index and in filters.
 * - The validator stores numbers as JSON numbers, currency as `{amount, currency}` (a bare number is read
 *   as the amount too), dates as `YYYY-MM-DD` and datetimes as UTC ISO strings (`2024-01-01T10:00:00.000Z`).
 *   Both text forms sort
 *   chronologically byte by byte, so they are compared and indexed as text under COLLATE "C" (a text→date
 *   cast is not immutable, so it cannot be indexed).
 * - The index is partial, one per workspace and field (`WHERE workspace_id = '…' AND deleted_at IS NULL`):
 *   the same field name can have different types in two workspaces, and other workspaces' writes do not
 *   pay for it. Queries bind the workspace id and the key as parameters; PostgreSQL plans our unnamed
 *   statements with their values, so it still proves the predicate and matches the expression (checked
 *   with EXPLAIN in the benchmark).
 */
type Shape = "numeric" | "amount" | "orderedText" | "text" | "boolean" | "array";

const shapeByType: Record<CustomFieldType, Shape> = {
  number: "numeric", currency: "amount", date: "orderedText", datetime: "orderedText", boolean: "boolean",
  text: "text", textarea: "text", url: "text", email: "text", phone: "text", select: "text", multiselect: "array",
};

export const indexedCustomFieldTypes: readonly CustomFieldType[] = ["number", "currency", "date", "datetime", "boolean", "select"];

function template(shape: Shape, column: SQL, key: SQL): SQL {
  switch (shape) {
    case "numeric":
      return sql`(case when jsonb_typeof(${column} -> ${key}) = 'number' then (${column} ->> ${key})::numeric end)`;
    case "amount":
      // {amount, currency} as the validator stores it; a bare number (older or foreign writers) reads as the amount.
      return sql`(case when jsonb_typeof(${column} -> ${key}) = 'number' then (${column} ->> ${key})::numeric when jsonb_typeof(${column} -> ${key} -> 'amount') = 'number' then (${column} -> ${key} ->> 'amount')::numeric end)`;
    case "orderedText":
      return sql`((case when jsonb_typeof(${column} -> ${key}) = 'string' then ${column} ->> ${key} end) collate "C")`;
    case "boolean":
      return sql`(case when jsonb_typeof(${column} -> ${key}) = 'boolean' then (${column} ->> ${key})::boolean end)`;
    case "text":
      return sql`(case when jsonb_typeof(${column} -> ${key}) = 'string' then ${column} ->> ${key} end)`;
    case "array":
      return sql`(case when jsonb_typeof(${column} -> ${key}) = 'array' then ${column} -> ${key} end)`;
  }
}

/** The SQL type a filter value is cast to when compared with this field's expression. */
export function customFieldSqlType(fieldType: CustomFieldType): "numeric" | "text" | "boolean" | "jsonb" {
  const shape = shapeByType[fieldType];
  return shape === "numeric" || shape === "amount" ? "numeric" : shape === "boolean" ? "boolean" : shape === "array" ? "jsonb" : "text";
}

/** The value of `customFields.<fieldName>` on the `contacts` row in scope (key bound as a parameter). */
export function customFieldValueSql(fieldName: string, fieldType: CustomFieldType, column: SQL = sql`${contacts.customFields}`): SQL {
  return template(shapeByType[fieldType], column, sql`${fieldName}::text`);
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bumped whenever an index expression changes, so a changed expression gets a new index name. */
const EXPRESSION_VERSION = 2;

export function customFieldIndexName(workspaceId: string, fieldName: string): string {
  const hash = createHash("sha1").update(`${workspaceId}:${fieldName}:${EXPRESSION_VERSION}`).digest("hex").slice(0, 8);
  const readable = fieldName.toLowerCase().replace(/[^a-z0-9_]/g, "").slice(0, 28);
  return `contacts_cf_${workspaceId.replace(/-/g, "").slice(0, 8)}_${readable}_${hash}`;
}

/**
 * DDL cannot take bound parameters, so the key and the workspace id are written into the statement;
 * both are re-checked against strict patterns here (a field name is letters, digits and underscores).
 */
export function customFieldIndexStatement(
  params: { workspaceId: string; fieldName: string; fieldType: CustomFieldType },
  options: { concurrently: boolean },
): string | null {
  if (!indexedCustomFieldTypes.includes(params.fieldType)) return null;
  if (!FIELD_NAME.test(params.fieldName) || !UUID.test(params.workspaceId)) throw new Error("refusing to build index DDL from an unchecked name");
  const expression = new PgDialect().sqlToQuery(
    template(shapeByType[params.fieldType], sql.raw(`"custom_fields"`), sql.raw(`'${params.fieldName}'::text`)),
  ).sql;
  const name = customFieldIndexName(params.workspaceId, params.fieldName);
  return `create index ${options.concurrently ? "concurrently " : ""}if not exists "${name}" on "contacts" (${expression}, "id") ` +
    `where "workspace_id" = '${params.workspaceId.toLowerCase()}'::uuid and "deleted_at" is null`;
}

export function dropCustomFieldIndexStatement(params: { workspaceId: string; fieldName: string }, options: { concurrently: boolean }): string {
  return `drop index ${options.concurrently ? "concurrently " : ""}if exists "${customFieldIndexName(params.workspaceId, params.fieldName)}"`;
}
