import { z } from "zod";
import { objectTypes, viewVisibilities } from "@/db/schema";
import { filterInputSchema, sortSchema } from "../filters/schemas";

const name = z.string({ error: "is required" }).trim().min(1, "is required").max(80, "must be at most 80 characters");
const viewId = z.uuid({ error: "must be a view id" });
/** Column ids as the table knows them: `email`, `company.name`, `customFields.budget`, `tags`, `fullName`. */
const columnId = z.string().trim().min(1).max(120).regex(/^[A-Za-z][A-Za-z0-9_.]*$/, "must be a column id such as email or customFields.budget");
const columns = z.array(columnId).max(100, "at most 100 columns").refine((list) => new Set(list).size === list.length, "lists a column twice");

export const saveViewSchema = z.object({
  objectType: z.enum(objectTypes).default("contact"),
  name,
  filters: filterInputSchema.nullish(),
  columns: columns.default([]),
  sortBy: sortSchema.default([]),
  isDefault: z.boolean().default(false),
  /** shared: visible to the whole workspace (managers and admins share). */
  visibility: z.enum(viewVisibilities).default("private"),
}).strict();
export type SaveViewInput = z.infer<typeof saveViewSchema>;

export const viewPatchSchema = z.object({
  name: name.optional(),
  filters: filterInputSchema.nullish(),
  columns: columns.optional(),
  sortBy: sortSchema.optional(),
  isDefault: z.boolean().optional(),
  visibility: z.enum(viewVisibilities).optional(),
}).strict();
export type ViewPatch = z.infer<typeof viewPatchSchema>;

export const updateViewSchema = z.object({ id: viewId, patch: viewPatchSchema });
export const renameViewSchema = z.object({ id: viewId, name });
export const duplicateViewSchema = z.object({ id: viewId, name: name.optional() });
export const viewIdSchema = z.object({ id: viewId });
export const listViewsSchema = z.object({ objectType: z.enum(objectTypes).default("contact") });
