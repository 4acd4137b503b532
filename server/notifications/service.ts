import type { ServiceContext } from "../context";
import { countUnread, findNotifications, markRead } from "./queries";

export async function listNotifications(ctx: ServiceContext, input: { first: number; unreadOnly: boolean }) {
  const [nodes, unreadCount] = await Promise.all([
    findNotifications(ctx.db, { workspaceId: ctx.workspaceId, userId: ctx.actor.userId, ...input }),
    countUnread(ctx.db, { workspaceId: ctx.workspaceId, userId: ctx.actor.userId }),
  ]);
  return { nodes, unreadCount };
}

export async function markNotificationsRead(ctx: ServiceContext, input: { ids?: string[] }) {
  const updated = await markRead(ctx.db, { workspaceId: ctx.workspaceId, userId: ctx.actor.userId, ids: input.ids ?? "all" });
  return { updated };
}
