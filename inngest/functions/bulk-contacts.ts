import { inngest } from "../client";
import { bulkOperationRequested, bulkUndoRequested } from "../events";
import { asJobStep } from "../step";
import { failJob } from "@/server/jobs/lifecycle";
import type { JobDeps } from "@/server/jobs/step";
import { runBulkJob } from "@/server/bulk/run-bulk";
import { runBulkUndoJob } from "@/server/bulk/undo";

/** Bulk update, delete/restore and tag changes; one lane per workspace so two bulk edits never interleave. */
export function createBulkContactsFunction(getDeps: () => Promise<JobDeps>) {
  return inngest.createFunction(
    {
      id: "bulk-contacts",
      name: "Bulk contact operation",
      triggers: [bulkOperationRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
      retries: 3,
      onFailure: async ({ event, error }) => {
        const deps = await getDeps();
        await failJob(deps.db, event.data.event.data, error.message);
      },
    },
    async ({ event, step }) => {
      const deps = await getDeps();
      return runBulkJob(deps, { workspaceId: event.data.workspaceId, jobId: event.data.jobId }, asJobStep(step));
    },
  );
}

export function createBulkUndoFunction(getDeps: () => Promise<JobDeps>) {
  return inngest.createFunction(
    {
      id: "bulk-undo",
      name: "Undo bulk operation",
      triggers: [bulkUndoRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
      retries: 3,
      onFailure: async ({ event, error }) => {
        const deps = await getDeps();
        await failJob(deps.db, event.data.event.data, error.message);
      },
    },
    async ({ event, step }) => {
      const deps = await getDeps();
      return runBulkUndoJob(deps, { workspaceId: event.data.workspaceId, jobId: event.data.jobId }, asJobStep(step));
    },
  );
}
