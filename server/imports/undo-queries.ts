import { and, eq, inArray, sql } from "drizzle-orm";
import { contacts, contactTags } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { Executor } from "@/db/types";
import type { FieldChanges } from "@/db/schema";
import { arrayLiteral } from "./queries";

export interface UpdatedEntity {
  entityId: string;
  action: "update" | "restore";
  changes: FieldChanges;
  metadata: { beforeUpdatedAt?: string; addedTagIds?: string[]; row?: number };
  createdAt: string;
}

const uuids = (ids: string[]) => sql`${arrayLiteral(ids)}::uuid[]`;

/**
 * Contacts an import updated or restored, by id after `after`, each with the import's first audit row
 * (its before-image). Paged by entity id so every batch is a fixed slice whatever happens meanwhile.
 */
export async function findUpdatedByImport(db: Executor, params: { workspaceId: string; importId: string; after: string | null; limit: number }) {
  return queryRows<UpdatedEntity>(db, sql`
    select distinct on (entity_id) entity_id as "entityId", action, changes, metadata, created_at::text as "createdAt"
    from audit_log
    where workspace_id = ${params.workspaceId}::uuid and job_id = ${params.importId}::uuid and entity_type = 'contact'
      and action in ('update', 'restore')
      ${params.after ? sql`and entity_id > ${params.after}::uuid` : sql``}
    order by entity_id, created_at asc
    limit ${params.limit}`);
}

/** The import's per-batch entries listing the contacts it created, one at a time in write order. */
export async function findCreatedBatch(db: Executor, params: { workspaceId: string; importId: string; after: { createdAt: string; id: string } | null }) {
  const [row] = await queryRows<{ id: string; createdAt: string; created: string[] }>(db, sql`
    select id, created_at::text as "createdAt", coalesce(metadata->'created', '[]'::jsonb) as created
    from audit_log
    where workspace_id = ${params.workspaceId}::uuid and job_id = ${params.importId}::uuid and entity_type = 'contact' and action = 'import'
      ${params.after ? sql`and (created_at, id) > (${params.after.createdAt}::timestamptz, ${params.after.id}::uuid)` : sql``}
    order by created_at, id
    limit 1`);
  return row ?? null;
}

export async function countImportedContacts(db: Executor, params: { workspaceId: string; importId: string }): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`
    select (count(distinct entity_id) filter (where action in ('update', 'restore'))
      + coalesce(sum(jsonb_array_length(metadata->'created')) filter (where action = 'import'), 0))::int as count
    from audit_log
    where workspace_id = ${params.workspaceId}::uuid and job_id = ${params.importId}::uuid and entity_type = 'contact'`);
  return row?.count ?? 0;
}

export interface EditedContact {
  contactId: string;
  email: string | null;
  editedAt: string;
  editedBy: string | null;
}

/**
 * Contacts of the import that something else changed afterwards: for a contact it created, any audit
 * entry at all (the import wrote none for it); for one it updated, an entry later than the import's.
 * `ids` narrows the check to one batch; without it every contact of the import is checked.
 */
function editedQuery(params: { workspaceId: string; importId: string; ignoreJobId?: string; ids?: string[] }) {
  const ignore = params.ignoreJobId ? sql`and a.job_id is distinct from ${params.ignoreJobId}::uuid` : sql``;
  const narrow = (column: ReturnType<typeof sql.raw>) => (params.ids ? sql`and ${column} = any(${uuids(params.ids)})` : sql``);
  return sql`
    with touched as (
      select i.entity_id as id, i.created_at as since
      from audit_log i
      where i.workspace_id = ${params.workspaceId}::uuid and i.job_id = ${params.importId}::uuid and i.entity_type = 'contact'
        and i.action in ('update', 'restore') ${narrow(sql.raw("i.entity_id"))}
      union all
      select x.id::uuid, '-infinity'::timestamptz
      from audit_log g cross join lateral jsonb_array_elements_text(g.metadata->'created') as x(id)
      where g.workspace_id = ${params.workspaceId}::uuid and g.job_id = ${params.importId}::uuid and g.entity_type = 'contact'
        and g.action = 'import' ${narrow(sql.raw("x.id::uuid"))}
    )
    select t.id as "contactId", max(c.email) as email, max(a.created_at)::text as "editedAt",
           (array_agg(a.actor_name order by a.created_at desc))[1] as "editedBy"
    from touched t
    join audit_log a on a.workspace_id = ${params.workspaceId}::uuid and a.entity_type = 'contact' and a.entity_id = t.id
      and a.created_at > t.since and a.job_id is distinct from ${params.importId}::uuid ${ignore}
    left join contacts c on c.workspace_id = ${params.workspaceId}::uuid and c.id = t.id
    group by t.id`;
}

export async function findContactsEditedAfterImport(
  db: Executor,
  params: { workspaceId: string; importId: string; ignoreJobId?: string; ids?: string[]; limit?: number },
): Promise<EditedContact[]> {
  return queryRows<EditedContact>(db, sql`${editedQuery(params)} order by max(a.created_at) desc ${params.limit ? sql`limit ${params.limit}` : sql``}`);
}

export async function countContactsEditedAfterImport(db: Executor, params: { workspaceId: string; importId: string }): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from (${editedQuery(params)}) edited`);
  return row?.count ?? 0;
}

let referencingColumns: Promise<{ table: string; column: string }[]> | null = null;

/**
 * Tables derived from the contact itself (its tags, search document, embedding and its queue): they
 * go with the contact. Every other table whose rows point at contacts (activities, notes, deals…) is
 * found from the catalog, so a table added later counts as a reference unless it is listed here.
 */
const derivedTables = ["contact_tags", "contact_embeddings", "contact_embedding_queue", "contact_search"];

/** Tables whose rows point at contacts, from the catalog. */
function contactReferences(db: Executor) {
  referencingColumns ??= queryRows<{ table: string; column: string }>(db, sql`
    select c.conrelid::regclass::text as table, a.attname as column
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[array_upper(c.conkey, 1)]
    where c.contype = 'f' and c.confrelid = 'contacts'::regclass`).then((rows) =>
    rows.filter((r) => !derivedTables.includes(r.table.replace(/^public\./, "").replace(/"/g, ""))),
  );
  return referencingColumns.catch((error: unknown) => {
    referencingColumns = null;
    throw error;
  });
}

/** Of `ids`, the contacts some other record refers to: undo soft-deletes those instead of erasing them. */
export async function findReferencedContacts(db: Executor, params: { workspaceId: string; ids: string[] }): Promise<Set<string>> {
  const referenced = new Set<string>();
  if (params.ids.length === 0) return referenced;

  for (const { table, column } of await contactReferences(db)) {
    const rows = await queryRows<{ id: string }>(db, sql`
      select distinct ${sql.identifier(column)} as id from ${sql.raw(table)}
      where workspace_id = ${params.workspaceId}::uuid and ${sql.identifier(column)} = any(${uuids(params.ids)})`);
    for (const row of rows) referenced.add(row.id);
  }
  return referenced;
}

export async function hardDeleteContacts(db: Executor, params: { workspaceId: string; ids: string[] }) {
  if (params.ids.length === 0) return;
  await db.delete(contacts).where(and(eq(contacts.workspaceId, params.workspaceId), inArray(contacts.id, params.ids)));
}

export async function unlinkTags(db: Executor, params: { workspaceId: string; pairs: { contactId: string; tagId: string }[] }) {
  for (const pair of params.pairs) {
    await db
      .delete(contactTags)
      .where(and(eq(contactTags.workspaceId, params.workspaceId), eq(contactTags.contactId, pair.contactId), eq(contactTags.tagId, pair.tagId)));
  }
}

/** Tags and custom fields the import created that nothing uses any more, for removal after an undo. */
export async function findUnusedCreatedDefinitions(db: Executor, params: { workspaceId: string; importId: string }) {
  const tagsToDrop = await queryRows<{ id: string }>(db, sql`
    select t.id from audit_log a join tags t on t.workspace_id = a.workspace_id and t.id = a.entity_id
    where a.workspace_id = ${params.workspaceId}::uuid and a.job_id = ${params.importId}::uuid and a.entity_type = 'tag' and a.action = 'create'
      and not exists (select 1 from contact_tags ct where ct.workspace_id = t.workspace_id and ct.tag_id = t.id)
      and not exists (select 1 from company_tags ct where ct.workspace_id = t.workspace_id and ct.tag_id = t.id)`);
  const fieldsToDrop = await queryRows<{ id: string; fieldName: string }>(db, sql`
    select f.id, f.field_name as "fieldName" from audit_log a
    join custom_field_definitions f on f.workspace_id = a.workspace_id and f.id = a.entity_id
    where a.workspace_id = ${params.workspaceId}::uuid and a.job_id = ${params.importId}::uuid and a.entity_type = 'custom_field' and a.action = 'create'
      and not exists (select 1 from contacts c where c.workspace_id = f.workspace_id and c.custom_fields ? f.field_name)`);
  return { tagIds: tagsToDrop.map((t) => t.id), fields: fieldsToDrop };
}

export async function deleteTagsAndFields(db: Executor, params: { workspaceId: string; tagIds: string[]; fieldIds: string[] }) {
  if (params.tagIds.length) await db.execute(sql`delete from tags where workspace_id = ${params.workspaceId}::uuid and id = any(${uuids(params.tagIds)})`);
  if (params.fieldIds.length) await db.execute(sql`delete from custom_field_definitions where workspace_id = ${params.workspaceId}::uuid and id = any(${uuids(params.fieldIds)})`);
}
