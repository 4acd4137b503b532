import { z } from "zod";
import { customFieldTypes } from "@/db/schema";
import { fileEncodings } from "./pipeline/encoding";
import { delimiters, type FileFormat } from "./pipeline/format";
import { CUSTOM_PREFIX, standardTargets } from "./pipeline/mapping";
import type { RowPlan } from "./pipeline/row";

const customKey = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** "email", "firstName", "tags", "fullName", "customFields.budget", or null to ignore the column. */
export const mappingTargetSchema = z
  .string()
  .refine(
    (t) => (standardTargets as readonly string[]).includes(t) || (t.startsWith(CUSTOM_PREFIX) && customKey.test(t.slice(CUSTOM_PREFIX.length))),
    `must be one of ${standardTargets.join(", ")} or customFields.<name>`,
  )
  .nullable();

export const mappingSchema = z
  .record(z.string().max(500), mappingTargetSchema)
  .refine((m) => Object.values(m).includes("email"), "one column must map to email")
  .refine((m) => {
    const targets = Object.values(m).filter((t): t is string => t !== null && t !== "tags");
    return new Set(targets).size === targets.length;
  }, "each field can take one column only (tags excepted)");

export const newCustomFieldSchema = z.object({
  key: z.string().regex(customKey, "letters, digits and underscores, starting with a letter"),
  label: z.string().trim().min(1).max(200),
  fieldType: z.enum(customFieldTypes),
  options: z.array(z.object({ value: z.string().min(1).max(200), label: z.string().min(1).max(200) })).max(500).optional(),
});
export type NewCustomFieldInput = z.infer<typeof newCustomFieldSchema>;

export const formatOverridesSchema = z.object({
  encoding: z.enum(fileEncodings).optional(),
  delimiter: z.enum(delimiters).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
});

export const importOptionsSchema = z.object({
  /** Update contacts that already exist (matched on `matchOn`); otherwise such rows are skipped. */
  updateExisting: z.boolean().default(false),
  /** false: if any row is invalid nothing is written and every error is reported. */
  skipInvalid: z.boolean().default(true),
  notifyOnComplete: z.boolean().default(false),
  /** "email", or a custom field holding an external id ("customFields.hubspotRecordId"). */
  matchOn: z.string().regex(/^(email|customFields\.[A-Za-z][A-Za-z0-9_]{0,62})$/, "must be email or customFields.<name>").default("email"),
  /** Tags added to every imported contact; missing ones are created. */
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** Owner of created contacts; defaults to the person importing. */
  ownerId: z.string().min(1).max(100).nullish(),
  /** ISO country for phone numbers written without a country code, when the row has no country. */
  defaultCountry: z.string().regex(/^[A-Za-z]{2}$/).toUpperCase().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const fileIdSchema = z.object({ fileId: z.uuid({ error: "must be a file id" }), format: formatOverridesSchema.optional() });

export const importContactsSchema = z.object({
  fileId: z.uuid({ error: "must be a file id" }),
  mapping: mappingSchema,
  options: importOptionsSchema.default(importOptionsSchema.parse({})),
  /** Custom fields the mapping names that do not exist yet (the preview suggests them). */
  newCustomFields: z.array(newCustomFieldSchema).max(200).default([]),
  format: formatOverridesSchema.optional(),
});
export type ImportContactsInput = z.infer<typeof importContactsSchema>;

export const importIdSchema = z.object({ importId: z.uuid({ error: "must be an import id" }) });

export const listImportsSchema = z.object({
  first: z.number().int().min(1).max(100).default(20),
  after: z.string().max(200).nullish(),
});

export const importIssuesSchema = z.object({
  importId: z.uuid(),
  severity: z.enum(["error", "duplicate", "warning"]).optional(),
  first: z.number().int().min(1).max(500).default(100),
  /** Row number to continue after. */
  afterRow: z.number().int().min(0).optional(),
});

export const undoImportSchema = z.object({
  importId: z.uuid(),
  /** Also revert contacts edited after the import (they are listed and left alone otherwise). */
  force: z.boolean().default(false),
});

export const saveTemplateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  headers: z.array(z.string().max(500)).min(1).max(1000),
  mapping: z.record(z.string().max(500), mappingTargetSchema),
});

export const templateIdSchema = z.object({ id: z.uuid() });

/** What the import job keeps in `jobs.input`. */
export interface ImportJobInput extends Record<string, unknown> {
  fileId: string;
  fileName: string;
  mapping: Record<string, string | null>;
  options: ImportOptions;
  newCustomFields: NewCustomFieldInput[];
  format?: z.infer<typeof formatOverridesSchema>;
  actor: { type: "user" | "api_key"; id: string; userId: string; name: string; role: "admin" | "manager" | "rep" };
}

/** The prepare step's output: everything later steps need, small enough for any step limit. */
export interface ImportPlan {
  status: "ready" | "failed" | "cancelled";
  format: FileFormat;
  rowPlan: RowPlan;
  batchSize: number;
  optionTagIds: string[];
  lookForDeleted: boolean;
}

/** Counts of one batch (and, summed, of the import). */
export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  restored: number;
  unchanged: number;
  skipped: number;
  duplicates: number;
  invalid: number;
  missing: number;
  warnings: number;
}

export const emptyCounts = (): ImportCounts => ({
  rows: 0, created: 0, updated: 0, restored: 0, unchanged: 0, skipped: 0, duplicates: 0, invalid: 0, missing: 0, warnings: 0,
});

export function addCounts(a: ImportCounts, b: Partial<ImportCounts>): ImportCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof ImportCounts)[]) sum[key] += b[key] ?? 0;
  return sum;
}
