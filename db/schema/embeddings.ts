import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid, vector } from "drizzle-orm/pg-core";
import { workspaceId } from "./columns";
import { contacts } from "./contacts";

export const EMBEDDING_DIMENSIONS = 512;

// Needs pgvector. The migrator skips this table (with a notice) on a PostgreSQL without the extension
// and applies it later once the extension is installed; semantic search checks for it at run time.
export const contactEmbeddings = pgTable(
  "contact_embeddings",
  {
    workspaceId: workspaceId(),
    contactId: uuid().notNull(),
    model: text().notNull(),
    /** Hash of the text that was embedded, so an unchanged contact is never embedded twice. */
    contentHash: text().notNull(),
    embedding: vector({ dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.model] }),
    foreignKey({ name: "contact_embeddings_contact_fk", columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    index("contact_embeddings_hnsw_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
  ],
);
