import { exportContactsRequested } from "../events";
import { createJobFunction } from "../job-function";
import type { JobDeps } from "@/server/jobs/step";
import { runExportJob } from "@/server/exports/run-export";

/** Large exports: the CSV is streamed to storage in one step (a retry rewrites the file). */
export function createExportContactsFunction(getDeps: () => Promise<JobDeps>) {
  return createJobFunction(getDeps, { id: "export-contacts", name: "Export contacts", trigger: exportContactsRequested, perWorkspace: 2, retries: 2 }, runExportJob);
}
