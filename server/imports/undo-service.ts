import { TRPCError } from "@trpc/server";
import type { Database } from "@/db/types";
import type { ServiceContext } from "../context";
import { getFileStorage } from "../files/storage";
import { dispatchJob, runnerForNewJobs } from "../jobs/dispatch";
import type { LocalRunOptions } from "../jobs/local-runner";
import { activeJobStatuses, findJob, insertJob, updateJob } from "../jobs/queries";
import { requireRole } from "../lib/authorize";
import { badRequest } from "../lib/errors";
import type { ImportJobInput } from "./schemas";
import { importJobOrThrow } from "./service";
import type { UndoJobInput } from "./undo-import";
import { countContactsEditedAfterImport, findContactsEditedAfterImport } from "./undo-queries";

/**
 * Reverts an import as a job. Contacts edited after the import are listed and, unless `force`, the
 * undo waits for confirmation instead of starting; with `force` they are reverted too.
 */
export async function undoImport(ctx: ServiceContext, input: { importId: string; force: boolean }, options: { localRun?: LocalRunOptions; dispatch?: boolean } = {}) {
  requireRole(ctx, "admin", "undo imports");
  const job = await importJobOrThrow(ctx, input.importId);
  if (activeJobStatuses.includes(job.status)) throw badRequest("importId", "the import is still running; cancel it first, then undo what it wrote");
  const previous = job.result?.undo as { jobId?: string; status?: string } | undefined;
  if (previous?.jobId) {
    const undoJob = await findJob(ctx.db, { workspaceId: ctx.workspaceId, jobId: previous.jobId });
    if (undoJob?.status === "succeeded") throw new TRPCError({ code: "CONFLICT", message: "importId: this import was already undone" });
    if (undoJob && activeJobStatuses.includes(undoJob.status)) {
      return { status: "started" as const, undoJobId: undoJob.id, editedCount: 0, edited: [], done: Promise.resolve() };
    }
  }
  const scope = { workspaceId: ctx.workspaceId, importId: input.importId };
  const [editedCount, edited] = await Promise.all([
    countContactsEditedAfterImport(ctx.db, scope),
    findContactsEditedAfterImport(ctx.db, { ...scope, limit: 100 }),
  ]);
  if (editedCount > 0 && !input.force) {
    return { status: "needs_confirmation" as const, undoJobId: null, editedCount, edited, done: Promise.resolve() };
  }
  if ("rollback" in ctx.db) throw new Error("undo must be started outside a transaction");
  const db = ctx.db as Database;
  const actor = (job.input as ImportJobInput).actor;
  const runner = runnerForNewJobs();
  const undoInput: UndoJobInput = {
    importId: input.importId, force: input.force,
    actor: { ...actor, type: ctx.actor.type, id: ctx.actor.type === "user" ? ctx.actor.userId : ctx.actor.keyId, userId: ctx.actor.userId, name: ctx.actor.name, role: ctx.actor.role },
  };
  const undoJob = await insertJob(db, { workspaceId: ctx.workspaceId, kind: "import_undo", runner, input: undoInput, actorId: ctx.actor.userId });
  await updateJob(db, { workspaceId: ctx.workspaceId, jobId: job.id }, { result: { ...(job.result ?? {}), undo: { jobId: undoJob.id, status: "running" } } });
  const { done } = options.dispatch === false
    ? { done: Promise.resolve() }
    : await dispatchJob({ db, storage: getFileStorage() }, { workspaceId: ctx.workspaceId, jobId: undoJob.id, kind: "import_undo", runner }, options.localRun);
  return { status: "started" as const, undoJobId: undoJob.id, editedCount, edited, done };
}
