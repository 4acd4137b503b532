import type { JobKind } from "@/db/schema";
import type { Database } from "@/db/types";
import { actorFields } from "../audit/service";
import { checkCustomFieldValues } from "../custom-fields/service";
import type { ServiceContext } from "../context";
import { isWorkspaceMember } from "../contacts/queries";
import { getFileStorage } from "../files/storage";
import { badRequest, notFound } from "../lib/errors";
import { requireRole } from "../lib/authorize";
import { dispatchJob, runnerForNewJobs } from "../jobs/dispatch";
import { findJob, insertJob } from "../jobs/queries";
import type { JobDeps, JobStep } from "../jobs/step";
import { countTarget, resolveTagIds, targetCondition } from "./queries";
import { runBulkJob } from "./run-bulk";
import { SYNC_LIMIT, type BulkJobInput, type BulkTarget } from "./schemas";
import { runBulkUndoJob } from "./undo";

export interface BulkOptions {
  /** Where a large job runs; `false` only creates the job row (tests drive it themselves). */
  dispatch?: boolean;
  storage?: JobDeps["storage"];
  batchSize?: number;
}

/** Runs steps straight through: a synchronous run has no process to survive, only a transaction per batch. */
const inlineStep: JobStep = { run: (_id, fn) => fn() };

const kindByOperation = { update: "bulk_update", delete: "bulk_delete", restore: "bulk_delete", tag: "bulk_tag" } as const satisfies Record<BulkJobInput["operation"], JobKind>;

async function startBulk(ctx: ServiceContext, input: BulkJobInput, options: BulkOptions) {
  const db = ctx.db as Database;
  const condition = await targetCondition(db, { workspaceId: ctx.workspaceId, target: input.target, deleted: input.operation === "restore" });
  const total = await countTarget(db, condition);
  const isSync = total <= SYNC_LIMIT;
  const runner = isSync ? "local" : runnerForNewJobs();
  const job = await insertJob(db, {
    workspaceId: ctx.workspaceId, kind: kindByOperation[input.operation], runner, totalCount: total, actorId: ctx.actor.userId,
    input: { ...input, ...(options.batchSize ? { batchSize: options.batchSize } : {}), actor: actorFields(ctx.actor) },
  });
  const ref = { workspaceId: ctx.workspaceId, jobId: job.id };
  const deps: JobDeps = { db, storage: options.storage ?? getFileStorage() };
  if (isSync) {
    const result = await runBulkJob(deps, ref, inlineStep);
    const done = (await findJob(db, ref))!;
    return { jobId: job.id, isAsync: false, count: result.success, errors: done.errorReport.map((entry) => ({ contactId: entry.contactId!, error: entry.error })) };
  }
  if (options.dispatch !== false) await dispatchJob(deps, { ...ref, kind: job.kind, runner });
  return { jobId: job.id, isAsync: true, count: 0, errors: [] as Array<{ contactId: string; error: string }> };
}

/** Managers and admins change many contacts at once; reps edit one at a time. */
function requireBulk(ctx: ServiceContext) {
  requireRole(ctx, "manager", "run bulk actions on contacts");
}

export async function bulkUpdateContacts(ctx: ServiceContext, input: { target: BulkTarget; update: Record<string, unknown> }, options: BulkOptions = {}) {
  requireBulk(ctx);
  const { customFields, ...standard } = input.update as Record<string, unknown> & { customFields?: Record<string, unknown> };
  if (typeof standard.ownerId === "string" && !(await isWorkspaceMember(ctx.db, { workspaceId: ctx.workspaceId, userId: standard.ownerId }))) {
    throw badRequest("update.ownerId", "the owner must be a member of this workspace");
  }
  const update: Record<string, unknown> = JSON.parse(JSON.stringify(standard)) as Record<string, unknown>;
  if (customFields && Object.keys(customFields).length > 0) {
    update.customFields = await checkCustomFieldValues(ctx, { objectType: "contact", values: customFields, partial: true });
  }
  const run = await startBulk(ctx, { operation: "update", target: input.target, update }, options);
  return { success: run.errors.length === 0, updatedCount: run.count, errors: run.errors, jobId: run.jobId, isAsync: run.isAsync };
}

export async function bulkDeleteContacts(ctx: ServiceContext, input: { target: BulkTarget }, options: BulkOptions = {}) {
  requireBulk(ctx);
  const run = await startBulk(ctx, { operation: "delete", target: input.target }, options);
  return { success: true, deletedCount: run.count, jobId: run.jobId, isAsync: run.isAsync };
}

export async function bulkRestoreContacts(ctx: ServiceContext, input: { target: BulkTarget }, options: BulkOptions = {}) {
  requireBulk(ctx);
  const run = await startBulk(ctx, { operation: "restore", target: input.target }, options);
  return { success: run.errors.length === 0, restoredCount: run.count, errors: run.errors, jobId: run.jobId, isAsync: run.isAsync };
}

export async function bulkTagOperations(ctx: ServiceContext, input: { target: BulkTarget; addTags: string[]; removeTags: string[] }, options: BulkOptions = {}) {
  requireBulk(ctx);
  const addTagIds = (await resolveTagIds(ctx.db, { workspaceId: ctx.workspaceId, names: input.addTags, create: true, createdBy: ctx.actor.userId })).map((tag) => tag.id);
  const removeTagIds = (await resolveTagIds(ctx.db, { workspaceId: ctx.workspaceId, names: input.removeTags, create: false, createdBy: ctx.actor.userId })).map((tag) => tag.id);
  const run = await startBulk(ctx, { operation: "tag", target: input.target, addTagIds, removeTagIds }, options);
  return { success: true, affectedCount: run.count, jobId: run.jobId, isAsync: run.isAsync };
}

const undoableKinds: JobKind[] = ["bulk_update", "bulk_delete", "bulk_tag"];

/**
 * Reverts a finished (or cancelled) bulk operation as one unit. Small ones are undone inside the request;
 * larger ones run as a `bulk_undo` job whose progress the caller follows like the operation's.
 */
export async function undoBulkOperation(ctx: ServiceContext, input: { jobId: string }, options: BulkOptions = {}) {
  requireBulk(ctx);
  const db = ctx.db as Database;
  const source = await findJob(db, { workspaceId: ctx.workspaceId, jobId: input.jobId });
  if (!source || !undoableKinds.includes(source.kind)) throw notFound("Bulk operation", input.jobId);
  if (source.status !== "succeeded" && source.status !== "cancelled") throw badRequest("jobId", `the operation is ${source.status}; undo it once it has stopped`);
  if (source.result?.undoJobId) throw badRequest("jobId", "this operation has already been undone");
  const isSync = source.successCount <= SYNC_LIMIT;
  const runner = isSync ? "local" : runnerForNewJobs();
  const job = await insertJob(db, {
    workspaceId: ctx.workspaceId, kind: "bulk_undo", runner, totalCount: source.successCount, actorId: ctx.actor.userId,
    input: { sourceJobId: source.id, actor: actorFields(ctx.actor) },
  });
  const ref = { workspaceId: ctx.workspaceId, jobId: job.id };
  const deps: JobDeps & { batchSize?: number } = { db, storage: options.storage ?? getFileStorage(), batchSize: options.batchSize };
  if (isSync) {
    const result = await runBulkUndoJob(deps, ref, inlineStep);
    return { success: result.failed === 0, undoJobId: job.id, isAsync: false, revertedCount: result.reverted, failedCount: result.failed };
  }
  if (options.dispatch !== false) await dispatchJob(deps, { ...ref, kind: "bulk_undo", runner });
  return { success: true, undoJobId: job.id, isAsync: true, revertedCount: 0, failedCount: 0 };
}
