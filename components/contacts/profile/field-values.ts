import type { CustomFieldDefinition } from "../types";
import type { InlineFieldKind } from "./inline-field";

const pad = (n: number) => String(n).padStart(2, "0");

/** A Date as the value of an <input type="datetime-local">, in the browser's time zone. */
export function toDateTimeLocal(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Turns what the input holds into what the API takes; an emptied field becomes null (cleared). */
export function parseInput(kind: InlineFieldKind, text: string): Parsed {
  const trimmed = text.trim();
  switch (kind) {
    case "number": {
      if (trimmed === "") return { ok: true, value: null };
      const number = Number(trimmed);
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, error: "Must be a number" };
    }
    case "datetime": {
      if (trimmed === "") return { ok: true, value: null };
      const date = new Date(trimmed);
      return Number.isNaN(date.getTime()) ? { ok: false, error: "Must be a date and time" } : { ok: true, value: date };
    }
    case "checkbox":
      return { ok: true, value: trimmed === "true" };
    default:
      return { ok: true, value: trimmed === "" ? null : trimmed };
  }
}

export function customFieldKind(fieldType: CustomFieldDefinition["fieldType"]): InlineFieldKind {
  switch (fieldType) {
    case "number":
    case "currency":
      return "number";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "boolean":
      return "checkbox";
    case "select":
      return "select";
    case "textarea":
      return "textarea";
    case "url":
      return "url";
    case "email":
      return "email";
    case "phone":
      return "tel";
    default:
      return "text";
  }
}

type DefinitionShape = Pick<CustomFieldDefinition, "fieldType"> & Partial<Pick<CustomFieldDefinition, "options" | "currency">>;

function optionLabel(definition: DefinitionShape, value: string): string {
  return definition.options?.find((option) => option.value === value)?.label ?? value;
}

/**
 * A stored custom value as its input shows it. Stored forms follow server/custom-fields/validate.ts:
 * currency is {amount, currency}, dates "YYYY-MM-DD", datetimes UTC ISO, multiselect an array of option values.
 */
export function customValueToText(definition: DefinitionShape, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (definition.fieldType) {
    case "boolean":
      return value === true || value === "true" ? "true" : "false";
    case "multiselect":
      // Edited as the labels people read; the server matches labels as well as values.
      return Array.isArray(value) ? value.map((item) => optionLabel(definition, String(item))).join(", ") : String(value);
    case "currency":
      return typeof value === "object" && value !== null && "amount" in value ? String((value as { amount: unknown }).amount) : String(value);
    case "date":
      return String(value).slice(0, 10);
    case "datetime":
      return toDateTimeLocal(String(value));
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** The currency a currency field's value is in: the stored one, else the definition's default. */
export function currencyOf(definition: DefinitionShape, value: unknown): string {
  if (typeof value === "object" && value !== null && typeof (value as { currency?: unknown }).currency === "string") {
    return (value as { currency: string }).currency;
  }
  return definition.currency ?? "USD";
}

/** The value sent for what the input holds (the server validates and normalises it); null clears the key. */
export function customTextToValue(definition: DefinitionShape, text: string, stored?: unknown): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  switch (definition.fieldType) {
    case "multiselect":
      return { ok: true, value: trimmed.split(",").map((item) => item.trim()).filter(Boolean) };
    case "currency": {
      const parsed = parseInput("number", trimmed);
      return parsed.ok ? { ok: true, value: { amount: parsed.value, currency: currencyOf(definition, stored) } } : parsed;
    }
    case "datetime": {
      const parsed = parseInput("datetime", trimmed);
      return parsed.ok && parsed.value instanceof Date ? { ok: true, value: parsed.value.toISOString() } : parsed;
    }
    case "boolean":
      return { ok: true, value: trimmed === "true" };
    default:
      return parseInput(customFieldKind(definition.fieldType), trimmed);
  }
}
