import { searchIndexRequested } from "../events";
import { createJobFunction } from "../job-function";
import type { JobDeps } from "@/server/jobs/step";
import { runSearchIndexJob } from "@/server/search/index-job";

/** The search refresh an import deferred: one step per few thousand contacts, one lane per workspace. */
export function createIndexSearchFunction(getDeps: () => Promise<JobDeps>) {
  return createJobFunction(getDeps, { id: "index-search", name: "Refresh search for imported contacts", trigger: searchIndexRequested, perWorkspace: 1, retries: 3 }, runSearchIndexJob);
}
