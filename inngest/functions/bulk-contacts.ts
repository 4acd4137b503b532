import { bulkOperationRequested, bulkUndoRequested } from "../events";
import { createJobFunction } from "../job-function";
import type { JobDeps } from "@/server/jobs/step";
import { runBulkJob } from "@/server/bulk/run-bulk";
import { runBulkUndoJob } from "@/server/bulk/undo";

/** Bulk update, delete/restore and tag changes; one lane per workspace so two bulk edits never interleave. */
export function createBulkContactsFunction(getDeps: () => Promise<JobDeps>) {
  return createJobFunction(getDeps, { id: "bulk-contacts", name: "Bulk contact operation", trigger: bulkOperationRequested, perWorkspace: 1, retries: 3 }, runBulkJob);
}

/** Undoing a bulk operation, one at a time per workspace (the service refuses to undo an operation still running). */
export function createBulkUndoFunction(getDeps: () => Promise<JobDeps>) {
  return createJobFunction(getDeps, { id: "bulk-undo", name: "Undo bulk operation", trigger: bulkUndoRequested, perWorkspace: 1, retries: 3 }, runBulkUndoJob);
}
