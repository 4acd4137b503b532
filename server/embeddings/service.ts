import { TRPCError } from "@trpc/server";
import { and, desc, eq, inArray } from "drizzle-orm";
import { inngest } from "@/inngest/client";
import { contactEmbeddingRequested, embeddingBackfillRequested } from "@/inngest/events";
import { jobs } from "@/db/schema";
import type { Database, Executor } from "@/db/types";
import type { ServiceContext } from "../context";
import { getFileStorage } from "../files/storage";
import { requireRole } from "../lib/authorize";
import { isInngestConfigured } from "../jobs/config";
import { jobHandlers } from "../jobs/handlers";
import { errorMessage, failJob } from "../jobs/lifecycle";
import { createLocalStep, startLocalJob } from "../jobs/local-runner";
import { activeJobStatuses, insertJob } from "../jobs/queries";
import type { JobDeps, JobRef } from "../jobs/step";
import { runEmbeddingBackfillJob } from "./backfill";
import { configuredModelName, getEmbeddingProvider } from "./provider";
import { findEmbeddingCoverage, findEmbeddingFreshness, findQueuedContacts, hasEmbeddingsTable, type EmbeddingCoverage } from "./queries";
import { drainEmbeddingQueue } from "./refresh";

export const SEMANTIC_UNAVAILABLE_MESSAGE =
  "Semantic search needs the pgvector extension, which this PostgreSQL does not have. Install pgvector " +
  "(CREATE EXTENSION vector) and restart the app: the deferred migration statements then apply on their own. " +
  "Full-text search works without it.";

export function semanticUnavailable(): TRPCError {
  return new TRPCError({ code: "PRECONDITION_FAILED", message: SEMANTIC_UNAVAILABLE_MESSAGE });
}

/** Services run on the root database here: a job or a timer outlives the request's transaction. */
function rootDatabase(db: Executor): Database | null {
  return "rollback" in db ? null : (db as Database);
}

export async function findActiveBackfill(db: Executor, workspaceId: string) {
  const [row] = await db
    .select({
      id: jobs.id, status: jobs.status, runner: jobs.runner, progress: jobs.progress, processedCount: jobs.processedCount,
      totalCount: jobs.totalCount, updatedAt: jobs.updatedAt,
    })
    .from(jobs)
    .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.kind, "embedding_backfill"), inArray(jobs.status, activeJobStatuses)))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  return row ?? null;
}

const running = globalThis as unknown as { __hastecrmEmbeddingRuns?: Map<string, Promise<void>> };
const localRuns = (running.__hastecrmEmbeddingRuns ??= new Map());

function runLocally(deps: JobDeps, ref: JobRef): Promise<void> {
  // The shared runner resumes jobs after a restart; it can only once server/jobs/handlers.ts lists this kind.
  if (jobHandlers.embedding_backfill) return startLocalJob(deps, ref, "embedding_backfill");
  const existing = localRuns.get(ref.jobId);
  if (existing) return existing;
  const run = runEmbeddingBackfillJob(deps, ref, createLocalStep(deps.db, ref))
    .then(() => undefined)
    .catch(async (error: unknown) => {
      console.error(`[embeddings] backfill ${ref.jobId} failed:`, errorMessage(error));
      await failJob(deps.db, ref, errorMessage(error));
    })
    .finally(() => localRuns.delete(ref.jobId));
  localRuns.set(ref.jobId, run);
  return run;
}

/** A local backfill whose row has not moved for this long has lost its process. */
const ORPHANED_AFTER_MS = 2 * 60_000;

export interface BackfillStart {
  jobId: string;
  runner: "inngest" | "local";
  /** False when a backfill of this workspace was already queued or running (its id is returned). */
  isNew: boolean;
  /** Settles when a local run stops (tests and scripts wait on it). */
  done: Promise<void>;
}

/**
 * Starts an `embedding_backfill` job for the workspace unless one is active. Contacts whose embedding
 * text is unchanged are skipped by hash, so a backfill after a few edits is cheap.
 */
export async function startEmbeddingBackfill(db: Database, workspaceId: string, actorId: string | null): Promise<BackfillStart> {
  if (!(await hasEmbeddingsTable(db))) throw semanticUnavailable();
  const active = await findActiveBackfill(db, workspaceId);
  if (active) {
    const ref = { workspaceId, jobId: active.id };
    // A local run whose process stopped (its row untouched for a while) continues here from its last
    // stored step, as the server does for other jobs when it starts.
    const isOrphaned = active.runner === "local" && !localRuns.has(active.id) && Date.now() - active.updatedAt.getTime() > ORPHANED_AFTER_MS;
    const done = isOrphaned ? runLocally({ db, storage: getFileStorage() }, ref) : (localRuns.get(active.id) ?? Promise.resolve());
    return { jobId: active.id, runner: active.runner, isNew: false, done };
  }
  const runner = isInngestConfigured() ? "inngest" : "local";
  const job = await insertJob(db, { workspaceId, kind: "embedding_backfill", runner, input: { model: configuredModelName() }, actorId });
  const ref = { workspaceId, jobId: job.id };
  if (runner === "inngest") {
    try {
      await inngest.send(embeddingBackfillRequested.create(ref, { id: `embedding_backfill-${job.id}` }));
    } catch (error) {
      await failJob(db, ref, `could not hand the job to Inngest: ${errorMessage(error)}`);
      throw error;
    }
    return { jobId: job.id, runner, isNew: true, done: Promise.resolve() };
  }
  return { jobId: job.id, runner, isNew: true, done: runLocally({ db, storage: getFileStorage() }, ref) };
}

/** The `search.reindexEmbeddings` mutation: managers and admins may recompute a workspace's embeddings. */
export async function requestEmbeddingBackfill(ctx: ServiceContext): Promise<Omit<BackfillStart, "done">> {
  requireRole(ctx, "manager", "recompute the semantic search index");
  const db = rootDatabase(ctx.db);
  if (!db) throw new Error("start embedding backfills outside a transaction");
  const { done: _done, ...start } = await startEmbeddingBackfill(db, ctx.workspaceId, ctx.actor.userId);
  return start;
}

const timers = globalThis as unknown as { __hastecrmEmbeddingTimers?: Map<string, NodeJS.Timeout> };
const pendingDrains = (timers.__hastecrmEmbeddingTimers ??= new Map());
/** Edits within this window are embedded together. */
export const LOCAL_DEBOUNCE_MS = 5_000;

async function drainLocally(db: Database, workspaceId: string): Promise<void> {
  if (await findActiveBackfill(db, workspaceId)) return;
  const provider = await getEmbeddingProvider();
  // Bounded, so a mass edit does not keep the web process busy: the rest waits for the next edit or search.
  for (let round = 0; round < 8; round++) {
    const outcome = await drainEmbeddingQueue(db, provider, workspaceId, { limit: 64, chunkSize: 8 });
    if (outcome.taken < 64) return;
  }
}

function scheduleLocalDrain(db: Database, workspaceId: string): void {
  clearTimeout(pendingDrains.get(workspaceId));
  const timer = setTimeout(() => {
    pendingDrains.delete(workspaceId);
    drainLocally(db, workspaceId).catch((error: unknown) => console.error("[embeddings] refresh failed:", errorMessage(error)));
  }, LOCAL_DEBOUNCE_MS);
  timer.unref?.();
  pendingDrains.set(workspaceId, timer);
}

/**
 * Call after a contact is created or updated (after the commit): its embedding is refreshed off the
 * request path, debounced per contact (Inngest) or per workspace (in-process). The database queues the
 * contact by itself (a trigger); this only wakes the worker sooner. Never throws: search freshness
 * must not fail a contact write.
 */
export async function scheduleContactEmbedding(ctx: Pick<ServiceContext, "db" | "workspaceId">, contactId: string): Promise<void> {
  try {
    if (!(await hasEmbeddingsTable(ctx.db))) return;
    if (isInngestConfigured()) {
      await inngest.send(contactEmbeddingRequested.create({ workspaceId: ctx.workspaceId, contactId }));
      return;
    }
    const db = rootDatabase(ctx.db);
    if (db) scheduleLocalDrain(db, ctx.workspaceId);
  } catch (error) {
    console.error(`[embeddings] could not schedule contact ${contactId}:`, errorMessage(error));
  }
}

export interface EmbeddingStatus extends EmbeddingCoverage {
  available: boolean;
  model: string;
  activeJob: { id: string; status: string; progress: number } | null;
}

export async function getEmbeddingStatus(ctx: ServiceContext): Promise<EmbeddingStatus> {
  const model = configuredModelName();
  if (!(await hasEmbeddingsTable(ctx.db))) return { available: false, model, liveContacts: 0, embedded: 0, queued: 0, activeJob: null };
  const [coverage, active] = await Promise.all([findEmbeddingCoverage(ctx.db, ctx.workspaceId, model), findActiveBackfill(ctx.db, ctx.workspaceId)]);
  return { available: true, model, ...coverage, activeJob: active ? { id: active.id, status: active.status, progress: active.progress } : null };
}

/** More queued contacts than this are left to a backfill job rather than drained beside the web server. */
const QUEUE_DRAIN_MAX = 500;

export interface FreshnessOutcome {
  /** Contacts whose vector may be stale (capped at QUEUE_DRAIN_MAX + 1). */
  queued: number;
  /** The backfill job running for this workspace, if any (started here or before). */
  backfillJobId: string | null;
}

/**
 * Before a semantic search: on first use, after a model change or a mass change a backfill job starts;
 * a few queued edits are drained in the background instead. Returns without waiting: the search
 * answers from the vectors that exist.
 */
export async function refreshStaleEmbeddings(db: Executor, workspaceId: string, actorId: string | null): Promise<FreshnessOutcome> {
  const freshness = await findEmbeddingFreshness(db, workspaceId, configuredModelName(), QUEUE_DRAIN_MAX);
  const active = await findActiveBackfill(db, workspaceId);
  const root = rootDatabase(db);
  if (active || !root) return { queued: freshness.queued, backfillJobId: active?.id ?? null };
  if (freshness.needsBackfill || freshness.queued > QUEUE_DRAIN_MAX) {
    return { queued: freshness.queued, backfillJobId: (await startEmbeddingBackfill(root, workspaceId, actorId)).jobId };
  }
  if (freshness.queued > 0) {
    if (isInngestConfigured()) {
      const [first] = await findQueuedContacts(db, workspaceId, 1);
      if (first) await inngest.send(contactEmbeddingRequested.create({ workspaceId, contactId: first.contactId }));
    } else {
      scheduleLocalDrain(root, workspaceId);
    }
  }
  return { queued: freshness.queued, backfillJobId: null };
}
