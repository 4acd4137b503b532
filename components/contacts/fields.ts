import type { BadgeTone } from "@/components/ui/badge";

// Mirrors db/schema enums; kept here so client bundles never import drizzle's schema modules.
export const lifecycleStages = ["lead", "MQL", "SQL", "opportunity", "customer", "evangelist"] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];
export const contactSources = ["manual", "import", "website", "email", "api", "linkedin", "enrichment"] as const;

export const lifecycleLabels: Record<LifecycleStage, string> = {
  lead: "Lead",
  MQL: "MQL",
  SQL: "SQL",
  opportunity: "Opportunity",
  customer: "Customer",
  evangelist: "Evangelist",
};

export const lifecycleTones: Record<LifecycleStage, BadgeTone> = {
  lead: "neutral",
  MQL: "blue",
  SQL: "purple",
  opportunity: "amber",
  customer: "green",
  evangelist: "teal",
};

export const lifecycleOptions = lifecycleStages.map((value) => ({ value, label: lifecycleLabels[value] }));
export const sourceOptions = contactSources.map((value) => ({ value, label: value === "api" ? "API" : value[0]!.toUpperCase() + value.slice(1) }));

export type StandardFieldKind = "text" | "email" | "tel" | "url" | "number" | "select" | "datetime";

export interface StandardField {
  key: string;
  label: string;
  kind: StandardFieldKind;
  options?: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
}

/** Every editable standard field of a contact, grouped as the profile shows them. */
export const standardFieldGroups: ReadonlyArray<{ title: string; fields: readonly StandardField[] }> = [
  {
    title: "Contact",
    fields: [
      { key: "firstName", label: "First name", kind: "text" },
      { key: "lastName", label: "Last name", kind: "text" },
      { key: "email", label: "Email", kind: "email" },
      { key: "phone", label: "Phone", kind: "tel", placeholder: "+1 415 555 0100" },
      { key: "mobile", label: "Mobile", kind: "tel" },
    ],
  },
  {
    title: "Work",
    fields: [
      { key: "company", label: "Company", kind: "text" },
      { key: "title", label: "Job title", kind: "text" },
      { key: "department", label: "Department", kind: "text" },
    ],
  },
  {
    title: "Sales",
    fields: [
      { key: "lifecycleStage", label: "Lifecycle stage", kind: "select", options: lifecycleOptions },
      { key: "score", label: "Score", kind: "number", placeholder: "0–100" },
      { key: "source", label: "Source", kind: "select", options: sourceOptions },
      { key: "lastContactedAt", label: "Last contacted", kind: "datetime" },
      { key: "lastActivityAt", label: "Last activity", kind: "datetime" },
    ],
  },
  {
    title: "Address",
    fields: [
      { key: "addressLine1", label: "Address line 1", kind: "text" },
      { key: "addressLine2", label: "Address line 2", kind: "text" },
      { key: "city", label: "City", kind: "text" },
      { key: "state", label: "State", kind: "text" },
      { key: "postalCode", label: "Postal code", kind: "text" },
      { key: "country", label: "Country", kind: "text" },
    ],
  },
  {
    title: "Online",
    fields: [
      { key: "website", label: "Website", kind: "url", placeholder: "example.com" },
      { key: "linkedinUrl", label: "LinkedIn", kind: "url", placeholder: "linkedin.com/in/…" },
      { key: "twitterHandle", label: "Twitter / X", kind: "text", placeholder: "@handle" },
      { key: "facebookUrl", label: "Facebook", kind: "url" },
    ],
  },
];

const extraLabels: Record<string, string> = {
  companyId: "Company record",
  ownerId: "Owner",
  createdBy: "Created by",
  deletedAt: "Deleted",
  sourceDetails: "Source details",
  enrichmentData: "Enrichment data",
  enrichmentUpdatedAt: "Enriched at",
  aiInsights: "AI insights",
  customFields: "Custom fields",
};

const labelsByKey = new Map<string, string>([
  ...standardFieldGroups.flatMap((group) => group.fields.map((field) => [field.key, field.label] as [string, string])),
  ...Object.entries(extraLabels),
]);

/** The human name of an audited field; `customFields.budget` uses its definition's label when known. */
export function fieldLabel(key: string, customDefinitions?: ReadonlyMap<string, { label: string }>): string {
  if (key.startsWith("customFields.")) {
    const name = key.slice("customFields.".length);
    return customDefinitions?.get(name)?.label ?? name;
  }
  return labelsByKey.get(key) ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
}
