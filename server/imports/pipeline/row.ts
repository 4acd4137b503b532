import type { CountryCode } from "libphonenumber-js";
import { lifecycleStages, type CustomFieldType, type ImportIssueSeverity, type LifecycleStage } from "@/db/schema";
import { createContactSchema, emailSchema, normalizePhone, urlSchema, type CreateContactInput } from "@/server/contacts/schemas";
import { CUSTOM_PREFIX, type StandardTarget } from "./mapping";
import type { FileRow } from "./reader";
import { countryCodeOf, parseBoolean, parseDate, parseNumber, splitFullName, splitTags, toTimestamp, type DecimalSeparator } from "./values";

export interface ImportIssue {
  row: number;
  line: number;
  field: string;
  severity: ImportIssueSeverity;
  code: "missing_required" | "invalid_value" | "duplicate" | "conflict";
  error: string;
}

export interface FieldDefinition {
  fieldType: CustomFieldType;
  required: boolean;
  options: { value: string; label: string }[];
}

/** A mapping compiled against the workspace's custom fields and the file's number formats. JSON-safe. */
export interface RowPlan {
  columns: { index: number; target: string }[];
  customFields: Record<string, FieldDefinition>;
  /** Per column index, for number and money cells. */
  decimal: Record<number, DecimalSeparator>;
  defaultCountry: CountryCode;
}

/** The contact columns a row sets; absent keys are left as they are on an existing contact. */
export type ContactValues = Omit<CreateContactInput, "customFields" | "source" | "sourceDetails" | "ownerId" | "companyId"> & {
  customFields: Record<string, unknown>;
};

export type RowResult =
  | { ok: true; row: number; line: number; values: ContactValues; tags: string[]; warnings: ImportIssue[] }
  | { ok: false; row: number; line: number; errors: ImportIssue[]; warnings: ImportIssue[] };

const lifecycleAliases: Record<string, LifecycleStage> = {
  subscriber: "lead", lead: "lead", "marketing qualified lead": "MQL", mql: "MQL", "sales qualified lead": "SQL", sql: "SQL",
  opportunity: "opportunity", customer: "customer", evangelist: "evangelist",
};

function matchLifecycle(raw: string): LifecycleStage | undefined {
  const key = raw.trim().toLowerCase();
  return lifecycleAliases[key] ?? lifecycleStages.find((s) => s.toLowerCase() === key);
}

function matchOption(options: FieldDefinition["options"], raw: string): string | undefined {
  const key = raw.trim().toLowerCase();
  return options.find((o) => o.value.toLowerCase() === key || o.label.toLowerCase() === key)?.value;
}

/** A custom field value normalised to its type, or the reason it cannot be. */
export function normaliseCustomValue(
  definition: FieldDefinition,
  raw: string,
  context: { decimal: DecimalSeparator; country: CountryCode },
): { value: unknown } | { error: string } {
  switch (definition.fieldType) {
    case "text":
      return raw.length > 2000 ? { error: "must be at most 2000 characters" } : { value: raw };
    case "textarea":
      return raw.length > 20000 ? { error: "must be at most 20000 characters" } : { value: raw };
    case "number":
    case "currency": {
      const number = parseNumber(raw, context.decimal);
      return number === null ? { error: `"${raw}" is not a number` } : { value: number };
    }
    case "date": {
      const date = parseDate(raw);
      return date ? { value: date.date } : { error: `"${raw}" is not a date (use YYYY-MM-DD, M/D/YYYY, DD.MM.YYYY or 09 Apr 2022)` };
    }
    case "datetime": {
      const date = parseDate(raw);
      return date ? { value: toTimestamp(date).toISOString() } : { error: `"${raw}" is not a date and time` };
    }
    case "boolean": {
      const value = parseBoolean(raw);
      return value === null ? { error: `"${raw}" is not yes or no` } : { value };
    }
    case "select": {
      const value = matchOption(definition.options, raw);
      return value ? { value } : { error: `"${raw}" is not one of ${definition.options.map((o) => o.label).join(", ")}` };
    }
    case "multiselect": {
      const values = raw.split(/[;,]/).map((v) => v.trim()).filter(Boolean);
      const matched = values.map((v) => matchOption(definition.options, v));
      const unknown = values.filter((_, i) => !matched[i]);
      return unknown.length ? { error: `"${unknown.join(", ")}" not among the options` } : { value: matched };
    }
    case "url": {
      const parsed = urlSchema.safeParse(raw);
      return parsed.success ? { value: parsed.data } : { error: "must be a valid URL" };
    }
    case "email": {
      const parsed = emailSchema.safeParse(raw);
      return parsed.success ? { value: parsed.data } : { error: "must be a valid email address" };
    }
    case "phone": {
      const value = raw.replace(/^'/, "");
      return /\d/.test(value) ? { value: normalizePhone(value, context.country) } : { error: "must contain digits" };
    }
  }
}

/**
 * One file row → contact values, through the API's own `createContactSchema`. Email problems and
 * missing required custom fields reject the row; any other bad value is dropped with a warning so one
 * malformed fax number never loses a contact.
 */
export function processRow(plan: RowPlan, fileRow: FileRow): RowResult {
  const { row, line } = fileRow;
  const warnings: ImportIssue[] = [];
  const errors: ImportIssue[] = [];
  const issue = (field: string, severity: ImportIssueSeverity, code: ImportIssue["code"], error: string) => ({ row, line, field, severity, code, error });
  const raw = new Map<string, string>();
  const rawColumn = new Map<string, number>();
  let tags: string[] = [];
  for (const { index, target } of plan.columns) {
    const value = fileRow.cells[index]?.trim() ?? "";
    if (!value) continue;
    if (target === "tags") tags = tags.concat(splitTags(value));
    else if (!raw.has(target)) {
      raw.set(target, value);
      rawColumn.set(target, index);
    }
  }

  const email = raw.get("email");
  if (!email) {
    errors.push(issue("email", "error", "missing_required", "email: is required"));
  }
  const country = countryCodeOf(raw.get("country") ?? "") ?? plan.defaultCountry;
  const candidate: Record<string, unknown> = {};
  const phones: Record<string, string> = {};
  for (const [target, value] of raw) {
    if (target.startsWith(CUSTOM_PREFIX)) continue;
    const field = target as StandardTarget;
    switch (field) {
      case "fullName":
        break;
      case "phone":
      case "mobile": {
        // phoneSchema's rules, normalised once with the row's country rather than the API's default.
        const phone = value.replace(/^'/, "").trim();
        if (phone.length > 64) warnings.push(issue(field, "warning", "invalid_value", `${field}: must be at most 64 characters`));
        else if (!/\d/.test(phone)) warnings.push(issue(field, "warning", "invalid_value", `${field}: must contain digits`));
        else phones[field] = normalizePhone(phone, country);
        break;
      }
      case "score": {
        const number = parseNumber(value, plan.decimal[rawColumn.get(field)!] ?? ".");
        if (number === null) warnings.push(issue(field, "warning", "invalid_value", `${field}: "${value}" is not a number`));
        else candidate.score = Math.round(number);
        break;
      }
      case "lifecycleStage": {
        const stage = matchLifecycle(value);
        if (stage) candidate.lifecycleStage = stage;
        else warnings.push(issue(field, "warning", "invalid_value", `${field}: "${value}" is not one of ${lifecycleStages.join(", ")}`));
        break;
      }
      case "lastActivityAt":
      case "lastContactedAt": {
        const date = parseDate(value);
        if (date) candidate[field] = toTimestamp(date);
        else warnings.push(issue(field, "warning", "invalid_value", `${field}: "${value}" is not a date`));
        break;
      }
      default:
        candidate[field] = value;
    }
  }
  const fullName = raw.get("fullName");
  if (fullName && !raw.has("firstName") && !raw.has("lastName")) {
    const { firstName, lastName } = splitFullName(fullName);
    if (firstName) candidate.firstName = firstName;
    if (lastName) candidate.lastName = lastName;
  }

  const customFields: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(plan.customFields)) {
    const target = `${CUSTOM_PREFIX}${key}`;
    const value = raw.get(target);
    const field = target;
    if (!value) {
      if (definition.required) errors.push(issue(field, "error", "missing_required", `${field}: is required`));
      continue;
    }
    const normalised = normaliseCustomValue(definition, value, { decimal: plan.decimal[rawColumn.get(target)!] ?? ".", country });
    if ("value" in normalised) customFields[key] = normalised.value;
    else if (definition.required) errors.push(issue(field, "error", "invalid_value", `${field}: ${normalised.error}`));
    else warnings.push(issue(field, "warning", "invalid_value", `${field}: ${normalised.error}`));
  }

  candidate.email = email ?? "";
  for (let attempt = 0; attempt < 8; attempt++) {
    const parsed = createContactSchema.safeParse(candidate);
    if (parsed.success) {
      if (errors.length > 0) return { ok: false, row, line, errors, warnings };
      const values: Record<string, unknown> = { customFields, ...phones };
      for (const [key, value] of Object.entries(parsed.data)) if (value !== null && value !== undefined) values[key] = value;
      return { ok: true, row, line, values: values as ContactValues, tags, warnings };
    }
    const fields = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "input")));
    for (const field of fields) {
      const message = parsed.error.issues.find((i) => String(i.path[0]) === field)?.message ?? "is invalid";
      if (field === "email") {
        if (email) errors.push(issue("email", "error", "invalid_value", `email: ${message} ("${email}")`));
        return { ok: false, row, line, errors, warnings };
      }
      warnings.push(issue(field, "warning", "invalid_value", `${field}: ${message}`));
      delete candidate[field];
    }
  }
  errors.push(issue("input", "error", "invalid_value", "row could not be validated"));
  return { ok: false, row, line, errors, warnings };
}
