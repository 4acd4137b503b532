import {
  bulkOperationRequested, bulkUndoRequested, exportContactsRequested, importContactsRequested, importUndoRequested, searchIndexRequested,
} from "@/inngest/events";
import { inngest } from "@/inngest/client";
import type { JobKind } from "@/db/schema";
import { isInngestConfigured } from "./config";
import { errorMessage, failJob } from "./lifecycle";
import { startLocalJob, type LocalRunOptions } from "./local-runner";
import type { JobDeps, JobRef } from "./step";

const eventsByKind = {
  import: importContactsRequested, import_undo: importUndoRequested,
  bulk_update: bulkOperationRequested, bulk_delete: bulkOperationRequested, bulk_tag: bulkOperationRequested,
  bulk_undo: bulkUndoRequested, export: exportContactsRequested, search_index: searchIndexRequested,
} as const;

export function runnerForNewJobs(): "inngest" | "local" {
  return isInngestConfigured() ? "inngest" : "local";
}

/**
 * Starts a job whose row is committed: an event to Inngest (the event id is the job id, so a repeated
 * dispatch starts one run), or the in-process runner. `done` settles when a local run stops.
 */
export async function dispatchJob(
  deps: JobDeps,
  job: JobRef & { kind: JobKind; runner: "inngest" | "local" },
  options: LocalRunOptions = {},
): Promise<{ runner: "inngest" | "local"; done: Promise<void> }> {
  const ref = { workspaceId: job.workspaceId, jobId: job.jobId };
  if (job.runner === "inngest") {
    const eventType = eventsByKind[job.kind as keyof typeof eventsByKind];
    if (!eventType) throw new Error(`jobs of kind ${job.kind} have no Inngest function`);
    try {
      await inngest.send(eventType.create(ref, { id: `${job.kind}-${job.jobId}` }));
    } catch (error) {
      await failJob(deps.db, ref, `could not hand the job to Inngest: ${errorMessage(error)}`);
      throw error;
    }
    return { runner: "inngest", done: Promise.resolve() };
  }
  const done = startLocalJob(deps, ref, job.kind, options).catch((error: unknown) => {
    console.error(`[jobs] ${job.kind} job ${job.jobId} stopped:`, errorMessage(error));
  });
  return { runner: "local", done };
}
