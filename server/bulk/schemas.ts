import { z } from "zod";
import { contactPatchSchema } from "../contacts/schemas";
import { filterInputSchema } from "../filters/schemas";

/** Small selections are applied inside the request; anything larger runs as a batched job. */
export const SYNC_LIMIT = 500;
export const DEFAULT_BATCH_SIZE = 2_000;

/** Either explicit ids (a page selection) or a criteria tree ("all matching"), resolved on the server. */
export const bulkTargetSchema = z.union([
  z.object({ ids: z.array(z.uuid({ error: "must be a contact id" })).min(1, "select at least one contact").max(10_000, "at most 10,000 ids; use a filter for more") }).strict(),
  z.object({ filter: filterInputSchema }).strict(),
]);
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

/** Email is per-contact by nature, so a bulk edit never sets it. */
export const bulkUpdatePatchSchema = contactPatchSchema
  .omit({ email: true })
  .refine((patch) => Object.keys(patch).length > 0, "choose at least one field to update");

export const bulkUpdateSchema = z.object({ target: bulkTargetSchema, update: bulkUpdatePatchSchema });
export const bulkDeleteSchema = z.object({ target: bulkTargetSchema });

const tagNames = z.array(z.string().trim().min(1).max(100)).max(50).default([]);
export const bulkTagsSchema = z
  .object({ target: bulkTargetSchema, addTags: tagNames, removeTags: tagNames })
  .refine((input) => input.addTags.length + input.removeTags.length > 0, "add or remove at least one tag");

export const undoBulkSchema = z.object({ jobId: z.uuid({ error: "must be a job id" }) });

export type BulkOperation = "update" | "delete" | "restore" | "tag";

/** What the job row keeps as its input: ids and values, resolved once by the service. */
export interface BulkJobInput {
  operation: BulkOperation;
  target: BulkTarget;
  /** Normalised column values for an update (custom fields under `customFields`). */
  update?: Record<string, unknown>;
  addTagIds?: string[];
  removeTagIds?: string[];
  batchSize?: number;
  [key: string]: unknown;
}
