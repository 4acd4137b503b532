import type { CountryCode } from "libphonenumber-js";
import type { customFieldDefinitions } from "@/db/schema";
import { badRequest } from "../lib/errors";
import { CUSTOM_PREFIX } from "./pipeline/mapping";
import type { FieldDefinition, RowPlan } from "./pipeline/row";
import { detectDecimalSeparator, type DecimalSeparator } from "./pipeline/values";
import type { NewCustomFieldInput } from "./schemas";

type Definition = typeof customFieldDefinitions.$inferSelect;

export interface CompiledPlan {
  rowPlan: RowPlan;
  /** Custom fields the mapping names that the workspace does not have yet. */
  toCreate: NewCustomFieldInput[];
}

/**
 * Binds a header → target mapping to the file's columns and the workspace's custom fields. Targets
 * naming a missing custom field are created from `newCustomFields` (or as text fields labelled after
 * the column). Required custom fields must be mapped, since every row would fail otherwise.
 */
export function compileRowPlan(params: {
  headers: string[];
  mapping: Record<string, string | null>;
  definitions: Definition[];
  newCustomFields: NewCustomFieldInput[];
  sampleRows: string[][];
  defaultCountry: string;
}): CompiledPlan {
  const index = new Map(params.headers.map((h, i) => [h, i]));
  const columns: RowPlan["columns"] = [];
  for (const [header, target] of Object.entries(params.mapping)) {
    if (!target) continue;
    const at = index.get(header);
    if (at === undefined) throw badRequest(`mapping.${header}`, "is not a column of this file");
    columns.push({ index: at, target });
  }
  const byName = new Map(params.definitions.map((d) => [d.fieldName, d]));
  const customFields: Record<string, FieldDefinition> = {};
  const toCreate: NewCustomFieldInput[] = [];
  for (const { index: at, target } of columns) {
    if (!target.startsWith(CUSTOM_PREFIX)) continue;
    const key = target.slice(CUSTOM_PREFIX.length);
    const existing = byName.get(key);
    if (existing) {
      customFields[key] = { fieldType: existing.fieldType, required: existing.required, options: existing.options };
      continue;
    }
    const declared = params.newCustomFields.find((f) => f.key === key) ?? { key, label: params.headers[at]!, fieldType: "text" as const };
    toCreate.push(declared);
    customFields[key] = { fieldType: declared.fieldType, required: false, options: declared.options ?? [] };
  }
  for (const definition of params.definitions) {
    if (definition.required && !customFields[definition.fieldName]) {
      throw badRequest(`mapping`, `the required custom field ${definition.label} (customFields.${definition.fieldName}) needs a column`);
    }
  }
  const decimal: Record<number, DecimalSeparator> = {};
  for (const { index: at, target } of columns) {
    const type = target.startsWith(CUSTOM_PREFIX) ? customFields[target.slice(CUSTOM_PREFIX.length)]?.fieldType : undefined;
    if (target === "score" || type === "number" || type === "currency") {
      decimal[at] = detectDecimalSeparator(params.sampleRows.map((r) => r[at] ?? ""));
    }
  }
  return { rowPlan: { columns, customFields, decimal, defaultCountry: params.defaultCountry as CountryCode }, toCreate };
}
