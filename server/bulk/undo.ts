import { and, eq, sql } from "drizzle-orm";
import { auditLog, type FieldChanges } from "@/db/schema";
import { insertAuditEntries, type AuditEntryInput } from "../audit/queries";
import { runOnce } from "../jobs/ledger";
import { publishJobChange } from "../jobs/progress";
import { findJob, incrementJobCounts, updateJob } from "../jobs/queries";
import type { JobDeps, JobRef, JobStep } from "../jobs/step";
import type { AuditActor } from "./apply";
import { findJobAuditPage } from "./queries";
import { revertEntries } from "./revert";
import { DEFAULT_BATCH_SIZE } from "./schemas";

interface UndoInput {
  sourceJobId: string;
  actor: AuditActor;
  [key: string]: unknown;
}

function inverse(changes: FieldChanges): FieldChanges {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, { old: change.new, new: change.old }]));
}

/**
 * Reverts a bulk operation from its audit entries (their `old` sides are the before-image), in keyset
 * batches like the operation itself, and marks the source job undone so it is reverted once.
 */
export async function runBulkUndoJob(deps: JobDeps & { batchSize?: number }, ref: JobRef, step: JobStep) {
  const job = await findJob(deps.db, ref);
  if (!job) throw new Error(`undo job ${ref.jobId} does not exist`);
  const input = job.input as UndoInput;
  const limit = deps.batchSize ?? DEFAULT_BATCH_SIZE;

  await step.run("prepare", async () => {
    const [row] = await deps.db
      .select({ count: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ref.workspaceId), eq(auditLog.jobId, input.sourceJobId), eq(auditLog.entityType, "contact")));
    await updateJob(deps.db, ref, { status: "running", startedAt: new Date(), totalCount: row?.count ?? 0 });
    publishJobChange(ref);
    return { total: row?.count ?? 0 };
  });

  let afterId: string | null = null;
  for (let n = 0; ; n++) {
    const batch = await step.run(`batch-${n}`, () =>
      runOnce(deps.db, ref, `batch-${n}`, async (tx) => {
        const entries = await findJobAuditPage(tx, { workspaceId: ref.workspaceId, jobId: input.sourceJobId, afterId, limit });
        const { reverted, failed } = await revertEntries(tx, ref.workspaceId, entries);
        const audit: AuditEntryInput[] = reverted.map((entry) => ({
          workspaceId: ref.workspaceId, entityType: "contact", entityId: entry.entityId, action: "undo", ...input.actor,
          changes: inverse(entry.changes), jobId: ref.jobId, metadata: { undoOf: input.sourceJobId },
        }));
        await insertAuditEntries(tx, audit);
        await incrementJobCounts(tx, ref, { processed: entries.length, success: entries.length - failed, error: failed, skipped: 0 });
        return { lastId: entries.at(-1)?.id ?? null, processed: entries.length };
      }),
    );
    publishJobChange(ref);
    afterId = batch.lastId;
    if (batch.processed < limit || !batch.lastId) break;
  }

  return step.run("finish", async () => {
    const final = (await findJob(deps.db, ref))!;
    const result = { status: "succeeded" as const, reverted: final.successCount, failed: final.errorCount };
    await updateJob(deps.db, ref, { status: "succeeded", progress: 1, finishedAt: new Date(), result });
    const source = await findJob(deps.db, { workspaceId: ref.workspaceId, jobId: input.sourceJobId });
    await updateJob(deps.db, { workspaceId: ref.workspaceId, jobId: input.sourceJobId }, { result: { ...(source?.result ?? {}), undoJobId: ref.jobId, undoneAt: new Date().toISOString() } });
    publishJobChange(ref);
    return result;
  });
}
