import type { JobDeps } from "@/server/jobs/step";
import { createImportContactsFunction } from "./import-contacts";
import { createUndoImportFunction } from "./undo-import";
import { createBulkContactsFunction, createBulkUndoFunction } from "./bulk-contacts";
import { createExportContactsFunction } from "./export-contacts";
import { createIndexSearchFunction } from "./index-search";

/** Every function the app serves, bound to how it reaches the database and storage. */
export function createFunctions(getDeps: () => Promise<JobDeps>) {
  return [createImportContactsFunction(getDeps), createUndoImportFunction(getDeps),
    createBulkContactsFunction(getDeps), createBulkUndoFunction(getDeps), createExportContactsFunction(getDeps),
    createIndexSearchFunction(getDeps)];
}
