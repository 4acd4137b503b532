import { z } from "zod";
import { contactSources, lifecycleStages } from "@/db/schema";
import { filterInputSchema, sortSchema } from "../filters/schemas";
import { normalizePhone } from "./phone";

export { normalizePhone };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullish();

/** Lowercased and trimmed so "  Jane@Example.COM " and "jane@example.com" are the same contact. */
export const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(320, "must be at most 320 characters")
  .pipe(z.email({ error: "must be a valid email address" }));


/** E.164 when the number parses; otherwise kept as typed (an extension or a local format we cannot place). */
export const phoneSchema = z
  .string()
  .trim()
  .max(64, "must be at most 64 characters")
  .transform((value) => (value === "" ? null : value))
  .refine((value) => value === null || /\d/.test(value), "must contain digits")
  .transform((value) => (value === null ? null : normalizePhone(value)))
  .nullish();

export const urlSchema = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .transform((value) => (value === "" ? null : /^https?:\/\//i.test(value) ? value : `https://${value}`))
  .refine((value) => {
    if (value === null) return true;
    try {
      const url = new URL(value);
      return url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "must be a valid URL")
  .nullish();

const customFieldsSchema = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, "custom field names are letters, digits and underscores"),
  z.unknown(),
);

const contactFields = {
  firstName: optionalText(200),
  lastName: optionalText(200),
  phone: phoneSchema,
  mobile: phoneSchema,
  company: optionalText(300),
  title: optionalText(300),
  department: optionalText(200),
  companyId: z.uuid({ error: "must be a company id" }).nullish(),
  addressLine1: optionalText(300),
  addressLine2: optionalText(300),
  city: optionalText(200),
  state: optionalText(200),
  country: optionalText(200),
  postalCode: optionalText(40),
  source: z.enum(contactSources, { error: `must be one of ${contactSources.join(", ")}` }).optional(),
  sourceDetails: z.record(z.string(), z.unknown()).optional(),
  score: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be at least 0").max(100, "must be at most 100").optional(),
  lifecycleStage: z.enum(lifecycleStages, { error: `must be one of ${lifecycleStages.join(", ")}` }).optional(),
  linkedinUrl: urlSchema,
  twitterHandle: optionalText(100).transform((value) => (value ? value.replace(/^@/, "") : value)).optional(),
  facebookUrl: urlSchema,
  website: urlSchema,
  customFields: customFieldsSchema.optional(),
  ownerId: z.string().min(1).max(100).nullish(),
  lastActivityAt: z.coerce.date({ error: "must be a date" }).nullish(),
  lastContactedAt: z.coerce.date({ error: "must be a date" }).nullish(),
};

export const createContactSchema = z.object({ email: emailSchema, ...contactFields }).strict();
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const contactPatchSchema = z.object({ email: emailSchema.optional(), ...contactFields }).strict();
export type ContactPatch = z.infer<typeof contactPatchSchema>;

export const contactIdSchema = z.object({ id: z.uuid({ error: "must be a contact id" }) });

export const updateContactSchema = z.object({
  id: z.uuid({ error: "must be a contact id" }),
  patch: contactPatchSchema,
});

export const listContactsSchema = z.object({
  first: z.number().int().min(1, "must be at least 1").max(500, "must be at most 500").default(50),
  after: z.string().max(4000).nullish(),
  includeDeleted: z.boolean().optional(),
  /** The spec's criteria tree; see server/filters. */
  filters: filterInputSchema.nullish(),
  /** Keys in priority order; ties always end on id. Omitted: newest first (createdAt desc). */
  sort: sortSchema.optional(),
  /** Count every match instead of stopping at the estimate threshold (slower on large results). */
  exactCount: z.boolean().optional(),
});
export type ListContactsInput = z.infer<typeof listContactsSchema>;

export const historySchema = z.object({
  id: z.uuid({ error: "must be a contact id" }),
  first: z.number().int().min(1).max(200).default(50),
});
