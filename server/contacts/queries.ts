import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import {
  activities, companies, contacts, contactTags, customFieldDefinitions, dealContacts, deals, emails, memberships, tags, users,
} from "@/db/schema";
import { queryRows } from "@/db/sql";
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
  params: { workspaceId: string; first: number; after: ContactCursor | null; includeDeleted: boolean; condition?: SQL },
) {
  const conditions = [eq(contacts.workspaceId, params.workspaceId)];
  if (!params.includeDeleted) conditions.push(isNull(contacts.deletedAt));
  if (params.condition) conditions.push(params.condition);
  if (params.after) {
    // Row comparison matches the (workspace_id, created_at desc, id desc) index, so page 200 costs what page 1 does.
    conditions.push(sql`(${contacts.createdAt}, ${contacts.id}) < (${params.after.createdAt}::timestamptz, ${params.after.id}::uuid)`);
  }
  return db
    .select({ contact: contacts, cursorCreatedAt: sql<string>`${contacts.createdAt}::text`, tags: tagsOfContact })
    .from(contacts)
    .where(and(...conditions))
    // NULLS LAST spells out what drizzle's `.desc()` index columns are (DESC NULLS LAST); plain DESC means
    // NULLS FIRST, which the planner cannot serve from that index and answers with a sort of every row.
    .orderBy(sql`${contacts.createdAt} desc nulls last`, sql`${contacts.id} desc nulls last`)
    .limit(params.first + 1);
}

export type ContactTagChip = { id: string; name: string; color: string };

/**
 * A contact's tags as one JSON value, for a page read in index order: evaluated only for the rows the
 * LIMIT lets through, it saves the page its second round trip (the deep-keyset target is 5 ms).
 */
// Spelled out: drizzle drops table names from a one-table select, which would make these ambiguous.
const tagsOfContact = sql<ContactTagChip[]>`(select coalesce(json_agg(json_build_object('id', lt.id, 'name', lt.name, 'color', lt.color) order by lt.name), '[]'::json)
  from contact_tags lct join tags lt on lt.workspace_id = lct.workspace_id and lt.id = lct.tag_id
  where lct.workspace_id = "contacts"."workspace_id" and lct.contact_id = "contacts"."id")`;

/** A page in any sort order (sort.ts builds the ORDER BY and the keyset condition). */
export async function findContactsPageSorted(
  db: Executor,
  params: { workspaceId: string; first: number; includeDeleted: boolean; condition?: SQL; orderBy: SQL; after?: SQL; sortValues: SQL },
) {
  const conditions = [eq(contacts.workspaceId, params.workspaceId)];
  if (!params.includeDeleted) conditions.push(isNull(contacts.deletedAt));
  if (params.condition) conditions.push(params.condition);
  if (params.after) conditions.push(params.after);
  return db
    .select({ contact: contacts, sortValues: sql<string>`${params.sortValues}` })
    .from(contacts)
    .where(and(...conditions))
    .orderBy(params.orderBy)
    .limit(params.first + 1);
}

export async function countContacts(db: Executor, params: { workspaceId: string; includeDeleted: boolean; condition?: SQL }) {
  const conditions = [eq(contacts.workspaceId, params.workspaceId)];
  if (!params.includeDeleted) conditions.push(isNull(contacts.deletedAt));
  if (params.condition) conditions.push(params.condition);
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(and(...conditions));
  return row?.count ?? 0;
}

/**
 * Runs `work` with a statement_timeout (and JIT off: compiling a plan costs tens of milliseconds that
 * these short queries never earn back); null when the timeout fired. PGlite ignores statement_timeout.
 * Inside a caller's transaction a local setting would outlive this call, so no budget applies there.
 */
async function withinBudget<T>(db: Executor, budgetMs: number | undefined, work: (db: Executor) => Promise<T>): Promise<T | null> {
  if (budgetMs === undefined || db instanceof PgTransaction) return work(db);
  return db
    .transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', ${String(budgetMs)}, true), set_config('jit', 'off', true)`);
      return work(tx);
    })
    .catch((error: unknown) => {
      if (isQueryCanceled(error)) return null;
      throw error;
    });
}

/** 57014 query_canceled: our statement_timeout fired. */
function isQueryCanceled(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: string }).code === "57014") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Counts matching contacts exactly up to `cap` within `timeBudgetMs`; past either limit it returns an
 * estimate, flagged as such. An exact count of a large match reads every matching row; the limits keep
 * every count bounded, and a list header rarely needs "1,003,217" rather than "about 1.0M".
 */
export async function countContactsCapped(
  db: Executor,
  params: { workspaceId: string; includeDeleted: boolean; condition?: SQL; cap: number; timeBudgetMs?: number },
): Promise<{ count: number; isEstimate: boolean }> {
  const conditions = [eq(contacts.workspaceId, params.workspaceId)];
  if (!params.includeDeleted) conditions.push(isNull(contacts.deletedAt));
  if (params.condition) conditions.push(params.condition);
  const where = and(...conditions)!;
  const exact = await withinBudget(db, params.timeBudgetMs, async (ex) => {
    const [row] = await queryRows<{ n: number }>(ex, sql`select count(*)::int as n from (select 1 from ${contacts} where ${where} limit ${params.cap + 1}) capped`);
    return row?.n ?? 0;
  });
  if (exact !== null && exact <= params.cap) return { count: exact, isEstimate: false };
  const estimate = await estimateMatches(db, { where, workspaceId: params.workspaceId, timeBudgetMs: params.timeBudgetMs === undefined ? undefined : SAMPLE_BUDGET_MS });
  return { count: exact === null ? estimate : Math.max(params.cap + 1, estimate), isEstimate: true };
}

/** About this many table rows are read for a sample, whatever the table's size. */
const SAMPLE_ROWS = 10_000;
/** Rows the sample must hold from the workspace before it is trusted over the planner. */
const MIN_SAMPLED_ROWS = 1_000;
const SAMPLE_BUDGET_MS = 100;

/**
 * Estimates how many rows match by counting them in a fixed-size page sample (TABLESAMPLE SYSTEM,
 * REPEATABLE so the figure is stable between calls) and scaling up; typically within a few percent.
 * The planner's estimate is the fallback (a workspace too small a share of the table to sample, or a
 * sample over budget): free, but for combined conditions often off by a factor of two.
 */
async function estimateMatches(db: Executor, params: { where: SQL; workspaceId: string; timeBudgetMs?: number }): Promise<number> {
  const [table] = await queryRows<{ rows: number }>(db, sql`select greatest(reltuples, 0)::float8 as rows from pg_class where oid = 'contacts'::regclass`);
  const tableRows = table?.rows ?? 0;
  if (tableRows > 0) {
    const percent = Math.min(100, (SAMPLE_ROWS / tableRows) * 100);
    const sample = await withinBudget(db, params.timeBudgetMs, async (ex) => (await queryRows<{ hits: number; seen: number }>(ex, sql`
      select count(*) filter (where ${params.where})::int as hits, count(*)::int as seen
      from ${contacts} tablesample system (${percent}::float4) repeatable (42)
      where ${contacts.workspaceId} = ${params.workspaceId}::uuid`))[0]);
    if (sample && sample.seen >= MIN_SAMPLED_ROWS) return Math.round(sample.hits / (percent / 100));
  }
  const plan = await queryRows<Record<string, unknown>>(db, sql`explain (format json) select 1 from ${contacts} where ${params.where}`);
  return planRows(plan);
}

function planRows(rows: Array<Record<string, unknown>>): number {
  const raw = rows[0]?.["QUERY PLAN"];
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan?: { "Plan Rows"?: number } }> | undefined;
  return Math.round(parsed?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/** Tags of each contact on a page, for the table's chips. */
export async function findTagsOfContacts(db: Executor, params: { workspaceId: string; contactIds: string[] }) {
  const byContact = new Map<string, Array<{ id: string; name: string; color: string }>>();
  if (params.contactIds.length === 0) return byContact;
  const rows = await db
    .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
    .from(contactTags)
    .innerJoin(tags, and(eq(tags.workspaceId, contactTags.workspaceId), eq(tags.id, contactTags.tagId)))
    .where(and(eq(contactTags.workspaceId, params.workspaceId), inArray(contactTags.contactId, params.contactIds)))
    .orderBy(tags.name);
  for (const row of rows) {
    const list = byContact.get(row.contactId) ?? [];
    list.push({ id: row.id, name: row.name, color: row.color });
    byContact.set(row.contactId, list);
  }
  return byContact;
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
  return { companyRecord: company, tags: tagRows, activities: activityRows, deals: dealRows, emails: emailRows, customFieldDefinitions: definitions, owner };
}
