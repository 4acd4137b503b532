import { importUndoRequested } from "../events";
import { createJobFunction } from "../job-function";
import type { JobDeps } from "@/server/jobs/step";
import { runUndoImportJob } from "@/server/imports/undo-import";

/** Reverting an import on Inngest, one at a time per workspace (the service refuses to undo an import still running). */
export function createUndoImportFunction(getDeps: () => Promise<JobDeps>) {
  return createJobFunction(getDeps, { id: "undo-import", name: "Undo import", trigger: importUndoRequested, perWorkspace: 1, retries: 3 }, runUndoImportJob);
}
