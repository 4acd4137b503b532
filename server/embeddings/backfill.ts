import { sql } from "drizzle-orm";
import { publishJobChange } from "../jobs/progress";
import { findJob, incrementJobCounts, updateJob } from "../jobs/queries";
import type { JobDeps, JobRef, JobStep } from "../jobs/step";
import { getEmbeddingProvider } from "./provider";
import { deleteEmbeddingsOfOtherModels, findEmbeddingCoverage, findLiveContactIds, currentTimestamp, removeFromQueue } from "./queries";
import { embedContacts } from "./refresh";

/** Contacts per step: at least 256, and few enough steps for Inngest's 1,000-step limit at 1M contacts. */
export function backfillBatchSize(liveContacts: number): number {
  return Math.max(256, Math.ceil(liveContacts / 500));
}

interface BatchOutput {
  next: string | null;
  done: boolean;
  cancelled: boolean;
}

/**
 * The `embedding_backfill` job: walks every live contact of the workspace in id order, embeds those
 * whose text changed under the configured model (unchanged ones cost a hash), empties the queue as it
 * goes, and finally drops the vectors of any previous model. Progress is the job row's counters:
 * processed = contacts looked at, success = embedded, skipped = unchanged.
 */
export async function runEmbeddingBackfillJob(deps: JobDeps, ref: JobRef, step: JobStep): Promise<{ status: string; embedded: number; unchanged: number }> {
  const start = await step.run("start", async () => {
    const job = await findJob(deps.db, ref);
    if (!job) throw new Error(`embedding backfill ${ref.jobId} does not exist`);
    const provider = await getEmbeddingProvider();
    const coverage = await findEmbeddingCoverage(deps.db, ref.workspaceId, provider.name);
    await updateJob(deps.db, ref, {
      status: job.cancelRequestedAt ? "cancelled" : "running", startedAt: job.startedAt ?? new Date(),
      totalCount: coverage.liveContacts, result: { model: provider.name },
      ...(job.cancelRequestedAt ? { finishedAt: new Date() } : {}),
    });
    publishJobChange(ref);
    return { cancelled: Boolean(job.cancelRequestedAt), batchSize: backfillBatchSize(coverage.liveContacts) };
  });
  if (start.cancelled) return { status: "cancelled", embedded: 0, unchanged: 0 };

  let cursor: string | null = null;
  for (let index = 0; ; index++) {
    const after: string | null = cursor;
    const batch: BatchOutput = await step.run(`batch-${index}`, async () => {
      const job = await findJob(deps.db, ref);
      if (job?.cancelRequestedAt) return { next: after, done: true, cancelled: true };
      const provider = await getEmbeddingProvider();
      const ids = await findLiveContactIds(deps.db, ref.workspaceId, after, start.batchSize);
      const claimedAt = await currentTimestamp(deps.db);
      const outcome = await embedContacts(deps.db, provider, ref.workspaceId, ids);
      await removeFromQueue(deps.db, ref.workspaceId, ids, claimedAt);
      await incrementJobCounts(deps.db, ref, { processed: ids.length, success: outcome.embedded, error: 0, skipped: outcome.unchanged + outcome.missing });
      publishJobChange(ref);
      return { next: ids.at(-1) ?? after, done: ids.length < start.batchSize, cancelled: false };
    });
    cursor = batch.next;
    if (batch.done) {
      return step.run("finish", async () => {
        const job = await findJob(deps.db, ref);
        const provider = await getEmbeddingProvider();
        if (!batch.cancelled) await deleteEmbeddingsOfOtherModels(deps.db, ref.workspaceId, provider.name);
        // Fresh statistics, or the planner goes on believing the table holds the few rows it had before and
        // ranks every vector by hand instead of walking the HNSW index: 1,000 ms instead of 12 at 100,000
        // contacts. PGlite has no autovacuum to do this, and on PostgreSQL it may come long after.
        await deps.db.execute(sql`analyze contact_embeddings`);
        const status = batch.cancelled ? "cancelled" : "succeeded";
        await updateJob(deps.db, ref, {
          status, finishedAt: new Date(), progress: batch.cancelled ? job?.progress ?? 0 : 1,
          result: { model: provider.name, embedded: job?.successCount ?? 0, unchanged: job?.skippedCount ?? 0 },
        });
        publishJobChange(ref);
        return { status, embedded: job?.successCount ?? 0, unchanged: job?.skippedCount ?? 0 };
      });
    }
  }
}
