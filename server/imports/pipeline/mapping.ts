import { createHash } from "node:crypto";
import type { CustomFieldType } from "@/db/schema";
import { genericSynonyms, knownFormats } from "./known-formats";
import { parseDate, parseNumber } from "./values";

/** Contact columns an import can fill, plus the two derived targets. */
export const standardTargets = [
  "email", "firstName", "lastName", "fullName", "phone", "mobile", "company", "title", "department", "addressLine1",
  "addressLine2", "city", "state", "postalCode", "country", "website", "linkedinUrl", "twitterHandle", "facebookUrl",
  "lifecycleStage", "score", "lastActivityAt", "lastContactedAt", "tags",
] as const;
export type StandardTarget = (typeof standardTargets)[number];

export const CUSTOM_PREFIX = "customFields.";

export interface ExistingCustomField {
  fieldName: string;
  label: string;
  fieldType: CustomFieldType;
  required: boolean;
  options: { value: string; label: string }[];
}

export interface NewCustomField {
  key: string;
  label: string;
  fieldType: CustomFieldType;
}

export interface ColumnSuggestion {
  index: number;
  header: string;
  target: string | null;
  /** known_format: the export's own column; synonym: a generic header name; custom_field: an existing
   *  custom field; new_custom_field: a field the import will create; empty: no values; none: unrecognised. */
  reason: "known_format" | "synonym" | "custom_field" | "new_custom_field" | "empty" | "template";
  samples: string[];
}

export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** "Legacy CRM ID" → "legacyCrmId": the custom field key a column becomes. */
export function customFieldKey(header: string): string {
  const words = normaliseHeader(header).split(" ").filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
  const safe = /^[a-z]/.test(key) ? key : `field${key[0]?.toUpperCase() ?? ""}${key.slice(1)}`;
  return safe.slice(0, 63) || "field";
}

/** Same header set, whatever the order or case: the key a saved template is found by. */
export function headerSignature(headers: string[]): string {
  const names = [...new Set(headers.map(normaliseHeader).filter((h) => h && !/^column \d+$/.test(h)))].sort();
  return createHash("sha256").update(names.join("\n")).digest("hex");
}

export function detectKnownFormat(headers: string[]) {
  const names = new Set(headers.map(normaliseHeader));
  return knownFormats.find((f) => f.signatures.some((set) => set.every((s) => names.has(s)))) ?? null;
}

const AUTO_NAMED = /^(column|spalte|colonne|columna|field|unnamed)\s*\d*$/;

/**
 * A type for a column that becomes a new custom field, read from its values: dates, numbers and money,
 * emails, URLs, else text. Every sampled value must fit, so a typed field never silently drops data.
 */
export function inferFieldType(key: string, samples: string[]): CustomFieldType {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  if (values.length === 0 || /(^|[a-z])(Id|Ids|Code|Number|No)$|^(id|code)$/.test(key)) return "text";
  if (values.every((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))) return "email";
  if (values.every((v) => parseDate(v))) return values.some((v) => parseDate(v)?.time) ? "datetime" : "date";
  if (values.every((v) => parseNumber(v, v.includes(",") && !v.includes(".") && /,\d{1,2}\b/.test(v) ? "," : ".") !== null)) {
    const money = /revenue|budget|amount|price|value|salary|cost|spend|arr|mrr/i.test(key) || values.some((v) => /[$€£¥]|^[A-Z]{3}\s|\s[A-Z]{3}$/.test(v));
    return money ? "currency" : "number";
  }
  if (values.every((v) => /^(https?:\/\/|www\.)\S+$/i.test(v))) return "url";
  return values.some((v) => v.includes("\n") || v.length > 200) ? "textarea" : "text";
}

export interface MappingSuggestion {
  format: { id: string; label: string } | null;
  columns: ColumnSuggestion[];
  mapping: Record<string, string | null>;
  newCustomFields: NewCustomField[];
}

/**
 * Suggests a target for every column: the known export's own mapping first, then generic synonyms,
 * then an existing custom field with the same name or label, then a new custom field named after the
 * column. A column that maps to a field another column already took is ignored.
 */
export function suggestMapping(headers: string[], sampleRows: string[][], existing: ExistingCustomField[]): MappingSuggestion {
  const format = detectKnownFormat(headers);
  const byKey = new Map(existing.map((f) => [f.fieldName.toLowerCase(), f]));
  const byLabel = new Map(existing.map((f) => [normaliseHeader(f.label), f]));
  const taken = new Set<string>();
  const newCustomFields: NewCustomField[] = [];
  const normalised = headers.map(normaliseHeader);
  const hasSplitName = ["firstName", "lastName"].some((t) =>
    normalised.some((h) => (format?.columns[stripPrefix(h, format.prefix)] ?? genericSynonyms[h]) === t),
  );

  const allSamples = headers.map((_, index) => distinctSamples(sampleRows, index));
  const columns = headers.map((header, index): ColumnSuggestion => {
    const samples = allSamples[index]!;
    const name = normalised[index]!;
    const column = (target: string | null, reason: ColumnSuggestion["reason"]): ColumnSuggestion => {
      const shown = samples.slice(0, 5);
      if (target && target !== "tags" && taken.has(target)) return { index, header, target: null, reason, samples: shown };
      if (target) taken.add(target);
      return { index, header, target, reason, samples: shown };
    };
    if (format) {
      const key = stripPrefix(name, format.prefix);
      if (key in format.columns) return column(format.columns[key] ?? null, "known_format");
      if (format.ignore?.some((pattern) => pattern.test(key))) return column(null, "known_format");
    }
    const synonym = genericSynonyms[name] ?? (format?.prefix ? genericSynonyms[stripPrefix(name, format.prefix)] : undefined);
    if (synonym) {
      if (synonym === "fullName" && hasSplitName) return column(null, "synonym");
      return column(synonym, "synonym");
    }
    if (!name || AUTO_NAMED.test(name) || samples.length === 0) {
      const found = byLabel.get(name);
      if (found && samples.length > 0) return column(`${CUSTOM_PREFIX}${found.fieldName}`, "custom_field");
      return column(null, "empty");
    }
    const key = customFieldKey(stripPrefix(name, format?.prefix));
    const found = byKey.get(key.toLowerCase()) ?? byLabel.get(name);
    if (found) return column(`${CUSTOM_PREFIX}${found.fieldName}`, "custom_field");
    const suggestion = column(`${CUSTOM_PREFIX}${key}`, "new_custom_field");
    if (suggestion.target) newCustomFields.push({ key, label: header.trim(), fieldType: inferFieldType(key, samples) });
    return suggestion;
  });

  // Known formats name custom fields too ("customFields.birthday"); those still need creating.
  for (const c of columns) {
    if (!c.target?.startsWith(CUSTOM_PREFIX) || c.reason === "new_custom_field" || c.reason === "custom_field") continue;
    const key = c.target.slice(CUSTOM_PREFIX.length);
    const found = byKey.get(key.toLowerCase());
    if (found) c.target = `${CUSTOM_PREFIX}${found.fieldName}`;
    else if (!newCustomFields.some((f) => f.key === key)) newCustomFields.push({ key, label: c.header.replace(/^Person - /, "").trim(), fieldType: inferFieldType(key, allSamples[c.index]!) });
  }

  return {
    format: format ? { id: format.id, label: format.label } : null,
    columns,
    mapping: Object.fromEntries(columns.map((c) => [c.header, c.target])),
    newCustomFields,
  };
}

function stripPrefix(name: string, prefix: string | undefined): string {
  return prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

function distinctSamples(rows: string[][], index: number, limit = 200): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = row[index]?.trim();
    if (value) seen.add(value);
    if (seen.size >= limit) break;
  }
  return [...seen];
}
