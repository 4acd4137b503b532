import type { ExistingCustomField, Mapping, SuggestedCustomField } from "./types";

export const CUSTOM_PREFIX = "customFields.";

/**
 * The contact fields a column can fill, in the order the picker lists them. Mirrors `standardTargets`
 * in server/imports/pipeline/mapping.ts, which imports node:crypto and so cannot ship to the browser.
 */
export const standardTargetLabels = {
  email: "Email",
  firstName: "First name",
  lastName: "Last name",
  fullName: "Full name (split into first and last)",
  phone: "Phone",
  mobile: "Mobile",
  company: "Company",
  title: "Job title",
  department: "Department",
  addressLine1: "Address line 1",
  addressLine2: "Address line 2",
  city: "City",
  state: "State / region",
  postalCode: "Postal code",
  country: "Country",
  website: "Website",
  linkedinUrl: "LinkedIn URL",
  twitterHandle: "Twitter handle",
  facebookUrl: "Facebook URL",
  lifecycleStage: "Lifecycle stage",
  score: "Score",
  lastActivityAt: "Last activity",
  lastContactedAt: "Last contacted",
  tags: "Tags (comma-separated)",
} as const;

export type StandardTarget = keyof typeof standardTargetLabels;

/** Select values that are not targets: the empty string means "Ignore", this one opens the new-field dialog. */
export const IGNORE_VALUE = "";
export const CREATE_FIELD_VALUE = "__create_custom_field__";

export interface TargetOption {
  value: string;
  label: string;
}

export interface TargetGroups {
  standard: TargetOption[];
  custom: TargetOption[];
  /** Fields the import itself will create because the suggestion (or a template) named them. */
  pending: TargetOption[];
}

export function targetGroups(existing: readonly ExistingCustomField[], pending: readonly SuggestedCustomField[]): TargetGroups {
  const existingKeys = new Set(existing.map((f) => f.fieldName));
  return {
    standard: Object.entries(standardTargetLabels).map(([value, label]) => ({ value, label })),
    custom: existing.map((f) => ({ value: `${CUSTOM_PREFIX}${f.fieldName}`, label: f.label })),
    pending: pending.filter((f) => !existingKeys.has(f.key)).map((f) => ({ value: `${CUSTOM_PREFIX}${f.key}`, label: `${f.label} (new field)` })),
  };
}

export function targetLabel(target: string | null, existing: readonly ExistingCustomField[], pending: readonly SuggestedCustomField[]): string {
  if (target === null) return "Ignored";
  if (target in standardTargetLabels) return standardTargetLabels[target as StandardTarget];
  const key = target.startsWith(CUSTOM_PREFIX) ? target.slice(CUSTOM_PREFIX.length) : target;
  return existing.find((f) => f.fieldName === key)?.label ?? pending.find((f) => f.key === key)?.label ?? key;
}

/**
 * Points a column at a target. A field takes one column (the server rejects two), so the column that
 * held it before lets go; tags are the exception because several tag columns merge.
 * Returns the new mapping and the header that lost its target, so the screen can say so.
 */
export function assignTarget(mapping: Mapping, header: string, target: string | null): { mapping: Mapping; released: string | null } {
  const next: Mapping = { ...mapping, [header]: target };
  let released: string | null = null;
  if (target !== null && target !== "tags") {
    for (const [other, current] of Object.entries(mapping)) {
      if (other !== header && current === target) {
        next[other] = null;
        released = other;
      }
    }
  }
  return { mapping: next, released };
}

export interface MappingProblems {
  hasEmail: boolean;
  /** Targets chosen by more than one column (only possible through an edited template). */
  duplicated: string[];
}

/** The checks the server's mapping schema makes, so the wizard can stop before a round trip. */
export function mappingProblems(mapping: Mapping): MappingProblems {
  const counts = new Map<string, number>();
  for (const target of Object.values(mapping)) {
    if (target !== null && target !== "tags") counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return {
    hasEmail: counts.has("email"),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([target]) => target),
  };
}

export const isMappingValid = (mapping: Mapping) => {
  const problems = mappingProblems(mapping);
  return problems.hasEmail && problems.duplicated.length === 0;
};

/** The suggested new fields the import must create: those still mapped and not created meanwhile. */
export function customFieldsToCreate(mapping: Mapping, suggested: readonly SuggestedCustomField[], existing: readonly ExistingCustomField[]): SuggestedCustomField[] {
  const mapped = new Set(Object.values(mapping));
  const existingKeys = new Set(existing.map((f) => f.fieldName));
  return suggested.filter((f) => mapped.has(`${CUSTOM_PREFIX}${f.key}`) && !existingKeys.has(f.key));
}

/** Custom-field targets a "match on" select may offer: external ids live in mapped custom fields. */
export function matchKeyOptions(mapping: Mapping, existing: readonly ExistingCustomField[], pending: readonly SuggestedCustomField[]): TargetOption[] {
  const options: TargetOption[] = [{ value: "email", label: "Email" }];
  for (const target of new Set(Object.values(mapping))) {
    if (target?.startsWith(CUSTOM_PREFIX)) options.push({ value: target, label: targetLabel(target, existing, pending) });
  }
  return options;
}

/** Up to three non-empty samples, shortened so one long note does not stretch the table. */
export function sampleValues(samples: readonly string[], max = 3, length = 40): string[] {
  return samples
    .filter((s) => s.trim())
    .slice(0, max)
    .map((s) => (s.length > length ? `${s.slice(0, length - 1)}…` : s));
}
