import { importContactsRequested } from "../events";
import { createJobFunction } from "../job-function";
import type { JobDeps } from "@/server/jobs/step";
import { runImportJob } from "@/server/imports/run-import";

/**
 * The import job on Inngest: one import at a time per workspace (imports of one workspace touch the same
 * emails), each step retried by Inngest; when retries run out the job row says why.
 */
export function createImportContactsFunction(getDeps: () => Promise<JobDeps>) {
  return createJobFunction(getDeps, { id: "import-contacts", name: "Import contacts", trigger: importContactsRequested, perWorkspace: 1, retries: 3 }, runImportJob);
}
