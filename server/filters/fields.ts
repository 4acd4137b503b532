import { companySizes, contactSources, lifecycleStages, type CustomFieldType } from "@/db/schema";
import type { FieldKind, FieldSpec } from "./types";

const text = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key, label, kind: "text", source: { type: "contact", column: key }, isSortable: true, ...extra,
});
const datetime = (key: string, label: string): FieldSpec => ({
  key, label, kind: "datetime", source: { type: "contact", column: key }, isSortable: true,
});

/** Every stored contact field a filter or a sort may name, typed. */
export const contactFields: readonly FieldSpec[] = [
  { key: "id", label: "Contact id", kind: "id", source: { type: "contact", column: "id" }, isSortable: true, pgType: "uuid" },
  text("email", "Email", { isStoredLowercase: true }),
  text("firstName", "First name"),
  text("lastName", "Last name"),
  text("phone", "Phone"),
  text("mobile", "Mobile"),
  text("company", "Company"),
  text("title", "Title"),
  text("department", "Department"),
  { key: "companyId", label: "Company record", kind: "id", source: { type: "contact", column: "companyId" }, isSortable: true, pgType: "uuid" },
  text("addressLine1", "Address line 1"),
  text("addressLine2", "Address line 2"),
  text("city", "City"),
  text("state", "State"),
  text("country", "Country"),
  text("postalCode", "Postal code"),
  {
    key: "source", label: "Source", kind: "enum", source: { type: "contact", column: "source" },
    enumValues: contactSources, isSortable: true, pgType: "record_source",
  },
  { key: "score", label: "Score", kind: "number", source: { type: "contact", column: "score" }, integer: true, isSortable: true, pgType: "integer" },
  {
    key: "lifecycleStage", label: "Lifecycle stage", kind: "enum", source: { type: "contact", column: "lifecycleStage" },
    enumValues: lifecycleStages, isOrdered: true, isSortable: true, pgType: "lifecycle_stage",
  },
  text("linkedinUrl", "LinkedIn"),
  text("twitterHandle", "Twitter"),
  text("facebookUrl", "Facebook"),
  text("website", "Website"),
  { key: "ownerId", label: "Owner", kind: "id", source: { type: "contact", column: "ownerId" }, isSortable: true, pgType: "text" },
  { key: "createdBy", label: "Created by", kind: "id", source: { type: "contact", column: "createdBy" }, isSortable: true, pgType: "text" },
  datetime("enrichmentUpdatedAt", "Enriched at"),
  datetime("lastActivityAt", "Last activity"),
  datetime("lastContactedAt", "Last contacted"),
  datetime("createdAt", "Created"),
  datetime("updatedAt", "Updated"),
  { key: "tags", label: "Tags", kind: "set", source: { type: "tags" }, isSortable: false },
  { key: "segment", label: "Segment", kind: "segment", source: { type: "segment" }, isSortable: false },
];

const companyText = (column: string, label: string): FieldSpec => ({
  key: `company.${column}`, label: `Company ${label}`, kind: "text", source: { type: "company", column }, isSortable: true,
});

/** The linked company's fields, as `company.<name>`; a contact without a live company has them all empty. */
export const companyFields: readonly FieldSpec[] = [
  companyText("name", "name"),
  companyText("domain", "domain"),
  companyText("website", "website"),
  companyText("industry", "industry"),
  {
    key: "company.companySize", label: "Company size", kind: "enum", source: { type: "company", column: "companySize" },
    enumValues: companySizes, isOrdered: true, isSortable: true, pgType: "company_size",
  },
  {
    key: "company.annualRevenue", label: "Company annual revenue", kind: "number",
    source: { type: "company", column: "annualRevenueMicros" }, scale: 1_000_000, isSortable: true, pgType: "bigint",
  },
  companyText("currency", "currency"),
  companyText("city", "city"),
  companyText("state", "state"),
  companyText("country", "country"),
  companyText("timezone", "timezone"),
  companyText("phone", "phone"),
  companyText("email", "email"),
  companyText("description", "description"),
  {
    key: "company.employeeCount", label: "Company employees", kind: "number", source: { type: "company", column: "employeeCount" },
    integer: true, isSortable: true, pgType: "integer",
  },
  {
    key: "company.foundedYear", label: "Company founded", kind: "number", source: { type: "company", column: "foundedYear" },
    integer: true, isSortable: true, pgType: "integer",
  },
  { key: "company.lastActivityAt", label: "Company last activity", kind: "datetime", source: { type: "company", column: "lastActivityAt" }, isSortable: true },
  { key: "company.createdAt", label: "Company created", kind: "datetime", source: { type: "company", column: "createdAt" }, isSortable: true },
];

const builtinFields = new Map([...contactFields, ...companyFields].map((field) => [field.key, field]));

export function findBuiltinField(key: string): FieldSpec | undefined {
  return builtinFields.get(key);
}

export const CUSTOM_FIELD_PREFIX = "customFields.";

const kindByCustomType: Record<CustomFieldType, FieldKind> = {
  text: "text", textarea: "text", url: "text", email: "text", phone: "text",
  number: "number", currency: "number",
  date: "date", datetime: "datetime",
  boolean: "boolean",
  select: "enum",
  multiselect: "set",
};

export function customFieldSpec(definition: {
  fieldName: string;
  label: string;
  fieldType: CustomFieldType;
  options: Array<{ value: string }>;
}): FieldSpec {
  const kind = kindByCustomType[definition.fieldType];
  return {
    key: `${CUSTOM_FIELD_PREFIX}${definition.fieldName}`,
    label: definition.label,
    kind,
    source: { type: "custom", fieldName: definition.fieldName, fieldType: definition.fieldType },
    enumValues: kind === "enum" || kind === "set" ? definition.options.map((o) => o.value) : undefined,
    isSortable: kind !== "set",
  };
}
