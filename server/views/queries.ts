import { and, asc, eq, ne, or, sql } from "drizzle-orm";
import { savedViews, users, type ObjectType } from "@/db/schema";
import type { Executor } from "@/db/types";

export type ViewRow = typeof savedViews.$inferSelect;
export type NewViewRow = typeof savedViews.$inferInsert;

const scope = (workspaceId: string, id: string) => and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id));

export async function findViewById(db: Executor, params: { workspaceId: string; id: string; forUpdate?: boolean }) {
  const query = db.select().from(savedViews).where(scope(params.workspaceId, params.id)).limit(1);
  const rows = params.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

/** The user's own views and everyone's shared ones, with the owner's name for shared tabs. */
export async function findVisibleViews(db: Executor, params: { workspaceId: string; userId: string; objectType: ObjectType }) {
  return db
    .select({ view: savedViews, ownerName: users.name })
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.ownerId))
    .where(and(
      eq(savedViews.workspaceId, params.workspaceId),
      eq(savedViews.objectType, params.objectType),
      or(eq(savedViews.ownerId, params.userId), eq(savedViews.visibility, "shared")),
    ))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.createdAt), asc(savedViews.id));
}

export async function insertView(db: Executor, values: NewViewRow) {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row!;
}

export async function updateViewRow(db: Executor, params: { workspaceId: string; id: string; values: Partial<NewViewRow> }) {
  const [row] = await db.update(savedViews).set({ ...params.values, updatedAt: new Date() }).where(scope(params.workspaceId, params.id)).returning();
  return row ?? null;
}

export async function deleteViewRow(db: Executor, params: { workspaceId: string; id: string }) {
  await db.delete(savedViews).where(scope(params.workspaceId, params.id));
}

/** Clears the owner's other default so the new one is the only one (a unique index backs this up). */
export async function clearDefaultViews(db: Executor, params: { workspaceId: string; ownerId: string; objectType: ObjectType; exceptId?: string }) {
  const conditions = [
    eq(savedViews.workspaceId, params.workspaceId),
    eq(savedViews.ownerId, params.ownerId),
    eq(savedViews.objectType, params.objectType),
    eq(savedViews.isDefault, true),
  ];
  if (params.exceptId) conditions.push(ne(savedViews.id, params.exceptId));
  await db.update(savedViews).set({ isDefault: false, updatedAt: new Date() }).where(and(...conditions));
}
