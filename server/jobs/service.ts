import type { JobKind } from "@/db/schema";
import type { ServiceContext } from "../context";
import { hasRole } from "../context";
import { badRequest, notFound } from "../lib/errors";
import { publishJobChange, toJobProgress, watchJob } from "./progress";
import { activeJobStatuses, findJob, findJobsPage, updateJob } from "./queries";

/** Admins see every job of the workspace; others the jobs they started. */
async function visibleJob(ctx: ServiceContext, id: string) {
  const job = await findJob(ctx.db, { workspaceId: ctx.workspaceId, jobId: id });
  if (!job || (!hasRole(ctx.actor, "admin") && job.actorId !== ctx.actor.userId)) throw notFound("Job", id);
  return job;
}

export async function getJob(ctx: ServiceContext, input: { id: string }) {
  const job = await visibleJob(ctx, input.id);
  return { ...toJobProgress(job), input: job.input, result: job.result, errorReport: job.errorReport, createdAt: job.createdAt, cancelRequestedAt: job.cancelRequestedAt, runner: job.runner };
}

export async function listJobs(ctx: ServiceContext, input: { kinds?: JobKind[]; first: number }) {
  const rows = await findJobsPage(ctx.db, { workspaceId: ctx.workspaceId, kinds: input.kinds, first: 200 });
  return rows
    .filter(({ job }) => hasRole(ctx.actor, "admin") || job.actorId === ctx.actor.userId)
    .slice(0, input.first)
    .map(({ job, actorName }) => ({
      ...toJobProgress(job),
      createdAt: job.createdAt,
      actorName,
      // Set on a bulk operation or import once it has been undone: the jobs page offers Undo only before.
      undoJobId: typeof job.result?.undoJobId === "string" ? job.result.undoJobId : null,
    }));
}

/**
 * Asks a job to stop: it finishes the batch in hand, then stops and reports what it did
 * (status `cancelled` with its counts). A job that has not started yet stops before its first batch.
 */
export async function cancelJob(ctx: ServiceContext, input: { id: string }) {
  const job = await visibleJob(ctx, input.id);
  if (job.kind === "search_index") throw badRequest("id", "search indexing cannot be cancelled: the contacts it has not reached yet would never be found by search");
  if (!activeJobStatuses.includes(job.status)) throw badRequest("id", `the job has already ${job.status === "succeeded" ? "finished" : job.status}`);
  const ref = { workspaceId: ctx.workspaceId, jobId: job.id };
  const updated = await updateJob(ctx.db, ref, { status: "cancelling", cancelRequestedAt: job.cancelRequestedAt ?? new Date() });
  publishJobChange(ref);
  return toJobProgress(updated!);
}

export async function* watchJobProgress(ctx: ServiceContext, input: { id: string }, signal?: AbortSignal) {
  await visibleJob(ctx, input.id);
  yield* watchJob(ctx.db, { workspaceId: ctx.workspaceId, jobId: input.id }, { signal });
}
