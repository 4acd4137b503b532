import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { contacts, segmentMembers, segments } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { Executor } from "@/db/types";

export type SegmentRow = typeof segments.$inferSelect;
export type NewSegmentRow = typeof segments.$inferInsert;

const scope = (workspaceId: string, id: string) => and(eq(segments.workspaceId, workspaceId), eq(segments.id, id));

export async function findSegmentById(db: Executor, params: { workspaceId: string; id: string; forUpdate?: boolean }) {
  const query = db.select().from(segments).where(scope(params.workspaceId, params.id)).limit(1);
  const rows = params.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findSegments(db: Executor, params: { workspaceId: string }) {
  return db.select().from(segments).where(eq(segments.workspaceId, params.workspaceId)).orderBy(asc(sql`lower(${segments.name})`), asc(segments.id));
}

/** Other segments whose stored criteria name this one: deleting it would break them. */
export async function findSegmentsReferencing(db: Executor, params: { workspaceId: string; id: string }) {
  return db
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(and(eq(segments.workspaceId, params.workspaceId), ne(segments.id, params.id), sql`${segments.criteria}::text like ${`%${params.id}%`}`));
}

export async function insertSegment(db: Executor, values: NewSegmentRow) {
  const [row] = await db.insert(segments).values(values).returning();
  return row!;
}

export async function updateSegmentRow(db: Executor, params: { workspaceId: string; id: string; values: Partial<NewSegmentRow> }) {
  const [row] = await db.update(segments).set({ ...params.values, updatedAt: new Date() }).where(scope(params.workspaceId, params.id)).returning();
  return row ?? null;
}

export async function deleteSegmentRow(db: Executor, params: { workspaceId: string; id: string }) {
  await db.delete(segments).where(scope(params.workspaceId, params.id));
}

/** Live members of a static segment. */
export async function countStaticMembers(db: Executor, params: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(segmentMembers)
    .innerJoin(contacts, and(eq(contacts.workspaceId, segmentMembers.workspaceId), eq(contacts.id, segmentMembers.contactId)))
    .where(and(eq(segmentMembers.workspaceId, params.workspaceId), eq(segmentMembers.segmentId, params.id), isNull(contacts.deletedAt)));
  return row?.count ?? 0;
}

/** Freezes the contacts matching `condition` as the segment's members; returns how many were added. */
export async function freezeMembers(db: Executor, params: { workspaceId: string; id: string; condition: SQL; addedBy: string | null }) {
  const rows = await queryRows<{ n: number }>(db, sql`with added as (
      insert into ${segmentMembers} (workspace_id, segment_id, contact_id, added_by)
      select ${contacts.workspaceId}, ${params.id}::uuid, ${contacts.id}, ${params.addedBy}::text from ${contacts}
      where ${contacts.workspaceId} = ${params.workspaceId}::uuid and ${contacts.deletedAt} is null and ${params.condition}
      on conflict do nothing returning 1)
    select count(*)::int as n from added`);
  return rows[0]?.n ?? 0;
}

export async function insertMembers(db: Executor, params: { workspaceId: string; id: string; contactIds: string[]; addedBy: string | null }) {
  if (params.contactIds.length === 0) return 0;
  const rows = await db
    .insert(segmentMembers)
    .values(params.contactIds.map((contactId) => ({ workspaceId: params.workspaceId, segmentId: params.id, contactId, addedBy: params.addedBy })))
    .onConflictDoNothing()
    .returning({ contactId: segmentMembers.contactId });
  return rows.length;
}

export async function deleteMembers(db: Executor, params: { workspaceId: string; id: string; contactIds?: string[] }) {
  const conditions = [eq(segmentMembers.workspaceId, params.workspaceId), eq(segmentMembers.segmentId, params.id)];
  if (params.contactIds) conditions.push(inArray(segmentMembers.contactId, params.contactIds));
  const rows = await db.delete(segmentMembers).where(and(...conditions)).returning({ contactId: segmentMembers.contactId });
  return rows.length;
}
