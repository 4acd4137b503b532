import { z } from "zod";

const tagName = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(60, "must be at most 60 characters")
  .refine((name) => !/[\n\r\t]/.test(name), "must be on one line");
const color = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");
const description = z.string().trim().max(500, "must be at most 500 characters").transform((v) => (v === "" ? null : v)).nullish();
const tagId = z.uuid({ error: "must be a tag id" });
const contactId = z.uuid({ error: "must be a contact id" });

export const createTagSchema = z.object({ name: tagName, color: color.optional(), description }).strict();
export type CreateTagInput = z.infer<typeof createTagSchema>;

export const tagPatchSchema = z.object({ name: tagName.optional(), color: color.optional(), description }).strict();
export type TagPatch = z.infer<typeof tagPatchSchema>;

export const updateTagSchema = z.object({ id: tagId, patch: tagPatchSchema });
export const renameTagSchema = z.object({ id: tagId, name: tagName });
export const tagIdSchema = z.object({ id: tagId });

export const tagContactsSchema = z.object({
  contactIds: z.array(contactId).min(1, "pick at least one contact").max(1000, "at most 1000 contacts at once"),
  tagIds: z.array(tagId).min(1, "pick at least one tag").max(50, "at most 50 tags at once"),
});
export type TagContactsInput = z.infer<typeof tagContactsSchema>;

export const contactsByTagSchema = z.object({
  tagId,
  first: z.number().int().min(1, "must be at least 1").max(500, "must be at most 500").default(50),
  after: z.string().max(4000).nullish(),
});
export type ContactsByTagInput = z.infer<typeof contactsByTagSchema>;

export const mergeTagsSchema = z
  .object({ sourceId: tagId, targetId: tagId })
  .refine((input) => input.sourceId !== input.targetId, { path: ["targetId"], message: "must differ from sourceId" });

export const listTagsSchema = z.object({
  /** Autocomplete: names starting with this (case-insensitive). */
  prefix: z.string().trim().max(60).optional(),
  first: z.number().int().min(1).max(1000).default(200),
});
export type ListTagsInput = z.infer<typeof listTagsSchema>;
