import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { jobs, jobSteps, users, type JobKind, type JobStatus } from "@/db/schema";
import type { Executor } from "@/db/types";
import type { JobRef } from "./step";

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;

export const activeJobStatuses: JobStatus[] = ["queued", "running", "cancelling"];
export const finishedJobStatuses: JobStatus[] = ["succeeded", "failed", "cancelled"];

const scope = (ref: JobRef) => and(eq(jobs.workspaceId, ref.workspaceId), eq(jobs.id, ref.jobId));

export async function insertJob(db: Executor, values: NewJobRow): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(values).returning();
  return row!;
}

export async function findJob(db: Executor, ref: JobRef, options: { forUpdate?: boolean } = {}): Promise<JobRow | null> {
  const query = db.select().from(jobs).where(scope(ref)).limit(1);
  const rows = options.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function updateJob(db: Executor, ref: JobRef, values: Partial<NewJobRow>): Promise<JobRow | null> {
  const [row] = await db.update(jobs).set({ ...values, updatedAt: new Date() }).where(scope(ref)).returning();
  return row ?? null;
}

/** Adds to the counters atomically, so concurrent writers (and replays guarded by a ledger) never lose an update. */
export async function incrementJobCounts(
  db: Executor,
  ref: JobRef,
  delta: { processed: number; success: number; error: number; skipped: number; currentRow?: number | null },
) {
  await db
    .update(jobs)
    .set({
      processedCount: sql`${jobs.processedCount} + ${delta.processed}`,
      successCount: sql`${jobs.successCount} + ${delta.success}`,
      errorCount: sql`${jobs.errorCount} + ${delta.error}`,
      skippedCount: sql`${jobs.skippedCount} + ${delta.skipped}`,
      progress: sql`case when coalesce(${jobs.totalCount}, 0) > 0 then least(1, (${jobs.processedCount} + ${delta.processed})::real / ${jobs.totalCount}) else ${jobs.progress} end`,
      ...(delta.currentRow != null ? { result: sql`coalesce(${jobs.result}, '{}'::jsonb) || jsonb_build_object('currentRow', ${delta.currentRow}::int)` } : {}),
      updatedAt: new Date(),
    })
    .where(scope(ref));
}

export async function findJobsPage(
  db: Executor,
  params: { workspaceId: string; kinds?: JobKind[]; first: number; before?: { createdAt: Date; id: string } | null },
) {
  const conditions = [eq(jobs.workspaceId, params.workspaceId)];
  if (params.kinds?.length) conditions.push(inArray(jobs.kind, params.kinds));
  if (params.before) {
    conditions.push(or(lt(jobs.createdAt, params.before.createdAt), and(eq(jobs.createdAt, params.before.createdAt), lt(jobs.id, params.before.id)))!);
  }
  return db
    .select({ job: jobs, actorName: users.name, actorEmail: users.email })
    .from(jobs)
    .leftJoin(users, eq(users.id, jobs.actorId))
    .where(and(...conditions))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(params.first);
}

/** Jobs of the in-process runner that a stop interrupted: every workspace, since they resume at start. */
export async function findUnfinishedLocalJobs(db: Executor) {
  return db
    .select({ workspaceId: jobs.workspaceId, jobId: jobs.id, kind: jobs.kind })
    .from(jobs)
    .where(and(eq(jobs.runner, "local"), inArray(jobs.status, activeJobStatuses)))
    .orderBy(jobs.createdAt);
}

export async function findStepOutput(db: Executor, ref: JobRef, stepId: string): Promise<{ output: unknown } | null> {
  const rows = await db
    .select({ output: jobSteps.output })
    .from(jobSteps)
    .where(and(eq(jobSteps.workspaceId, ref.workspaceId), eq(jobSteps.jobId, ref.jobId), eq(jobSteps.stepId, stepId)))
    .limit(1);
  return rows[0] ? { output: rows[0].output } : null;
}

export async function insertStepOutput(db: Executor, ref: JobRef, stepId: string, output: unknown, attempts = 1): Promise<void> {
  await db
    .insert(jobSteps)
    .values({ workspaceId: ref.workspaceId, jobId: ref.jobId, stepId, output: output === undefined ? null : output, attempts })
    .onConflictDoNothing();
}
