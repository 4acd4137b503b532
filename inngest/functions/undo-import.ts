import { inngest } from "../client";
import { importUndoRequested } from "../events";
import { asJobStep } from "../step";
import { failJob } from "@/server/jobs/lifecycle";
import type { JobDeps } from "@/server/jobs/step";
import { runUndoImportJob } from "@/server/imports/undo-import";

/** Reverting an import on Inngest; it shares the import's per-workspace lane so it never races an import. */
export function createUndoImportFunction(getDeps: () => Promise<JobDeps>) {
  return inngest.createFunction(
    {
      id: "undo-import",
      name: "Undo import",
      triggers: [importUndoRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
      retries: 3,
      onFailure: async ({ event, error }) => {
        const deps = await getDeps();
        await failJob(deps.db, event.data.event.data, error.message);
      },
    },
    async ({ event, step }) => {
      const deps = await getDeps();
      return runUndoImportJob(deps, { workspaceId: event.data.workspaceId, jobId: event.data.jobId }, asJobStep(step));
    },
  );
}
