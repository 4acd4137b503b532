import { Check } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { FilterField } from "@/components/filters/types";
import { formatDateTime, formatDay, formatMoney, numberFormat } from "../format";
import { currencyOf, customFieldKind, customTextToValue, customValueToText } from "../profile/field-values";
import type { CellEditor } from "./editable-cell";

/** A live custom field as the table knows it (from filters.filterFields, group "custom"). */
export type CustomFieldColumn = FilterField & { fieldType: NonNullable<FilterField["fieldType"]> };

export const empty = <span className="text-muted-foreground/60">—</span>;

export function isCustomFieldColumn(field: FilterField | undefined): field is CustomFieldColumn {
  return !!field && field.group === "custom" && field.fieldType !== null;
}

const definitionOf = (field: CustomFieldColumn) => ({ fieldType: field.fieldType, options: field.options ?? [], currency: field.currency });

function optionLabel(field: CustomFieldColumn, value: string): string {
  return field.options?.find((option) => option.value === value)?.label ?? value;
}

/** A stored custom value as a cell shows it (stored forms: server/custom-fields/validate.ts). */
export function renderCustomValue(field: CustomFieldColumn, value: unknown): ReactNode {
  if (value === null || value === undefined || value === "") return empty;
  switch (field.fieldType) {
    case "boolean":
      return value === true ? <Check aria-label="Yes" className="size-3.5" /> : <span className="text-muted-foreground">No</span>;
    case "number":
      return typeof value === "number" ? numberFormat.format(value) : String(value);
    case "currency": {
      const amount = typeof value === "object" && value !== null ? Number((value as { amount?: unknown }).amount) : Number(value);
      return Number.isFinite(amount) ? formatMoney(amount, currencyOf(definitionOf(field), value)) : String(value);
    }
    case "date":
      return formatDay(String(value));
    case "datetime":
      return formatDateTime(String(value));
    case "select":
      return <Badge>{optionLabel(field, String(value))}</Badge>;
    case "multiselect":
      return Array.isArray(value) ? (
        <span className="flex gap-1">
          {value.map((item) => (
            <Badge key={String(item)}>{optionLabel(field, String(item))}</Badge>
          ))}
        </span>
      ) : (
        String(value)
      );
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

export function customEditor(field: CustomFieldColumn): CellEditor {
  const options = (field.options ?? []).map((option) => ({ value: option.value, label: option.label }));
  if (field.fieldType === "select") return { kind: "select", options, allowEmpty: true };
  if (field.fieldType === "multiselect") return { kind: "multiselect", options };
  const kind = customFieldKind(field.fieldType);
  return { kind: kind === "textarea" ? "text" : kind } as CellEditor;
}

/** The editor's starting value: option values for a multiselect, the input's text otherwise. */
export function customEditorValue(field: CustomFieldColumn, value: unknown): string | string[] {
  if (field.fieldType === "multiselect") return Array.isArray(value) ? value.map(String) : [];
  return customValueToText(definitionOf(field), value);
}

/** What contacts.update receives for the edited value; the server validates it against the definition. */
export function customPatchValue(field: CustomFieldColumn, next: string | string[], stored: unknown) {
  if (Array.isArray(next)) return { ok: true as const, value: next.length > 0 ? next : null };
  return customTextToValue(definitionOf(field), next, stored);
}
