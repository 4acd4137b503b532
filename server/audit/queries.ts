import { and, desc, eq, lt, or } from "drizzle-orm";
import { auditLog, type AuditAction, type FieldChanges } from "@/db/schema";
import type { Executor } from "@/db/types";

export interface AuditEntryInput {
  workspaceId: string;
  entityType: string;
  entityId: string | null;
  action: AuditAction;
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  actorName: string | null;
  changes: FieldChanges;
  jobId?: string | null;
  metadata?: Record<string, unknown>;
}

export async function insertAuditEntries(db: Executor, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries.map((e) => ({ ...e, jobId: e.jobId ?? null, metadata: e.metadata ?? {} })));
}

export async function findAuditEntries(
  db: Executor,
  params: { workspaceId: string; entityType: string; entityId: string; first: number; before?: { createdAt: Date; id: string } },
) {
  const conditions = [
    eq(auditLog.workspaceId, params.workspaceId),
    eq(auditLog.entityType, params.entityType),
    eq(auditLog.entityId, params.entityId),
  ];
  if (params.before) {
    conditions.push(
      or(
        lt(auditLog.createdAt, params.before.createdAt),
        and(eq(auditLog.createdAt, params.before.createdAt), lt(auditLog.id, params.before.id)),
      )!,
    );
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(params.first);
}
