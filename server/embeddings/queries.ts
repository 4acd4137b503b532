import { and, eq, ne, sql } from "drizzle-orm";
import { contactEmbeddings } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { Executor } from "@/db/types";
import type { EmbeddingSource } from "./text";

const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * True when contact_embeddings exists, i.e. pgvector was installed when the migrations ran (the
 * migrator defers that table on a PostgreSQL without the extension).
 */
export async function hasEmbeddingsTable(db: Executor): Promise<boolean> {
  const rows = await queryRows<{ exists: boolean }>(db, sql`select to_regclass('public.contact_embeddings') is not null as exists`);
  return rows[0]?.exists === true;
}

/** Everything the embedding text is built from, for live contacts among `contactIds`. */
export async function findEmbeddingSources(db: Executor, workspaceId: string, contactIds: string[]): Promise<EmbeddingSource[]> {
  if (contactIds.length === 0) return [];
  const rows = await queryRows<Omit<EmbeddingSource, "notes" | "activityTitles" | "customText"> & {
    notes: string[] | null; activityTitles: string[] | null; customText: Array<{ label: string; value: string }> | null;
  }>(db, sql`
    select c.id as "contactId", c.first_name as "firstName", c.last_name as "lastName", c.title, c.department,
           coalesce(c.company, co.name) as company, co.industry,
           (select array_agg(body) from (select body from notes
              where workspace_id = c.workspace_id and contact_id = c.id order by created_at desc limit 5) n) as notes,
           (select array_agg(title) from (select title from activities
              where workspace_id = c.workspace_id and contact_id = c.id order by occurred_at desc limit 10) a) as "activityTitles",
           (select jsonb_agg(jsonb_build_object('label', d.label, 'value', f.value) order by d.position)
              from jsonb_each_text(c.custom_fields) f
              join custom_field_definitions d on d.workspace_id = c.workspace_id and d.object_type = 'contact'
               and d.field_name = f.key and d.field_type in ('text', 'textarea') and d.archived_at is null) as "customText"
    from contacts c
    left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id and co.deleted_at is null
    where c.workspace_id = ${workspaceId}::uuid and c.id in (${idList(contactIds)}) and c.deleted_at is null`);
  return rows.map((row) => ({ ...row, notes: row.notes ?? [], activityTitles: row.activityTitles ?? [], customText: row.customText ?? [] }));
}

export async function findStoredHashes(db: Executor, workspaceId: string, model: string, contactIds: string[]): Promise<Map<string, string>> {
  if (contactIds.length === 0) return new Map();
  const rows = await queryRows<{ contactId: string; contentHash: string }>(db, sql`
    select contact_id as "contactId", content_hash as "contentHash" from contact_embeddings
    where workspace_id = ${workspaceId}::uuid and model = ${model} and contact_id in (${idList(contactIds)})`);
  return new Map(rows.map((row) => [row.contactId, row.contentHash]));
}

export async function upsertContactEmbeddings(
  db: Executor,
  rows: Array<{ workspaceId: string; contactId: string; model: string; contentHash: string; embedding: number[] }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(contactEmbeddings)
    .values(rows.map((row) => ({ ...row, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: [contactEmbeddings.workspaceId, contactEmbeddings.contactId, contactEmbeddings.model],
      set: { contentHash: sql`excluded.content_hash`, embedding: sql`excluded.embedding`, updatedAt: sql`excluded.updated_at` },
    });
}

export async function findQueuedContacts(db: Executor, workspaceId: string, limit: number): Promise<Array<{ contactId: string; queuedAt: string }>> {
  return queryRows(db, sql`
    select contact_id as "contactId", queued_at::text as "queuedAt" from contact_embedding_queue
    where workspace_id = ${workspaceId}::uuid order by queued_at limit ${limit}`);
}

/**
 * Removes queue entries that were queued no later than `claimedAt`: a contact changed again while its
 * embedding was being computed keeps its entry and is embedded again.
 */
export async function removeFromQueue(db: Executor, workspaceId: string, contactIds: string[], claimedAt: string): Promise<void> {
  if (contactIds.length === 0) return;
  await db.execute(sql`
    delete from contact_embedding_queue
    where workspace_id = ${workspaceId}::uuid and contact_id in (${idList(contactIds)}) and queued_at <= ${claimedAt}::timestamptz`);
}

export async function currentTimestamp(db: Executor): Promise<string> {
  const rows = await queryRows<{ now: string }>(db, sql`select clock_timestamp()::text as now`);
  return rows[0]!.now;
}

/** Live contact ids in id order after `afterId`: the backfill walks the workspace with this keyset. */
export async function findLiveContactIds(db: Executor, workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`
    select id from contacts
    where workspace_id = ${workspaceId}::uuid and deleted_at is null ${afterId ? sql`and id > ${afterId}::uuid` : sql``}
    order by id limit ${limit}`);
  return rows.map((row) => row.id);
}

export interface EmbeddingCoverage {
  liveContacts: number;
  /** Live contacts with a vector of the current model. */
  embedded: number;
  queued: number;
}

export async function findEmbeddingCoverage(db: Executor, workspaceId: string, model: string): Promise<EmbeddingCoverage> {
  const rows = await queryRows<EmbeddingCoverage>(db, sql`
    select (select count(*)::int from contacts where workspace_id = ${workspaceId}::uuid and deleted_at is null) as "liveContacts",
           (select count(*)::int from contact_embeddings e
              join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id and c.deleted_at is null
              where e.workspace_id = ${workspaceId}::uuid and e.model = ${model}) as embedded,
           (select count(*)::int from contact_embedding_queue where workspace_id = ${workspaceId}::uuid) as queued`);
  return rows[0] ?? { liveContacts: 0, embedded: 0, queued: 0 };
}

export interface EmbeddingFreshness {
  /** Contacts queued by the triggers since their last embedding (capped at the caller's limit + 1). */
  queued: number;
  /** The workspace has contacts but no vector of the current model: first use, or the model changed. */
  needsBackfill: boolean;
}

/** Cheap enough to run before every semantic search: index probes only, no count over the workspace. */
export async function findEmbeddingFreshness(db: Executor, workspaceId: string, model: string, queuedCap: number): Promise<EmbeddingFreshness> {
  const rows = await queryRows<{ queued: number; hasCurrent: boolean; hasOther: boolean; hasContacts: boolean }>(db, sql`
    select (select count(*)::int from (select 1 from contact_embedding_queue where workspace_id = ${workspaceId}::uuid limit ${queuedCap + 1}) q) as queued,
           exists (select 1 from contact_embeddings where workspace_id = ${workspaceId}::uuid and model = ${model}) as "hasCurrent",
           exists (select 1 from contact_embeddings where workspace_id = ${workspaceId}::uuid and model <> ${model}) as "hasOther",
           exists (select 1 from contacts where workspace_id = ${workspaceId}::uuid and deleted_at is null) as "hasContacts"`);
  const row = rows[0];
  if (!row) return { queued: 0, needsBackfill: false };
  return { queued: row.queued, needsBackfill: row.hasOther || (row.hasContacts && !row.hasCurrent) };
}

/** After a model change has been backfilled, the previous model's vectors only take space. */
export async function deleteEmbeddingsOfOtherModels(db: Executor, workspaceId: string, model: string): Promise<void> {
  await db.delete(contactEmbeddings).where(and(eq(contactEmbeddings.workspaceId, workspaceId), ne(contactEmbeddings.model, model)));
}
