import { eventType } from "inngest";
import { z } from "zod";

/** Events carry ids only; the job row holds the input and the file stays in storage. */
const jobEventSchema = z.object({ workspaceId: z.uuid(), jobId: z.uuid() });
export type JobEventData = z.infer<typeof jobEventSchema>;

export const importContactsRequested = eventType("hastecrm/import.requested", { schema: jobEventSchema });
export const importUndoRequested = eventType("hastecrm/import.undo-requested", { schema: jobEventSchema });

/** Semantic search: a workspace's embeddings (re)computed as a job, and one contact refreshed after an edit. */
export const embeddingBackfillRequested = eventType("hastecrm/embeddings.backfill-requested", { schema: jobEventSchema });
export const contactEmbeddingRequested = eventType("hastecrm/contact.embedding-requested", {
  schema: z.object({ workspaceId: z.uuid(), contactId: z.uuid() }),
});

/** Bulk operations over many contacts (update, delete/restore, tags), their undo, and exports. */
export const bulkOperationRequested = eventType("hastecrm/bulk.requested", { schema: jobEventSchema });
export const bulkUndoRequested = eventType("hastecrm/bulk.undo-requested", { schema: jobEventSchema });
export const exportContactsRequested = eventType("hastecrm/export.requested", { schema: jobEventSchema });

/** The search refresh an import deferred, for the contacts it wrote. */
export const searchIndexRequested = eventType("hastecrm/search.index-requested", { schema: jobEventSchema });
