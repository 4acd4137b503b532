import { inngest } from "../client";
import { importContactsRequested } from "../events";
import { asJobStep } from "../step";
import { failJob } from "@/server/jobs/lifecycle";
import type { JobDeps } from "@/server/jobs/step";
import { runImportJob } from "@/server/imports/run-import";

/**
 * The import job on Inngest: one import at a time per workspace (imports of one workspace touch the same
 * emails), each step retried by Inngest; when retries run out the job row says why.
 */
export function createImportContactsFunction(getDeps: () => Promise<JobDeps>) {
  return inngest.createFunction(
    {
      id: "import-contacts",
      name: "Import contacts",
      triggers: [importContactsRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
      retries: 3,
      onFailure: async ({ event, error }) => {
        const deps = await getDeps();
        await failJob(deps.db, event.data.event.data, error.message);
      },
    },
    async ({ event, step }) => {
      const deps = await getDeps();
      return runImportJob(deps, { workspaceId: event.data.workspaceId, jobId: event.data.jobId }, asJobStep(step));
    },
  );
}
