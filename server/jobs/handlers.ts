import type { JobKind } from "@/db/schema";
import { runImportJob } from "../imports/run-import";
import { runUndoImportJob } from "../imports/undo-import";
import { runBulkJob } from "../bulk/run-bulk";
import { runBulkUndoJob } from "../bulk/undo";
import { runExportJob } from "../exports/run-export";
import { runSearchIndexJob } from "../search/index-job";
import type { JobHandler } from "./step";

/** Job kinds that have code; the local runner looks handlers up here, Inngest functions call them directly. */
export const jobHandlers: Partial<Record<JobKind, JobHandler>> = {
  import: runImportJob,
  import_undo: runUndoImportJob,
  bulk_update: runBulkJob,
  bulk_delete: runBulkJob,
  bulk_tag: runBulkJob,
  bulk_undo: runBulkUndoJob,
  export: runExportJob,
  search_index: runSearchIndexJob,
};
