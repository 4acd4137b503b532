import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";
import { contacts } from "./contacts";
import { objectTypeEnum } from "./custom-fields";

/** A filter tree as stored: `{and: [...]}`, `{or: [...]}` or a leaf `{field, operator, value}`. */
export type StoredFilter = Record<string, unknown>;
export interface StoredSort {
  field: string;
  direction: "asc" | "desc";
}

export const segments = pgTable(
  "segments",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    description: text(),
    criteria: jsonb().$type<StoredFilter>().notNull().default({}),
    isDynamic: boolean().notNull().default(true),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const segmentMembers = pgTable(
  "segment_members",
  {
    workspaceId: workspaceId(),
    segmentId: uuid().notNull(),
    contactId: uuid().notNull(),
    addedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.segmentId, t.contactId] }),
    foreignKey({ name: "segment_members_segment_fk", columns: [t.workspaceId, t.segmentId], foreignColumns: [segments.workspaceId, segments.id] }).onDelete("cascade"),
    foreignKey({ name: "segment_members_contact_fk", columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    index("segment_members_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

export const viewVisibilities = ["private", "shared"] as const;
export const viewVisibilityEnum = pgEnum("view_visibility", viewVisibilities);

export const savedViews = pgTable(
  "saved_views",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    objectType: objectTypeEnum().notNull().default("contact"),
    name: text().notNull(),
    filters: jsonb().$type<StoredFilter | null>(),
    columns: jsonb().$type<string[]>().notNull().default([]),
    sortBy: jsonb().$type<StoredSort[]>().notNull().default([]),
    isDefault: boolean().notNull().default(false),
    visibility: viewVisibilityEnum().notNull().default("private"),
    ownerId: text().notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("saved_views_owner_idx").on(t.workspaceId, t.ownerId),
    // One default view per user and object type; the database, not a read-then-write, guarantees it.
    uniqueIndex("saved_views_default_idx").on(t.workspaceId, t.ownerId, t.objectType).where(sql`is_default`),
  ],
);
