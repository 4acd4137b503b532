import { boolean, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, workspaceId } from "./columns";

export const customFieldTypes = [
  "text", "textarea", "number", "currency", "date", "datetime", "boolean",
  "select", "multiselect", "url", "email", "phone",
] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];
export const customFieldTypeEnum = pgEnum("custom_field_type", customFieldTypes);

export const objectTypes = ["contact", "company"] as const;
export type ObjectType = (typeof objectTypes)[number];
export const objectTypeEnum = pgEnum("object_type", objectTypes);

export interface CustomFieldOption {
  value: string;
  label: string;
  color?: string;
}

export const customFieldDefinitions = pgTable(
  "custom_field_definitions",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    objectType: objectTypeEnum().notNull(),
    /** Stable key inside `custom_fields` jsonb; never changes after creation, even when the label does. */
    fieldName: text().notNull(),
    label: text().notNull(),
    fieldType: customFieldTypeEnum().notNull(),
    required: boolean().notNull().default(false),
    options: jsonb().$type<CustomFieldOption[]>().notNull().default([]),
    /** Default currency code for `currency` fields. */
    currency: text(),
    position: integer().notNull().default(0),
    /** Deleting a definition archives it: values stay in the data, hidden, until it is restored. */
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("custom_field_definitions_name_idx").on(t.workspaceId, t.objectType, t.fieldName),
  ],
);
