import { inngest } from "../client";
import { exportContactsRequested } from "../events";
import { asJobStep } from "../step";
import { failJob } from "@/server/jobs/lifecycle";
import type { JobDeps } from "@/server/jobs/step";
import { runExportJob } from "@/server/exports/run-export";

/** Large exports: the CSV is streamed to storage in one step (a retry rewrites the file). */
export function createExportContactsFunction(getDeps: () => Promise<JobDeps>) {
  return inngest.createFunction(
    {
      id: "export-contacts",
      name: "Export contacts",
      triggers: [exportContactsRequested],
      concurrency: { key: "event.data.workspaceId", limit: 2 },
      retries: 2,
      onFailure: async ({ event, error }) => {
        const deps = await getDeps();
        await failJob(deps.db, event.data.event.data, error.message);
      },
    },
    async ({ event, step }) => {
      const deps = await getDeps();
      return runExportJob(deps, { workspaceId: event.data.workspaceId, jobId: event.data.jobId }, asJobStep(step));
    },
  );
}
