import type { JobKind } from "@/db/schema";
import { runImportJob } from "../imports/run-import";
import { runUndoImportJob } from "../imports/undo-import";
import type { JobHandler } from "./step";

/** Job kinds that have code; the local runner looks handlers up here, Inngest functions call them directly. */
export const jobHandlers: Partial<Record<JobKind, JobHandler>> = {
  import: runImportJob,
  import_undo: runUndoImportJob,
};
