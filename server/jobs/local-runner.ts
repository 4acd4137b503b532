import type { JobKind } from "@/db/schema";
import type { Database } from "@/db/types";
import { getFileStorage } from "../files/storage";
import { jobHandlers } from "./handlers";
import { errorMessage, failJob } from "./lifecycle";
import { findStepOutput, findUnfinishedLocalJobs, insertStepOutput } from "./queries";
import type { JobDeps, JobRef, JobStep } from "./step";

export interface LocalRunOptions {
  /** Attempts per step and the first backoff delay (doubled, then doubled again). */
  retry?: { attempts: number; baseDelayMs: number };
  /** Test hooks that simulate a process dying at a chosen moment. */
  faults?: {
    /** Called before each attempt of a step; throw an Error to fail the attempt, a SimulatedCrash to die. */
    beforeRun?: (stepId: string, attempt: number) => void | Promise<void>;
    /** Called after a step's work is done and before its output is stored; throw a SimulatedCrash to die there. */
    beforePersist?: (stepId: string) => void | Promise<void>;
  };
}

/** Thrown by test hooks: the runner stops as a killed process would, leaving the job unfinished. */
export class SimulatedCrash extends Error {}

class StepFailedError extends Error {}

const running = globalThis as unknown as { __hastecrmLocalJobs?: Map<string, Promise<void>> };
const inFlight = (running.__hastecrmLocalJobs ??= new Map());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A step implementation over `job_steps`: a stored step is replayed from the table, a new one runs with
 * retries and its output is stored before the next step starts, so a restart resumes after the last one.
 */
export function createLocalStep(db: Database, ref: JobRef, options: LocalRunOptions = {}): JobStep {
  const { attempts, baseDelayMs } = options.retry ?? { attempts: 3, baseDelayMs: 500 };
  // Steps run in order, so once one has no stored output none of the later ones has: stop looking
  // (one query fewer per step of a 400-step import).
  let replaying = true;
  return {
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      if (replaying) {
        const stored = await findStepOutput(db, ref, id);
        if (stored) return stored.output as T;
        replaying = false;
      }
      for (let attempt = 1; ; attempt++) {
        try {
          await options.faults?.beforeRun?.(id, attempt);
          // The same JSON round trip Inngest applies, so a replayed output is indistinguishable from a fresh one.
          const output = JSON.parse(JSON.stringify((await fn()) ?? null)) as T;
          await options.faults?.beforePersist?.(id);
          await insertStepOutput(db, ref, id, output, attempt);
          return output;
        } catch (error) {
          if (error instanceof SimulatedCrash) throw error;
          if (attempt >= attempts) throw new StepFailedError(`step ${id} failed after ${attempt} attempts: ${errorMessage(error)}`);
          await sleep(baseDelayMs * 4 ** (attempt - 1));
        }
      }
    },
  };
}

async function runLocalJob(deps: JobDeps, ref: JobRef, kind: JobKind, options: LocalRunOptions): Promise<void> {
  const handler = jobHandlers[kind];
  try {
    if (!handler) throw new Error(`no handler for jobs of kind ${kind}`);
    await handler(deps, ref, createLocalStep(deps.db, ref, options));
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    console.error(`[jobs] ${kind} job ${ref.jobId} failed:`, errorMessage(error));
    await failJob(deps.db, ref, errorMessage(error));
  }
}

/** Starts (or joins) the in-process run of a job; the promise settles when the job stops. */
export function startLocalJob(deps: JobDeps, ref: JobRef, kind: JobKind, options: LocalRunOptions = {}): Promise<void> {
  const existing = inFlight.get(ref.jobId);
  if (existing) return existing;
  const run = runLocalJob(deps, ref, kind, options).finally(() => inFlight.delete(ref.jobId));
  inFlight.set(ref.jobId, run);
  return run;
}

/**
 * Called once at server start: every local job a stop interrupted continues from its last stored step.
 * One process owns the embedded database, so nothing else can be running them.
 */
export async function resumeLocalJobs(
  db: Database,
  options: LocalRunOptions & { storage?: JobDeps["storage"] } = {},
): Promise<{ resumed: number; done: Promise<void> }> {
  const unfinished = await findUnfinishedLocalJobs(db);
  const deps: JobDeps = { db, storage: options.storage ?? getFileStorage() };
  const runs = unfinished.map((job) => {
    console.log(`[jobs] resuming ${job.kind} job ${job.jobId}`);
    return startLocalJob(deps, { workspaceId: job.workspaceId, jobId: job.jobId }, job.kind, options).catch((error: unknown) => {
      console.error(`[jobs] ${job.kind} job ${job.jobId} stopped:`, errorMessage(error));
    });
  });
  return { resumed: unfinished.length, done: Promise.all(runs).then(() => undefined) };
}
