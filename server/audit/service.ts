import type { AuditAction, FieldChanges } from "@/db/schema";
import type { Executor } from "@/db/types";
import type { Actor, ServiceContext } from "../context";
import { findAuditEntries, insertAuditEntries } from "./queries";

export function actorFields(actor: Actor) {
  return actor.type === "user"
    ? { actorType: "user" as const, actorId: actor.userId, actorName: actor.name }
    : { actorType: "api_key" as const, actorId: actor.keyId, actorName: actor.name };
}

/** Writes one audit entry through `db`, which callers pass as their open transaction so both commit together. */
export async function recordAudit(
  db: Executor,
  ctx: Pick<ServiceContext, "workspaceId" | "actor">,
  entry: { entityType: string; entityId: string | null; action: AuditAction; changes: FieldChanges; jobId?: string | null; metadata?: Record<string, unknown> },
): Promise<void> {
  await insertAuditEntries(db, [{ workspaceId: ctx.workspaceId, ...actorFields(ctx.actor), ...entry }]);
}

export async function listEntityHistory(
  ctx: ServiceContext,
  input: { entityType: string; entityId: string; first: number; before?: { createdAt: Date; id: string } },
) {
  const rows = await findAuditEntries(ctx.db, { workspaceId: ctx.workspaceId, ...input, first: input.first + 1 });
  const hasMore = rows.length > input.first;
  return { entries: rows.slice(0, input.first), hasMore };
}
