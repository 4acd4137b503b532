import type { Database } from "@/db/types";
import type { FileStorage } from "../files/storage";

/**
 * What job code needs from a runner: durable, memoised steps. Inngest's `step` satisfies it (see
 * inngest/functions), and so does the local runner, which persists each output in `job_steps`.
 * Step outputs must be small JSON (counts and cursors, never rows): Inngest caps one at 4 MB and a run at 32 MB.
 */
export interface JobStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
}

export interface JobRef {
  workspaceId: string;
  jobId: string;
}

/** What job code runs against: the root database (jobs open their own transactions) and file storage. */
export interface JobDeps {
  db: Database;
  storage: FileStorage;
}

export type JobHandler = (deps: JobDeps, ref: JobRef, step: JobStep) => Promise<unknown>;
