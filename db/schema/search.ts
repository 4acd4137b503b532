import { customType, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaceId } from "./columns";
import { contacts } from "./contacts";
import { recordSourceEnum } from "./enums";

/** PostgreSQL's `tsvector`; written only by the database (see the `search` migration), read as text. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One row per live contact, kept by statement-level triggers on contacts, notes and contact_tags (the
 * `search` migration), so every writer (service, import, bulk job, SQL) keeps search current without
 * calling anything. A separate table keeps contacts narrow and lets a facet count read one small row
 * per match instead of joining contacts and contact_tags.
 */
export const contactSearch = pgTable(
  "contact_search",
  {
    workspaceId: workspaceId(),
    contactId: uuid().notNull(),
    /** First and last name only: the index that ranks name matches first on broad queries. */
    names: tsvector().notNull(),
    /** Weighted: names A, email, company and phones B, title and department C, notes and custom text fields D. */
    document: tsvector().notNull(),
    /** Copies for facet counts. */
    company: text(),
    source: recordSourceEnum().notNull(),
    tagIds: uuid().array().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId] }),
    foreignKey({ name: "contact_search_contact_fk", columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    // A bounded pending list: without autovacuum (PGlite has none) GIN's fast-update list only grows,
    // and every search reads all of it (measured: the whole dictionary index sat in it, unused).
    index("contact_search_names_idx").using("gin", t.names).with({ gin_pending_list_limit: 256 }),
    index("contact_search_document_idx").using("gin", t.document).with({ gin_pending_list_limit: 256 }),
  ],
);

/**
 * Distinct normalised words of names and companies per workspace: the small dictionary that typo
 * correction searches by trigram similarity instead of trigram-scanning a million contacts.
 */
export const searchTerms = pgTable(
  "search_terms",
  {
    workspaceId: workspaceId(),
    term: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.term] }),
    // Written rarely (new words only): straight into the index, so lookups never scan a pending list.
    index("search_terms_trgm_idx").using("gin", t.term.op("gin_trgm_ops")).with({ fastupdate: false }),
  ],
);

/**
 * Contacts whose embedding text may have changed, filled by triggers (only where pgvector is installed)
 * and drained by the embedding jobs; a contact edited five times in a minute is embedded once.
 */
export const contactEmbeddingQueue = pgTable(
  "contact_embedding_queue",
  {
    workspaceId: workspaceId(),
    contactId: uuid().notNull(),
    queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId] }),
    foreignKey({ name: "contact_embedding_queue_contact_fk", columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
  ],
);
