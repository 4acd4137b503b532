import { lifecycleLabels, sourceOptions } from "../fields";
import { formatDateTime, formatDay, formatMoney } from "../format";
import type { CustomFieldDefinition } from "../types";

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export type Definitions = ReadonlyMap<string, Pick<CustomFieldDefinition, "label" | "options">>;

// Enum values are stored as codes ("opportunity"); history shows them as the form does.
const valueLabels: Record<string, Record<string, string>> = {
  lifecycleStage: lifecycleLabels,
  source: Object.fromEntries(sourceOptions.map((option) => [option.value, option.label])),
};

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value as object).length === 0;
}

function isMoney(value: unknown): value is { amount: number; currency: string } {
  return typeof value === "object" && value !== null && typeof (value as { amount?: unknown }).amount === "number" && typeof (value as { currency?: unknown }).currency === "string";
}

/** How a stored value reads to a person: option labels for selects, money as money, dates as dates. */
export function describeValue(field: string, value: unknown, definitions: Definitions): string {
  const definition = field.startsWith("customFields.") ? definitions.get(field.slice("customFields.".length)) : undefined;
  const optionLabel = (item: unknown) => definition?.options.find((option) => option.value === item)?.label ?? String(item);
  if (typeof value === "string") {
    if (valueLabels[field]?.[value]) return valueLabels[field][value]!;
    if (definition && definition.options.length > 0) return optionLabel(value);
    if (isoDateTime.test(value)) return formatDateTime(value);
    if (isoDay.test(value)) return formatDay(value);
    return value;
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(optionLabel).join(", ");
  if (isMoney(value)) return formatMoney(value.amount, value.currency);
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}
