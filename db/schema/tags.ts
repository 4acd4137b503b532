import { sql } from "drizzle-orm";
import { foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";
import { companies } from "./companies";
import { contacts } from "./contacts";

export const tags = pgTable(
  "tags",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    color: text().notNull().default("#64748b"),
    description: text(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("tags_name_idx").on(t.workspaceId, sql`lower(name)`),
  ],
);

// The spec's `contact.tags: string[]` is served from this link table, so a tag rename or merge is one row update.
export const contactTags = pgTable(
  "contact_tags",
  {
    workspaceId: workspaceId(),
    contactId: uuid().notNull(),
    tagId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.tagId] }),
    foreignKey({ name: "contact_tags_contact_fk", columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    foreignKey({ name: "contact_tags_tag_fk", columns: [t.workspaceId, t.tagId], foreignColumns: [tags.workspaceId, tags.id] }).onDelete("cascade"),
    index("contact_tags_tag_idx").on(t.workspaceId, t.tagId, t.contactId),
  ],
);

export const companyTags = pgTable(
  "company_tags",
  {
    workspaceId: workspaceId(),
    companyId: uuid().notNull(),
    tagId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.companyId, t.tagId] }),
    foreignKey({ name: "company_tags_company_fk", columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }).onDelete("cascade"),
    foreignKey({ name: "company_tags_tag_fk", columns: [t.workspaceId, t.tagId], foreignColumns: [tags.workspaceId, tags.id] }).onDelete("cascade"),
    index("company_tags_tag_idx").on(t.workspaceId, t.tagId, t.companyId),
  ],
);
