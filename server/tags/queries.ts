import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { companyTags, contacts, contactTags, savedViews, segments, tags } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { Executor } from "@/db/types";
import { escapeLike } from "../filters/compile";

export type TagRow = typeof tags.$inferSelect;
export type NewTagRow = typeof tags.$inferInsert;

const scope = (workspaceId: string, id: string) => and(eq(tags.workspaceId, workspaceId), eq(tags.id, id));

/**
 * Live (not deleted) contacts carrying the tag; the count a user sees. Wrapped in an outer sql``:
 * drizzle strips the table from top-level columns of a single-table select, which would make this
 * correlated subquery's columns ambiguous.
 */
// Every tagged contact minus the deleted ones: the first count is an index-only scan of contact_tags_tag_idx
// and the second starts from the few deleted contacts (contacts_deleted_idx), so a tag on 200,000 contacts
// never reads 200,000 contact rows just to check that they are live.
const liveContactCount = sql<number>`${sql`((select count(*)::int from ${contactTags}
  where ${contactTags.workspaceId} = ${tags.workspaceId} and ${contactTags.tagId} = ${tags.id})
  - (select count(*)::int from ${contacts}
  join ${contactTags} on ${contactTags.workspaceId} = ${contacts.workspaceId} and ${contactTags.contactId} = ${contacts.id} and ${contactTags.tagId} = ${tags.id}
  where ${contacts.workspaceId} = ${tags.workspaceId} and ${contacts.deletedAt} is not null))`}`;

export async function findTagById(db: Executor, params: { workspaceId: string; id: string; forUpdate?: boolean }) {
  const query = db.select().from(tags).where(scope(params.workspaceId, params.id)).limit(1);
  const rows = params.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findTagsByIds(db: Executor, params: { workspaceId: string; ids: string[] }) {
  if (params.ids.length === 0) return [];
  return db.select().from(tags).where(and(eq(tags.workspaceId, params.workspaceId), inArray(tags.id, params.ids)));
}

export async function findTagByName(db: Executor, params: { workspaceId: string; name: string }) {
  const rows = await db
    .select()
    .from(tags)
    .where(and(eq(tags.workspaceId, params.workspaceId), sql`lower(${tags.name}) = lower(${params.name})`))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertTag(db: Executor, values: NewTagRow) {
  const [row] = await db.insert(tags).values(values).returning();
  return row!;
}

export async function updateTagRow(db: Executor, params: { workspaceId: string; id: string; values: Partial<NewTagRow> }) {
  const [row] = await db.update(tags).set({ ...params.values, updatedAt: new Date() }).where(scope(params.workspaceId, params.id)).returning();
  return row ?? null;
}

export async function deleteTagRow(db: Executor, params: { workspaceId: string; id: string }) {
  await db.delete(tags).where(scope(params.workspaceId, params.id));
}

export async function countTagContacts(db: Executor, params: { workspaceId: string; id: string }) {
  const [row] = await db.select({ count: liveContactCount }).from(tags).where(scope(params.workspaceId, params.id));
  return row?.count ?? 0;
}

export async function findTagsWithCounts(db: Executor, params: { workspaceId: string; prefix?: string; first: number }) {
  const conditions = [eq(tags.workspaceId, params.workspaceId)];
  if (params.prefix) conditions.push(sql`lower(${tags.name}) like ${`${escapeLike(params.prefix.toLowerCase())}%`}`);
  return db
    .select({
      id: tags.id, name: tags.name, color: tags.color, description: tags.description,
      createdAt: tags.createdAt, updatedAt: tags.updatedAt, contactCount: liveContactCount,
    })
    .from(tags)
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${tags.name})`))
    .limit(params.first);
}

/** Contacts among `ids` that exist in the workspace and are not deleted. */
export async function findLiveContactIds(db: Executor, params: { workspaceId: string; ids: string[] }) {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, params.workspaceId), inArray(contacts.id, params.ids), isNull(contacts.deletedAt)));
  return new Set(rows.map((row) => row.id));
}

export async function findContactIdsWithTag(db: Executor, params: { workspaceId: string; tagId: string }) {
  const rows = await db
    .select({ contactId: contactTags.contactId })
    .from(contactTags)
    .where(and(eq(contactTags.workspaceId, params.workspaceId), eq(contactTags.tagId, params.tagId)));
  return rows.map((row) => row.contactId);
}

/** Each contact's tag names, sorted case-insensitively: the shape audit entries record. */
export async function findTagNamesOfContacts(db: Executor, params: { workspaceId: string; contactIds: string[] }) {
  const names = new Map<string, string[]>(params.contactIds.map((id) => [id, []]));
  for (let i = 0; i < params.contactIds.length; i += 5000) {
    const chunk = params.contactIds.slice(i, i + 5000);
    const rows = await db
      .select({ contactId: contactTags.contactId, name: tags.name })
      .from(contactTags)
      .innerJoin(tags, and(eq(tags.workspaceId, contactTags.workspaceId), eq(tags.id, contactTags.tagId)))
      .where(and(eq(contactTags.workspaceId, params.workspaceId), inArray(contactTags.contactId, chunk)))
      .orderBy(asc(sql`lower(${tags.name})`), asc(tags.name));
    for (const row of rows) names.get(row.contactId)?.push(row.name);
  }
  return names;
}

/** Links every contact to every tag; returns the contacts that gained at least one tag. */
export async function insertContactTags(db: Executor, params: { workspaceId: string; contactIds: string[]; tagIds: string[] }) {
  const rows = await queryRows<{ contact_id: string }>(db, sql`
    insert into ${contactTags} (workspace_id, contact_id, tag_id)
    select ${params.workspaceId}::uuid, c, t
    from unnest(${sql`array[${sql.join(params.contactIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`}) c
    cross join unnest(${sql`array[${sql.join(params.tagIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`}) t
    on conflict do nothing
    returning contact_id`);
  return new Set(rows.map((row) => row.contact_id));
}

/** Removes the links; returns the contacts that lost at least one tag. */
export async function deleteContactTags(db: Executor, params: { workspaceId: string; contactIds: string[]; tagIds: string[] }) {
  const rows = await db
    .delete(contactTags)
    .where(and(
      eq(contactTags.workspaceId, params.workspaceId),
      inArray(contactTags.contactId, params.contactIds),
      inArray(contactTags.tagId, params.tagIds),
    ))
    .returning({ contactId: contactTags.contactId });
  return new Set(rows.map((row) => row.contactId));
}

/** Moves every contact and company link of `sourceId` onto `targetId` (links that already exist are kept once). */
export async function moveTagLinks(db: Executor, params: { workspaceId: string; sourceId: string; targetId: string }) {
  await db.execute(sql`insert into ${contactTags} (workspace_id, contact_id, tag_id, created_at)
    select workspace_id, contact_id, ${params.targetId}::uuid, created_at from ${contactTags}
    where workspace_id = ${params.workspaceId}::uuid and tag_id = ${params.sourceId}::uuid
    on conflict do nothing`);
  await db.execute(sql`insert into ${companyTags} (workspace_id, company_id, tag_id, created_at)
    select workspace_id, company_id, ${params.targetId}::uuid, created_at from ${companyTags}
    where workspace_id = ${params.workspaceId}::uuid and tag_id = ${params.sourceId}::uuid
    on conflict do nothing`);
}

/**
 * Saved filters name tags by id (the filter parser stores ids), so after a merge the segments and
 * views that named the source name the target. Ids are UUIDs: a textual replace cannot hit anything else.
 */
export async function replaceTagReferences(db: Executor, params: { workspaceId: string; sourceId: string; targetId: string }) {
  const pattern = `%${params.sourceId}%`;
  await db.execute(sql`update ${segments} set criteria = replace(criteria::text, ${params.sourceId}::text, ${params.targetId}::text)::jsonb
    where workspace_id = ${params.workspaceId}::uuid and criteria::text like ${pattern}`);
  await db.execute(sql`update ${savedViews} set filters = replace(filters::text, ${params.sourceId}::text, ${params.targetId}::text)::jsonb
    where workspace_id = ${params.workspaceId}::uuid and filters::text like ${pattern}`);
}

/** A tag change is a change to the contact: it moves in "recently updated" sorts and filters. */
export async function touchContacts(db: Executor, params: { workspaceId: string; contactIds: string[] }) {
  for (let i = 0; i < params.contactIds.length; i += 5000) {
    const chunk = params.contactIds.slice(i, i + 5000);
    await db.update(contacts).set({ updatedAt: new Date() }).where(and(eq(contacts.workspaceId, params.workspaceId), inArray(contacts.id, chunk)));
  }
}
