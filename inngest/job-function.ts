import { inngest } from "./client";
import type {
  bulkOperationRequested, bulkUndoRequested, embeddingBackfillRequested, exportContactsRequested, importContactsRequested, importUndoRequested,
  searchIndexRequested,
} from "./events";
import { asJobStep } from "./step";
import { failJob } from "@/server/jobs/lifecycle";
import type { JobDeps, JobRef, JobStep } from "@/server/jobs/step";

/** The events that start a job row's work: all carry `{ workspaceId, jobId }` and nothing else. */
type JobEvent =
  | typeof importContactsRequested | typeof importUndoRequested | typeof bulkOperationRequested
  | typeof bulkUndoRequested | typeof exportContactsRequested | typeof embeddingBackfillRequested | typeof searchIndexRequested;

export interface JobFunctionOptions {
  id: string;
  name: string;
  trigger: JobEvent;
  /** Jobs of one workspace running at once (one lane where two would touch the same contacts). */
  perWorkspace: number;
  /** Inngest takes 0 to 20. */
  retries: 2 | 3;
}

/**
 * An Inngest function around a job service: it runs `run` with Inngest's steps and, once retries are
 * spent, marks the job row failed with the reason, so the UI never shows a job running forever.
 */
export function createJobFunction(
  getDeps: () => Promise<JobDeps>,
  options: JobFunctionOptions,
  run: (deps: JobDeps, ref: JobRef, step: JobStep) => Promise<unknown>,
) {
  return inngest.createFunction(
    {
      id: options.id,
      name: options.name,
      triggers: [options.trigger],
      concurrency: { key: "event.data.workspaceId", limit: options.perWorkspace },
      retries: options.retries,
      onFailure: async ({ event, error }) => {
        const deps = await getDeps();
        await failJob(deps.db, event.data.event.data, error.message);
      },
    },
    async ({ event, step }) => {
      const deps = await getDeps();
      return run(deps, { workspaceId: event.data.workspaceId, jobId: event.data.jobId }, asJobStep(step));
    },
  );
}
