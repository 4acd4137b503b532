import { z } from "zod";
import { filterInputSchema } from "../filters/schemas";

export const EXPORT_RATE_LIMIT = { limit: 5, windowMs: 60 * 60 * 1000 };
export const EXPORT_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const EXPORT_BATCH_SIZE = 2_000;
/** Exports up to this many rows are written inside the request, so the link comes back at once. */
export const SYNC_EXPORT_LIMIT = 5_000;

export const standardExportFields = [
  "id", "email", "firstName", "lastName", "phone", "mobile", "company", "title", "department",
  "addressLine1", "addressLine2", "city", "state", "country", "postalCode", "source", "score", "lifecycleStage",
  "linkedinUrl", "twitterHandle", "facebookUrl", "website", "ownerId", "lastActivityAt", "lastContactedAt", "createdAt", "updatedAt",
] as const;
export type StandardExportField = (typeof standardExportFields)[number];

const exportFieldSchema = z.union([
  z.enum(standardExportFields),
  z.literal("tags"),
  z.string().regex(/^customFields\.[A-Za-z][A-Za-z0-9_]{0,62}$/, "expected a contact field, tags or customFields.<name>"),
]);

export const exportContactsSchema = z.object({
  format: z.literal("csv").default("csv"),
  /** A criteria tree ("all matching"); omitted with no ids: every live contact. */
  filters: filterInputSchema.nullish(),
  ids: z.array(z.uuid()).min(1).max(10_000).optional(),
  /** Omitted: the standard fields, tags and every live custom field. */
  fields: z.array(exportFieldSchema).min(1).max(200).optional(),
});
export type ExportContactsInput = z.input<typeof exportContactsSchema>;

export const exportIdSchema = z.object({ exportId: z.uuid() });
