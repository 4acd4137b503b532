import { and, desc, eq, isNull, sql } from "drizzle-orm";
import {
  activities, companies, contacts, contactTags, customFieldDefinitions, dealContacts, deals, emails, memberships, tags, users,
} from "@/db/schema";
import type { Executor } from "@/db/types";
import type { ContactCursor } from "./cursor";

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;

const scope = (workspaceId: string, id: string) => and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id));

export async function findContactById(db: Executor, params: { workspaceId: string; id: string; forUpdate?: boolean }) {
  const query = db.select().from(contacts).where(scope(params.workspaceId, params.id)).limit(1);
  const rows = params.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findActiveContactByEmail(db: Executor, params: { workspaceId: string; email: string }) {
  const rows = await db
    .select({ id: contacts.id, email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, params.workspaceId), eq(contacts.email, params.email), isNull(contacts.deletedAt)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertContact(db: Executor, values: NewContactRow) {
  const [row] = await db.insert(contacts).values(values).returning();
  return row!;
}

export async function updateContactRow(db: Executor, params: { workspaceId: string; id: string; values: Partial<NewContactRow> }) {
  const [row] = await db
    .update(contacts)
    .set({ ...params.values, updatedAt: new Date() })
    .where(scope(params.workspaceId, params.id))
    .returning();
  return row ?? null;
}

export async function findContactsPage(
  db: Executor,
  params: { workspaceId: string; first: number; after: ContactCursor | null; includeDeleted: boolean },
) {
  const conditions = [eq(contacts.workspaceId, params.workspaceId)];
  if (!params.includeDeleted) conditions.push(isNull(contacts.deletedAt));
  if (params.after) {
    // Row comparison matches the (workspace_id, created_at desc, id desc) index, so page 200 costs what page 1 does.
    conditions.push(sql`(${contacts.createdAt}, ${contacts.id}) < (${params.after.createdAt}::timestamptz, ${params.after.id}::uuid)`);
  }
  return db
    .select({ contact: contacts, cursorCreatedAt: sql<string>`${contacts.createdAt}::text` })
    .from(contacts)
    .where(and(...conditions))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(params.first + 1);
}

export async function countContacts(db: Executor, params: { workspaceId: string; includeDeleted: boolean }) {
  const conditions = [eq(contacts.workspaceId, params.workspaceId)];
  if (!params.includeDeleted) conditions.push(isNull(contacts.deletedAt));
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(and(...conditions));
  return row?.count ?? 0;
}

export async function findCompanyInWorkspace(db: Executor, params: { workspaceId: string; id: string }) {
  const rows = await db
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, params.workspaceId), eq(companies.id, params.id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function isWorkspaceMember(db: Executor, params: { workspaceId: string; userId: string }) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, params.workspaceId), eq(memberships.userId, params.userId)))
    .limit(1);
  return rows.length > 0;
}

export async function findContactProfileParts(db: Executor, params: { workspaceId: string; contact: ContactRow }) {
  const { workspaceId, contact } = params;
  const [company, tagRows, activityRows, dealRows, emailRows, definitions, owner] = await Promise.all([
    contact.companyId ? findCompanyInWorkspace(db, { workspaceId, id: contact.companyId }) : Promise.resolve(null),
    db
      .select({ id: tags.id, name: tags.name, color: tags.color })
      .from(contactTags)
      .innerJoin(tags, and(eq(tags.workspaceId, contactTags.workspaceId), eq(tags.id, contactTags.tagId)))
      .where(and(eq(contactTags.workspaceId, workspaceId), eq(contactTags.contactId, contact.id)))
      .orderBy(tags.name),
    db
      .select({
        id: activities.id, type: activities.type, title: activities.title, description: activities.description,
        occurredAt: activities.occurredAt, metadata: activities.metadata, userName: users.name,
      })
      .from(activities)
      .leftJoin(users, eq(users.id, activities.userId))
      .where(and(eq(activities.workspaceId, workspaceId), eq(activities.contactId, contact.id)))
      .orderBy(desc(activities.occurredAt))
      .limit(20),
    db
      .select({
        id: deals.id, title: deals.title, valueMicros: deals.valueMicros, currency: deals.currency,
        stage: deals.stage, probability: deals.probability, expectedCloseDate: deals.expectedCloseDate, role: dealContacts.role,
      })
      .from(dealContacts)
      .innerJoin(deals, and(eq(deals.workspaceId, dealContacts.workspaceId), eq(deals.id, dealContacts.dealId)))
      .where(and(eq(dealContacts.workspaceId, workspaceId), eq(dealContacts.contactId, contact.id)))
      .orderBy(desc(deals.createdAt)),
    db
      .select({
        id: emails.id, subject: emails.subject, snippet: emails.snippet, sentAt: emails.sentAt,
        opened: emails.opened, direction: emails.direction, fromAddress: emails.fromAddress,
      })
      .from(emails)
      .where(and(eq(emails.workspaceId, workspaceId), eq(emails.contactId, contact.id)))
      .orderBy(desc(emails.sentAt))
      .limit(10),
    db
      .select()
      .from(customFieldDefinitions)
      .where(
        and(
          eq(customFieldDefinitions.workspaceId, workspaceId),
          eq(customFieldDefinitions.objectType, "contact"),
          isNull(customFieldDefinitions.archivedAt),
        ),
      )
      .orderBy(customFieldDefinitions.position, customFieldDefinitions.label),
    contact.ownerId
      ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, contact.ownerId)).then((r) => r[0] ?? null)
      : Promise.resolve(null),
  ]);
  return { company, tags: tagRows, activities: activityRows, deals: dealRows, emails: emailRows, customFieldDefinitions: definitions, owner };
}
