import { and, asc, eq } from "drizzle-orm";
import { contacts, contactTags } from "@/db/schema";
import type { Database } from "@/db/types";

/** Inserts `count` contacts straight into the table; `shape(i)` sets any columns per row. */
export async function seedContacts(db: Database, workspaceId: string, count: number, shape: (i: number) => Partial<typeof contacts.$inferInsert> = () => ({})) {
  const rows = Array.from({ length: count }, (_, i) => ({ workspaceId, email: `c${i}-${crypto.randomUUID().slice(0, 8)}@bulk.test`, firstName: `First${i}`, ...shape(i) }));
  const inserted: Array<typeof contacts.$inferSelect> = [];
  for (let start = 0; start < rows.length; start += 500) {
    inserted.push(...(await db.insert(contacts).values(rows.slice(start, start + 500)).returning()));
  }
  return inserted;
}

/** Every contact of the workspace with its tag ids, ordered, without updatedAt (which an undo moves on). */
export async function dumpContacts(db: Database, workspaceId: string) {
  const rows = await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(asc(contacts.id));
  const links = await db.select().from(contactTags).where(and(eq(contactTags.workspaceId, workspaceId))).orderBy(asc(contactTags.contactId), asc(contactTags.tagId));
  return {
    contacts: rows.map(({ updatedAt: _updatedAt, ...rest }) => rest),
    tags: links.map((link) => `${link.contactId}:${link.tagId}`),
  };
}
