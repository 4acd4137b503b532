import { z } from "zod";
import { customFieldTypes, objectTypes } from "@/db/schema";

/** The key inside `custom_fields`; it never changes after creation, and names the field in filters (`customFields.<fieldName>`). */
export const fieldNameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(40, "must be at most 40 characters")
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must start with a letter and use only letters, digits and underscores");

const optionSchema = z.object({
  value: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  label: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour").optional(),
}).strict();

const optionsSchema = z.array(optionSchema).max(500, "at most 500 options");
const currencySchema = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "must be a 3-letter ISO 4217 code");
const labelSchema = z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters");

const hasOptions = (type: string) => type === "select" || type === "multiselect";

function checkOptions(
  value: { fieldType: string; options?: Array<{ value: string }>; currency?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.options !== undefined) {
    if (!hasOptions(value.fieldType) && value.options.length > 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `only select and multiselect fields have options, not ${value.fieldType}` });
    }
    const seen = new Set<string>();
    value.options.forEach((option, index) => {
      if (seen.has(option.value)) ctx.addIssue({ code: "custom", path: ["options", index, "value"], message: `"${option.value}" appears twice` });
      seen.add(option.value);
    });
  }
  if (hasOptions(value.fieldType) && value.options !== undefined && value.options.length === 0) {
    ctx.addIssue({ code: "custom", path: ["options"], message: `a ${value.fieldType} field needs at least one option` });
  }
  if (value.currency && value.fieldType !== "currency") {
    ctx.addIssue({ code: "custom", path: ["currency"], message: "only currency fields have a currency" });
  }
}

export const createCustomFieldSchema = z
  .object({
    objectType: z.enum(objectTypes, { error: `must be one of ${objectTypes.join(", ")}` }).default("contact"),
    fieldName: fieldNameSchema,
    label: labelSchema,
    fieldType: z.enum(customFieldTypes, { error: `must be one of ${customFieldTypes.join(", ")}` }),
    required: z.boolean().default(false),
    options: optionsSchema.default([]),
    currency: currencySchema.nullish(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
  .superRefine(checkOptions);
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldSchema>;

/** Type and fieldName are fixed at creation: changing either would strand the stored values. */
export const customFieldPatchSchema = z
  .object({
    label: labelSchema.optional(),
    required: z.boolean().optional(),
    options: optionsSchema.optional(),
    currency: currencySchema.nullish(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type CustomFieldPatch = z.infer<typeof customFieldPatchSchema>;

export const updateCustomFieldSchema = z.object({
  id: z.uuid({ error: "must be a custom field id" }),
  patch: customFieldPatchSchema,
});

export const customFieldIdSchema = z.object({ id: z.uuid({ error: "must be a custom field id" }) });

export const listCustomFieldsSchema = z.object({
  objectType: z.enum(objectTypes).default("contact"),
  includeArchived: z.boolean().default(false),
});
export type ListCustomFieldsInput = z.infer<typeof listCustomFieldsSchema>;

export { checkOptions as checkCustomFieldOptions };
