import { and, asc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { auditLog, contacts, contactTags, tags } from "@/db/schema";
import type { Executor } from "@/db/types";
import { prepareContactFilter } from "../filters/filter";
import { conditionToSql } from "../filters/compile";
import type { BulkTarget } from "./schemas";

/**
 * The SQL selecting a bulk target's contacts: the workspace, live or deleted rows, and the ids or the
 * filter. A filter is parsed against the workspace every time, so a job never trusts a stale tree.
 */
export async function targetCondition(db: Executor, params: { workspaceId: string; target: BulkTarget; deleted: boolean }): Promise<SQL> {
  const conditions: SQL[] = [eq(contacts.workspaceId, params.workspaceId), params.deleted ? isNotNull(contacts.deletedAt) : isNull(contacts.deletedAt)];
  if ("ids" in params.target) {
    conditions.push(inArray(contacts.id, params.target.ids));
  } else {
    const parsed = await prepareContactFilter({ db, workspaceId: params.workspaceId }, params.target.filter);
    if (parsed.condition) conditions.push(conditionToSql(parsed.condition, { workspaceId: params.workspaceId }));
  }
  return and(...conditions)!;
}

export async function countTarget(db: Executor, condition: SQL): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(condition);
  return row?.count ?? 0;
}

/** One keyset page of a target, locked: ids ascending after `afterId`. */
export async function lockTargetBatch(db: Executor, params: { condition: SQL; afterId: string | null; limit: number }) {
  const where = params.afterId ? and(params.condition, gt(contacts.id, params.afterId)) : params.condition;
  return db.select().from(contacts).where(where).orderBy(asc(contacts.id)).limit(params.limit).for("update");
}

/** Tags by case-insensitive name, creating the missing ones when `create` is set. */
export async function resolveTagIds(db: Executor, params: { workspaceId: string; names: string[]; create: boolean; createdBy: string }) {
  if (params.names.length === 0) return [];
  const lowered = [...new Set(params.names.map((name) => name.toLowerCase()))];
  if (params.create) {
    const byLower = new Map(params.names.map((name) => [name.toLowerCase(), name] as const));
    await db
      .insert(tags)
      .values(lowered.map((lower) => ({ workspaceId: params.workspaceId, name: byLower.get(lower)!, createdBy: params.createdBy })))
      .onConflictDoNothing();
  }
  return db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.workspaceId, params.workspaceId), inArray(sql`lower(${tags.name})`, lowered)));
}

export async function insertTagLinks(db: Executor, params: { workspaceId: string; contactIds: string[]; tagIds: string[] }) {
  if (params.contactIds.length === 0 || params.tagIds.length === 0) return [];
  const values = params.contactIds.flatMap((contactId) => params.tagIds.map((tagId) => ({ workspaceId: params.workspaceId, contactId, tagId })));
  return db.insert(contactTags).values(values).onConflictDoNothing().returning({ contactId: contactTags.contactId, tagId: contactTags.tagId });
}

export async function deleteTagLinks(db: Executor, params: { workspaceId: string; contactIds: string[]; tagIds: string[] }) {
  if (params.contactIds.length === 0 || params.tagIds.length === 0) return [];
  return db
    .delete(contactTags)
    .where(and(eq(contactTags.workspaceId, params.workspaceId), inArray(contactTags.contactId, params.contactIds), inArray(contactTags.tagId, params.tagIds)))
    .returning({ contactId: contactTags.contactId, tagId: contactTags.tagId });
}

/** One keyset page of the audit entries a job wrote, for undo. */
export async function findJobAuditPage(db: Executor, params: { workspaceId: string; jobId: string; afterId: string | null; limit: number }) {
  const conditions = [eq(auditLog.workspaceId, params.workspaceId), eq(auditLog.jobId, params.jobId), eq(auditLog.entityType, "contact")];
  if (params.afterId) conditions.push(gt(auditLog.id, params.afterId));
  return db.select().from(auditLog).where(and(...conditions)).orderBy(asc(auditLog.id)).limit(params.limit);
}
