import type { CustomFieldOption, CustomFieldType } from "@/db/schema";
import { emailSchema, normalizePhone, urlSchema } from "../contacts/schemas";

/**
 * Custom field values checked against their definitions — the one validator every write path calls
 * (contacts.create/update, bulk edits, imports). Pure: it takes the definitions, never a database.
 *
 * Stored forms (what filters, sorts and the expression indexes read; see sql.ts):
 * text/textarea/url/email/phone → string; number → JSON number; currency → {amount, currency};
 * date → "YYYY-MM-DD"; datetime → UTC ISO string; boolean → true/false; select → an option value;
 * multiselect → array of option values.
 */
export interface CustomFieldDefinitionLike {
  fieldName: string;
  label: string;
  fieldType: CustomFieldType;
  required: boolean;
  options: CustomFieldOption[];
  currency: string | null;
  archivedAt: Date | null;
}

export interface CurrencyValue {
  amount: number;
  currency: string;
}
export type CustomFieldValue = string | number | boolean | string[] | CurrencyValue;

export interface CustomFieldError {
  /** `customFields.budget` */
  field: string;
  /** `expected a number` */
  message: string;
}

export type CustomFieldValidation =
  | { ok: true; values: Record<string, CustomFieldValue | null> }
  | { ok: false; errors: CustomFieldError[] };

export interface ValidateOptions {
  /**
   * Partial (an update): only the keys given are checked, `null` clears a key (refused for required
   * fields). Full (a create, an import row): required fields must be present; empty values are dropped.
   */
  partial: boolean;
}

const MAX_TEXT = { text: 1_000, textarea: 20_000 } as const;
const DEFAULT_CURRENCY = "USD";
const CURRENCY_CODE = /^[A-Z]{3}$/;
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;
const CURRENCY_SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };

type Outcome = { value: CustomFieldValue } | { error: string };

export function formatCustomFieldErrors(errors: CustomFieldError[]): string {
  return errors.map((error) => `${error.field}: ${error.message}`).join("; ");
}

function parseNumber(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  if (text === "" || !NUMBER_TEXT.test(text) || text === "+" || text === "-") return null;
  const value = Number(text.replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}

function normaliseCurrency(raw: unknown, fallback: string): Outcome {
  const invalid = { error: "expected an amount (a number, or {amount, currency})" };
  let amount: number | null = null;
  let currency = fallback;
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const record = raw as Record<string, unknown>;
    amount = parseNumber(record.amount);
    if (record.currency !== undefined && record.currency !== null) {
      if (typeof record.currency !== "string") return { error: "expected a 3-letter currency code" };
      currency = record.currency.trim().toUpperCase();
    }
  } else if (typeof raw === "string") {
    // "$1,200.50", "1200 EUR", "EUR 1200"
    let text = raw.trim();
    const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => text.startsWith(s) || text.endsWith(s));
    if (symbol) {
      currency = CURRENCY_SYMBOLS[symbol]!;
      text = text.replace(symbol, "").trim();
    }
    const code = /^([A-Za-z]{3})\s*(.+)$/.exec(text) ?? /^(.+?)\s*([A-Za-z]{3})$/.exec(text);
    if (code) {
      const [codePart, numberPart] = /^[A-Za-z]{3}$/.test(code[1]!) ? [code[1]!, code[2]!] : [code[2]!, code[1]!];
      currency = codePart.toUpperCase();
      text = numberPart.trim();
    }
    amount = parseNumber(text);
  } else {
    amount = parseNumber(raw);
  }
  if (amount === null) return invalid;
  if (!CURRENCY_CODE.test(currency)) return { error: "expected a 3-letter currency code" };
  if (Math.abs(amount) >= 1e15) return { error: "is too large" };
  return { value: { amount: Math.round(amount * 1e6) / 1e6, currency } };
}

function isValidDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function normaliseDate(raw: unknown): Outcome {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { value: raw.toISOString().slice(0, 10) };
  if (typeof raw === "string") {
    const text = raw.trim();
    if (isValidDay(text)) return { value: text };
    // An ISO date-time names its UTC day.
    if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return { value: new Date(text).toISOString().slice(0, 10) };
  }
  return { error: "expected a date (YYYY-MM-DD)" };
}

function normaliseDatetime(raw: unknown): Outcome {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { value: raw.toISOString() };
  if (typeof raw === "string") {
    const text = raw.trim();
    if (isValidDay(text)) return { value: `${text}T00:00:00.000Z` };
    const match = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
    if (match) {
      const iso = text.replace(" ", "T") + (match[3] ? "" : "Z");
      const time = Date.parse(iso);
      if (!Number.isNaN(time)) return { value: new Date(time).toISOString() };
    }
  }
  return { error: "expected a date and time (ISO 8601)" };
}

function normaliseBoolean(raw: unknown): Outcome {
  if (typeof raw === "boolean") return { value: raw };
  if (raw === 1 || raw === 0) return { value: raw === 1 };
  if (typeof raw === "string") {
    const text = raw.trim().toLowerCase();
    if (["true", "yes", "y", "1"].includes(text)) return { value: true };
    if (["false", "no", "n", "0"].includes(text)) return { value: false };
  }
  return { error: "expected true or false" };
}

function matchOption(options: CustomFieldOption[], raw: unknown): string | null {
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const text = String(raw).trim().toLowerCase();
  // Exact value first; then a case-insensitive value or label, which is what a CSV column holds.
  const exact = options.find((option) => option.value === String(raw).trim());
  if (exact) return exact.value;
  return options.find((option) => option.value.toLowerCase() === text || option.label.toLowerCase() === text)?.value ?? null;
}

function describeOptions(options: CustomFieldOption[]): string {
  const values = options.map((option) => option.value);
  return values.length > 10 ? `${values.slice(0, 10).join(", ")}, …` : values.join(", ");
}

function normaliseText(raw: unknown, max: number): Outcome {
  if (typeof raw === "number" && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== "string") return { error: "expected text" };
  const text = raw.trim();
  if (text.length > max) return { error: `must be at most ${max} characters` };
  return { value: text };
}

function normaliseValue(definition: CustomFieldDefinitionLike, raw: unknown): Outcome {
  switch (definition.fieldType) {
    case "text": return normaliseText(raw, MAX_TEXT.text);
    case "textarea": return normaliseText(raw, MAX_TEXT.textarea);
    case "number": {
      const value = parseNumber(raw);
      return value === null ? { error: "expected a number" } : { value };
    }
    case "currency": return normaliseCurrency(raw, definition.currency ?? DEFAULT_CURRENCY);
    case "date": return normaliseDate(raw);
    case "datetime": return normaliseDatetime(raw);
    case "boolean": return normaliseBoolean(raw);
    case "select": {
      const value = matchOption(definition.options, raw);
      return value === null ? { error: `expected one of ${describeOptions(definition.options)}` } : { value };
    }
    case "multiselect": {
      const items = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[;,]/).map((s) => s.trim()).filter(Boolean) : null;
      if (!items) return { error: `expected a list of ${describeOptions(definition.options)}` };
      const values: string[] = [];
      for (const item of items) {
        const value = matchOption(definition.options, item);
        if (value === null) return { error: `"${String(item)}" is not one of ${describeOptions(definition.options)}` };
        if (!values.includes(value)) values.push(value);
      }
      return { value: values };
    }
    case "url": {
      const parsed = urlSchema.safeParse(typeof raw === "string" ? raw : undefined);
      return parsed.success && parsed.data ? { value: parsed.data } : { error: "expected a URL" };
    }
    case "email": {
      const parsed = emailSchema.safeParse(raw);
      return parsed.success ? { value: parsed.data } : { error: "expected an email address" };
    }
    case "phone": {
      if (typeof raw !== "string" && typeof raw !== "number") return { error: "expected a phone number" };
      const text = String(raw).trim();
      if (!/\d/.test(text) || text.length > 64) return { error: "expected a phone number" };
      return { value: normalizePhone(text) };
    }
  }
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

/** Checks `values` against `definitions` (pass archived ones too: writing to them is refused by name). */
export function validateCustomFieldValues(
  definitions: readonly CustomFieldDefinitionLike[],
  values: Record<string, unknown>,
  options: ValidateOptions,
): CustomFieldValidation {
  const byName = new Map(definitions.map((definition) => [definition.fieldName, definition]));
  const errors: CustomFieldError[] = [];
  const normalised: Record<string, CustomFieldValue | null> = {};

  for (const [name, raw] of Object.entries(values)) {
    const field = `customFields.${name}`;
    const definition = byName.get(name);
    if (!definition) {
      errors.push({ field, message: "is not a custom field of this workspace; an admin defines fields first" });
      continue;
    }
    if (definition.archivedAt) {
      errors.push({ field, message: "this field is archived; an admin can restore it" });
      continue;
    }
    if (isBlank(raw)) {
      if (definition.required) errors.push({ field, message: "is required" });
      else if (options.partial) normalised[name] = null;
      continue;
    }
    const outcome = normaliseValue(definition, raw);
    if ("error" in outcome) errors.push({ field, message: outcome.error });
    else normalised[name] = outcome.value;
  }

  if (!options.partial) {
    for (const definition of definitions) {
      if (definition.required && !definition.archivedAt && !Object.hasOwn(values, definition.fieldName)) {
        errors.push({ field: `customFields.${definition.fieldName}`, message: "is required" });
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: normalised };
}
