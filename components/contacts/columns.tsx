"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { createDataTableColumnHelper, type ColumnChoice, type DataTableColumn } from "@/components/data-table";
import type { FilterField } from "@/components/filters/types";
import { ContactTags } from "@/components/tags/contact-tags";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { lifecycleLabels, lifecycleOptions, lifecycleTones, sourceOptions } from "./fields";
import { formatDate, formatRelative } from "./format";
import { parseInput, toDateTimeLocal } from "./profile/field-values";
import { EditableCell, type CellEditor } from "./table/editable-cell";
import {
  customEditor, customEditorValue, customPatchValue, empty, isCustomFieldColumn, renderCustomValue,
} from "./table/custom-field-cells";
import type { ContactListItem, ContactPatch } from "./types";

const column = createDataTableColumnHelper<ContactListItem>();

/** Saves one cell; resolves to the error to show in it, or null. */
export type SaveCell = (contact: ContactListItem, patch: ContactPatch, fieldKey: string) => Promise<string | null>;

interface StandardColumn {
  id: string;
  label: string;
  size: number;
  /** Server sort key; absent: the column does not sort. */
  sortField?: string;
  align?: "left" | "right";
  editor?: CellEditor;
  render?: (contact: ContactListItem) => ReactNode;
}

const time = (value: Date | null, relative: boolean) =>
  value ? (
    <time dateTime={value.toISOString()} title={value.toLocaleString()}>
      {relative ? formatRelative(value) : formatDate(value)}
    </time>
  ) : (
    empty
  );

const text = (id: string, label: string, size = 150, kind: "text" | "email" | "tel" | "url" = "text"): StandardColumn => ({
  id, label, size, sortField: id, editor: { kind },
});

/** Every standard column the table offers, in the order the column chooser lists them. */
export const standardColumns: readonly StandardColumn[] = [
  {
    id: "fullName", label: "Name", size: 240, sortField: "firstName",
    render: (contact) => (
      <Link href={`/contacts/${contact.id}`} className="flex min-w-0 items-center gap-2 font-medium text-foreground hover:underline" data-testid="contact-link">
        <Avatar name={contact.fullName} />
        <span className="truncate">{contact.fullName}</span>
      </Link>
    ),
  },
  text("email", "Email", 240, "email"),
  text("firstName", "First name", 140),
  text("lastName", "Last name", 140),
  text("company", "Company", 170),
  text("title", "Job title", 170),
  text("department", "Department", 140),
  text("phone", "Phone", 150, "tel"),
  text("mobile", "Mobile", 150, "tel"),
  {
    id: "lifecycleStage", label: "Stage", size: 130, sortField: "lifecycleStage",
    editor: { kind: "select", options: lifecycleOptions, allowEmpty: false },
    render: (contact) => <Badge tone={lifecycleTones[contact.lifecycleStage]}>{lifecycleLabels[contact.lifecycleStage]}</Badge>,
  },
  { id: "score", label: "Score", size: 90, sortField: "score", align: "right", editor: { kind: "number" } },
  {
    id: "source", label: "Source", size: 120, sortField: "source", editor: { kind: "select", options: sourceOptions, allowEmpty: false },
    render: (contact) => sourceOptions.find((option) => option.value === contact.source)?.label ?? contact.source,
  },
  {
    id: "tags", label: "Tags", size: 220,
    render: (contact) => <ContactTags contactId={contact.id} tags={contact.tags} compact />,
  },
  text("city", "City", 130),
  text("state", "State", 110),
  text("country", "Country", 120),
  text("postalCode", "Postal code", 110),
  text("website", "Website", 180, "url"),
  text("linkedinUrl", "LinkedIn", 180, "url"),
  text("twitterHandle", "Twitter / X", 130),
  {
    id: "lastActivityAt", label: "Last activity", size: 130, sortField: "lastActivityAt", editor: { kind: "datetime" },
    render: (contact) => time(contact.lastActivityAt, true),
  },
  {
    id: "lastContactedAt", label: "Last contacted", size: 130, sortField: "lastContactedAt", editor: { kind: "datetime" },
    render: (contact) => time(contact.lastContactedAt, true),
  },
  { id: "createdAt", label: "Created", size: 120, sortField: "createdAt", render: (contact) => time(contact.createdAt, false) },
  { id: "updatedAt", label: "Updated", size: 120, sortField: "updatedAt", render: (contact) => time(contact.updatedAt, true) },
];

const standardById = new Map(standardColumns.map((spec) => [spec.id, spec]));

/** The column chooser's list: standard columns, then live custom fields. */
export function contactColumnChoices(fields: readonly FilterField[]): ColumnChoice[] {
  return [
    ...standardColumns.map((spec) => ({ id: spec.id, label: spec.label, group: "Contact", isRequired: spec.id === "fullName" })),
    ...fields.filter(isCustomFieldColumn).map((field) => ({ id: field.key, label: field.label, group: "Custom fields" })),
  ];
}

export function columnLabel(id: string, fieldsByKey: ReadonlyMap<string, FilterField>): string {
  return standardById.get(id)?.label ?? fieldsByKey.get(id)?.label ?? id;
}

function standardValue(contact: ContactListItem, spec: StandardColumn): string {
  const value = (contact as Record<string, unknown>)[spec.id];
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return toDateTimeLocal(value);
  return String(value);
}

function standardDefinition(spec: StandardColumn, save: SaveCell): DataTableColumn<ContactListItem> {
  const editor = spec.editor;
  return column.display({
    id: spec.id,
    header: spec.label,
    size: spec.size,
    minSize: 60,
    meta: { label: spec.label, sortField: spec.sortField, align: spec.align, skeletonClassName: spec.size > 160 ? "w-32" : "w-16" },
    cell: ({ row }) => {
      const contact = row.original;
      const display = spec.render ? spec.render(contact) : standardValue(contact, spec) || empty;
      if (!editor) return display;
      return (
        <EditableCell
          label={spec.label}
          display={display}
          editor={editor}
          align={spec.align}
          value={standardValue(contact, spec)}
          onSave={async (next) => {
            const parsed = parseInput(editor.kind as Parameters<typeof parseInput>[0], String(next));
            if (!parsed.ok) return parsed.error;
            return save(contact, { [spec.id]: parsed.value } as ContactPatch, spec.id);
          }}
        />
      );
    },
  });
}

/**
 * Column definitions for the ids shown, in that order. Custom fields come from the field catalogue;
 * an id naming nothing known (an archived field in an old link) is skipped, and reported by `missing`.
 */
export function buildContactColumns(
  ids: readonly string[],
  fieldsByKey: ReadonlyMap<string, FilterField>,
  save: SaveCell,
): { columns: Array<DataTableColumn<ContactListItem>>; missing: string[] } {
  const columns: Array<DataTableColumn<ContactListItem>> = [];
  const missing: string[] = [];
  for (const id of ids) {
    const spec = standardById.get(id);
    if (spec) {
      columns.push(standardDefinition(spec, save));
      continue;
    }
    const field = fieldsByKey.get(id);
    if (!isCustomFieldColumn(field)) {
      missing.push(id);
      continue;
    }
    const fieldName = field.key.slice("customFields.".length);
    const editor = customEditor(field);
    columns.push(
      column.display({
        id: field.key,
        header: field.label,
        size: field.fieldType === "textarea" ? 240 : 160,
        minSize: 60,
        meta: {
          label: field.label,
          sortField: field.isSortable ? field.key : undefined,
          align: field.fieldType === "number" || field.fieldType === "currency" ? "right" : undefined,
          skeletonClassName: "w-16",
        },
        cell: ({ row }) => {
          const contact = row.original;
          const stored = contact.customFields[fieldName];
          return (
            <EditableCell
              label={field.label}
              display={renderCustomValue(field, stored)}
              editor={editor}
              align={field.fieldType === "number" || field.fieldType === "currency" ? "right" : undefined}
              value={customEditorValue(field, stored)}
              onSave={async (next) => {
                const parsed = customPatchValue(field, next, stored);
                if (!parsed.ok) return parsed.error;
                return save(contact, { customFields: { [fieldName]: parsed.value } }, field.key);
              }}
            />
          );
        },
      }),
    );
  }
  return { columns, missing };
}
