import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { customFieldDefinitions, type ObjectType } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { Executor } from "@/db/types";
import { customFieldIndexName, customFieldIndexStatement, dropCustomFieldIndexStatement, indexedCustomFieldTypes } from "./sql";

export type CustomFieldDefinitionRow = typeof customFieldDefinitions.$inferSelect;
export type NewCustomFieldDefinitionRow = typeof customFieldDefinitions.$inferInsert;

const scope = (workspaceId: string, id: string) =>
  and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id));

export async function findCustomFieldDefinitions(
  db: Executor,
  params: { workspaceId: string; objectType: ObjectType; includeArchived: boolean },
): Promise<CustomFieldDefinitionRow[]> {
  const conditions = [eq(customFieldDefinitions.workspaceId, params.workspaceId), eq(customFieldDefinitions.objectType, params.objectType)];
  if (!params.includeArchived) conditions.push(isNull(customFieldDefinitions.archivedAt));
  return db
    .select()
    .from(customFieldDefinitions)
    .where(and(...conditions))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.label), asc(customFieldDefinitions.id));
}

export async function findCustomFieldDefinitionById(db: Executor, params: { workspaceId: string; id: string; forUpdate?: boolean }) {
  const query = db.select().from(customFieldDefinitions).where(scope(params.workspaceId, params.id)).limit(1);
  const rows = params.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findCustomFieldDefinitionByName(db: Executor, params: { workspaceId: string; objectType: ObjectType; fieldName: string }) {
  const rows = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(
      eq(customFieldDefinitions.workspaceId, params.workspaceId),
      eq(customFieldDefinitions.objectType, params.objectType),
      eq(customFieldDefinitions.fieldName, params.fieldName),
    ))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertCustomFieldDefinition(db: Executor, values: NewCustomFieldDefinitionRow) {
  const [row] = await db.insert(customFieldDefinitions).values(values).returning();
  return row!;
}

export async function updateCustomFieldDefinition(
  db: Executor,
  params: { workspaceId: string; id: string; values: Partial<NewCustomFieldDefinitionRow> },
) {
  const [row] = await db
    .update(customFieldDefinitions)
    .set({ ...params.values, updatedAt: new Date() })
    .where(scope(params.workspaceId, params.id))
    .returning();
  return row ?? null;
}

/** How many live contacts hold a value for the field: shown before archiving, and after restoring. */
export async function countContactsWithCustomValue(db: Executor, params: { workspaceId: string; fieldName: string }) {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts
    where workspace_id = ${params.workspaceId}::uuid and deleted_at is null and custom_fields ? ${params.fieldName}::text`);
  return rows[0]?.n ?? 0;
}

/**
 * CREATE/DROP INDEX CONCURRENTLY does not block writers, but PostgreSQL refuses it inside a transaction
 * block; when the caller hands us a transaction we build the index plainly inside it instead.
 * (PGlite 0.5 accepts CONCURRENTLY outside a transaction, like PostgreSQL.)
 */
async function runIndexDdl(db: Executor, build: (concurrently: boolean) => string): Promise<void> {
  const concurrently = !(db instanceof PgTransaction);
  try {
    await db.execute(sql.raw(build(concurrently)));
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    // 0A000: feature_not_supported — an engine without concurrent builds; build it plainly.
    if (!concurrently || code !== "0A000") throw error;
    await db.execute(sql.raw(build(false)));
  }
}

export async function createCustomFieldIndex(db: Executor, definition: Pick<CustomFieldDefinitionRow, "workspaceId" | "fieldName" | "fieldType" | "objectType">) {
  if (definition.objectType !== "contact" || !indexedCustomFieldTypes.includes(definition.fieldType)) return false;
  try {
    await runIndexDdl(db, (concurrently) => customFieldIndexStatement(definition, { concurrently })!);
    return true;
  } catch (error) {
    // A failed concurrent build leaves an INVALID index that `if not exists` would keep forever; remove it.
    // Filters still work without the index (slower), so the definition itself stands.
    console.error(`[custom-fields] could not build ${customFieldIndexName(definition.workspaceId, definition.fieldName)}:`, error);
    if (!(db instanceof PgTransaction)) await runIndexDdl(db, (concurrently) => dropCustomFieldIndexStatement(definition, { concurrently })).catch(() => {});
    else throw error;
    return false;
  }
}

export async function dropCustomFieldIndex(db: Executor, definition: Pick<CustomFieldDefinitionRow, "workspaceId" | "fieldName">) {
  await runIndexDdl(db, (concurrently) => dropCustomFieldIndexStatement(definition, { concurrently }));
}

/** The expression indexes present for a workspace's custom fields (tests and the benchmark check them). */
export async function findCustomFieldIndexNames(db: Executor, params: { workspaceId: string }) {
  const prefix = `contacts_cf_${params.workspaceId.replace(/-/g, "").slice(0, 8)}_`;
  const rows = await queryRows<{ name: string }>(db, sql`select c.relname as name from pg_class c join pg_index i on i.indexrelid = c.oid
    where c.relkind = 'i' and c.relname like ${`${prefix}%`}::text and i.indisvalid`);
  return rows.map((row) => row.name);
}

/**
 * Creates any missing index for the workspace's live definitions; for data loaded around the service
 * (seeding, benchmarks, restores from backup).
 */
export async function ensureCustomFieldIndexes(db: Executor, params: { workspaceId: string }) {
  const definitions = await findCustomFieldDefinitions(db, { workspaceId: params.workspaceId, objectType: "contact", includeArchived: false });
  let created = 0;
  for (const definition of definitions) if (await createCustomFieldIndex(db, definition)) created++;
  return created;
}
