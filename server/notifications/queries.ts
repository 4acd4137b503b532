import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { Executor } from "@/db/types";

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotification(db: Executor, values: typeof notifications.$inferInsert): Promise<NotificationRow> {
  const [row] = await db.insert(notifications).values(values).returning();
  return row!;
}

export async function findNotifications(db: Executor, params: { workspaceId: string; userId: string; first: number; unreadOnly: boolean }) {
  const conditions = [eq(notifications.workspaceId, params.workspaceId), eq(notifications.userId, params.userId)];
  if (params.unreadOnly) conditions.push(isNull(notifications.readAt));
  return db.select().from(notifications).where(and(...conditions)).orderBy(desc(notifications.createdAt)).limit(params.first);
}

export async function countUnread(db: Executor, params: { workspaceId: string; userId: string }): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, params.workspaceId), eq(notifications.userId, params.userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

export async function markRead(db: Executor, params: { workspaceId: string; userId: string; ids: string[] | "all" }) {
  const conditions = [eq(notifications.workspaceId, params.workspaceId), eq(notifications.userId, params.userId), isNull(notifications.readAt)];
  if (params.ids !== "all") conditions.push(inArray(notifications.id, params.ids));
  const rows = await db.update(notifications).set({ readAt: new Date() }).where(and(...conditions)).returning({ id: notifications.id });
  return rows.length;
}
