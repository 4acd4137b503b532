import type { JobErrorEntry } from "@/db/schema";
import type { Executor } from "@/db/types";
import { runOnce } from "../jobs/ledger";
import { publishJobChange } from "../jobs/progress";
import { findJob, incrementJobCounts, updateJob } from "../jobs/queries";
import type { JobDeps, JobRef, JobStep } from "../jobs/step";
import { applyBatch, type AuditActor, type BatchError } from "./apply";
import { countTarget, targetCondition } from "./queries";
import { DEFAULT_BATCH_SIZE, type BulkJobInput } from "./schemas";

/** Errors kept on the job row for display and for the synchronous answer; the counts stay exact past it. */
const MAX_REPORTED_ERRORS = 1_000;

export interface BulkJobResult {
  status: "succeeded" | "cancelled";
  processed: number;
  success: number;
  errors: number;
  [key: string]: unknown;
}

interface StoredInput extends BulkJobInput {
  actor: AuditActor;
}

/**
 * A bulk update, delete, restore or tag change over a target, in keyset batches of ids. Each batch is
 * one transaction that also records itself (runOnce), so a replayed step never applies twice; a cancel
 * is seen before the next batch starts, and the job then reports what it did.
 */
export async function runBulkJob(deps: JobDeps & { batchSize?: number }, ref: JobRef, step: JobStep): Promise<BulkJobResult> {
  const job = await findJob(deps.db, ref);
  if (!job) throw new Error(`bulk job ${ref.jobId} does not exist`);
  const input = job.input as StoredInput;
  const limit = input.batchSize ?? deps.batchSize ?? DEFAULT_BATCH_SIZE;
  const deleted = input.operation === "restore";

  await step.run("prepare", async () => {
    const condition = await targetCondition(deps.db, { workspaceId: ref.workspaceId, target: input.target, deleted });
    const total = await countTarget(deps.db, condition);
    await updateJob(deps.db, ref, { status: "running", startedAt: new Date(), totalCount: total });
    publishJobChange(ref);
    return { total };
  });

  let afterId: string | null = null;
  let cancelled = false;
  for (let n = 0; ; n++) {
    const batch = await step.run(`batch-${n}`, async () => {
      const current = await findJob(deps.db, ref);
      if (current?.status === "cancelling") return { cancelled: true as const };
      const condition = await targetCondition(deps.db, { workspaceId: ref.workspaceId, target: input.target, deleted });
      const result = await runOnce(deps.db, ref, `batch-${n}`, async (tx) => {
        const done = await applyBatch(tx, { workspaceId: ref.workspaceId, jobId: ref.jobId, actor: input.actor, input, condition, afterId, limit });
        await incrementJobCounts(tx, ref, { processed: done.processed, success: done.success, error: done.errors.length, skipped: 0 });
        if (done.errors.length > 0) await appendErrors(tx, ref, done.errors);
        return { lastId: done.lastId, processed: done.processed };
      });
      publishJobChange(ref);
      return { cancelled: false as const, ...result };
    });
    if (batch.cancelled) {
      cancelled = true;
      break;
    }
    afterId = batch.lastId;
    if (batch.processed < limit || !batch.lastId) break;
  }

  return step.run("finish", async () => {
    const final = (await findJob(deps.db, ref))!;
    const status = cancelled ? "cancelled" : "succeeded";
    const result: BulkJobResult = { status, processed: final.processedCount, success: final.successCount, errors: final.errorCount };
    await updateJob(deps.db, ref, { status, progress: cancelled ? final.progress : 1, finishedAt: new Date(), result: { ...(final.result ?? {}), ...result } });
    publishJobChange(ref);
    return result;
  });
}

async function appendErrors(tx: Executor, ref: JobRef, errors: BatchError[]) {
  const job = await findJob(tx, ref, { forUpdate: true });
  if (!job || job.errorReport.length >= MAX_REPORTED_ERRORS) return;
  const entries: JobErrorEntry[] = errors.map((error) => ({ contactId: error.contactId, error: error.error }));
  await updateJob(tx, ref, { errorReport: [...job.errorReport, ...entries].slice(0, MAX_REPORTED_ERRORS) });
}
