import { and, asc, desc, eq, gt, inArray, isNull, like, sql } from "drizzle-orm";
import {
  auditLog, contacts, contactTags, customFieldDefinitions, importMappingTemplates, importRowIssues, jobSteps, tags,
  type ImportIssueSeverity,
} from "@/db/schema";
import { copyIn, copyValue } from "@/db/copy";
import { queryRows } from "@/db/sql";
import type { Executor } from "@/db/types";
import type { JobRef } from "../jobs/step";
import type { AuditEntryInput } from "../audit/queries";
import type { ImportIssue } from "./pipeline/row";
import { uuidv7 } from "./uuid";

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;
export { findFile } from "../files/queries";

/** A PostgreSQL array literal: thousands of values as one parameter the planner still sees as constants. */
export const arrayLiteral = (values: string[]) => `{${values.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
const anyOf = (values: string[]) => sql`any(${arrayLiteral(values)}::text[])`;

/**
 * Live contacts by email, locked. One index descent per email (LATERAL … OFFSET 0): with `email = any(…)`
 * PostgreSQL read the workspace's whole email index and filtered it, so each import batch cost time in
 * proportion to the contacts already imported (5 ms at 10,000, 110 ms at 100,000, quadratic overall).
 */
export async function findLiveContactsByEmails(db: Executor, params: { workspaceId: string; emails: string[] }): Promise<ContactRow[]> {
  if (params.emails.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, params.workspaceId), sql`${contacts.id} = any(array(
      select c.id from unnest(${arrayLiteral(params.emails)}::text[]) as e(email)
      cross join lateral (
        select id from contacts c
        where c.workspace_id = ${params.workspaceId} and c.email = e.email and c.deleted_at is null offset 0) c))`))
    .for("update");
}

/** Soft-deleted contacts by email, the most recently deleted one per email (an import restores it). */
export async function findDeletedContactsByEmails(db: Executor, params: { workspaceId: string; emails: string[] }): Promise<ContactRow[]> {
  if (params.emails.length === 0) return [];
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, params.workspaceId), sql`${contacts.email} = ${anyOf(params.emails)}`, sql`${contacts.deletedAt} is not null`))
    .orderBy(contacts.email, desc(contacts.deletedAt))
    .for("update");
  const latest = new Map<string, ContactRow>();
  for (const row of rows) if (!latest.has(row.email)) latest.set(row.email, row);
  return [...latest.values()];
}

/** Live contacts whose custom field `key` holds one of `values` (an external id); uses the GIN index per value. */
export async function findLiveContactsByCustomKey(db: Executor, params: { workspaceId: string; key: string; values: string[] }): Promise<ContactRow[]> {
  if (params.values.length === 0) return [];
  const probes = params.values.map((value) => JSON.stringify({ [params.key]: value }));
  return db
    .select()
    .from(contacts)
    .where(and(
      eq(contacts.workspaceId, params.workspaceId),
      isNull(contacts.deletedAt),
      sql`${contacts.customFields} @> any(${arrayLiteral(probes)}::jsonb[])`,
    ))
    .for("update");
}

/** Contacts this job already wrote (an earlier batch), with the file row that wrote them. */
export async function findContactsWrittenByJob(db: Executor, params: { workspaceId: string; jobId: string; ids: string[] }) {
  if (params.ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ entityId: auditLog.entityId, row: sql<string | null>`${auditLog.metadata}->>'row'` })
    .from(auditLog)
    .where(and(
      eq(auditLog.workspaceId, params.workspaceId),
      eq(auditLog.entityType, "contact"),
      sql`${auditLog.entityId} = any(${arrayLiteral(params.ids)}::uuid[])`,
      eq(auditLog.jobId, params.jobId),
    ));
  return new Map(rows.map((r) => [r.entityId!, Number(r.row ?? 0)]));
}

const contactColumns = [
  ["email", "text"], ["first_name", "text"], ["last_name", "text"], ["phone", "text"], ["mobile", "text"], ["company", "text"],
  ["title", "text"], ["department", "text"], ["address_line1", "text"], ["address_line2", "text"], ["city", "text"],
  ["state", "text"], ["country", "text"], ["postal_code", "text"], ["score", "integer"], ["lifecycle_stage", "lifecycle_stage"],
  ["linkedin_url", "text"], ["twitter_handle", "text"], ["facebook_url", "text"], ["website", "text"], ["custom_fields", "jsonb"],
  ["owner_id", "text"], ["last_activity_at", "timestamptz"], ["last_contacted_at", "timestamptz"],
] as const;

const snakeKeys = new Map<string, string>();
const snake = (key: string) => {
  let name = snakeKeys.get(key);
  if (name === undefined) {
    name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeKeys.set(key, name);
  }
  return name;
};

/** Row objects with snake_case keys for json_to_recordset (a single parameter however many rows). */
function recordset(rows: Record<string, unknown>[]): string {
  return JSON.stringify(rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const key in row) out[snake(key)] = row[key] ?? null;
    return out;
  }));
}

const columnDefs = (extra: string) => sql.raw(`${extra}${contactColumns.map(([name, type]) => `${name} ${type}`).join(", ")}`);

type NewContactBatchRow = Partial<NewContactRow> & { id: string; email: string; sourceDetails: Record<string, unknown> };

/**
 * A batch of new contacts as one multi-row INSERT … ON CONFLICT DO NOTHING with a single JSON parameter.
 * Returns the rows actually inserted; a live contact with the same email keeps its row out of the result.
 * PGlite's path; PostgreSQL takes copyContactsBatch below.
 */
export async function insertContactsBatch(
  db: Executor,
  params: { workspaceId: string; rows: NewContactBatchRow[]; createdBy: string | null },
): Promise<{ id: string; email: string }[]> {
  if (params.rows.length === 0) return [];
  const names = contactColumns.map(([name]) => name);
  const select = names.map((name) => {
    if (name === "score") return "coalesce(r.score, 0)";
    if (name === "lifecycle_stage") return "coalesce(r.lifecycle_stage, 'lead')";
    if (name === "custom_fields") return "coalesce(r.custom_fields, '{}'::jsonb)";
    return `r.${name}`;
  });
  return queryRows<{ id: string; email: string }>(db, sql`
    insert into contacts (workspace_id, id, source, source_details, created_by, ${sql.raw(names.join(", "))})
    select ${params.workspaceId}::uuid, r.id, 'import', r.source_details, ${params.createdBy}, ${sql.raw(select.join(", "))}
    from json_to_recordset(${recordset(params.rows)}::json) as r(id uuid, source_details jsonb, ${columnDefs("")})
    on conflict (workspace_id, email) where deleted_at is null do nothing
    returning id, email`);
}

// The owner is the import's (one value for the batch), so it sits with the fixed columns.
const copyColumns = contactColumns.filter(([name]) => name !== "owner_id");
const copyKeys = copyColumns.map(([name]) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
const copyDefaults = copyColumns.map(([name]) => copyValue(({ score: 0, lifecycle_stage: "lead", custom_fields: {} } as Record<string, unknown>)[name]));

/** What every COPY line of one import shares: its fixed columns and the start of sourceDetails. */
export interface ContactCopyFormat {
  fixed: string;
  sourcePrefix: string;
}

export function contactCopyFormat(params: { workspaceId: string; createdBy: string | null; ownerId: string | null; importId: string; fileName: string }): ContactCopyFormat {
  return {
    fixed: [params.workspaceId, "import", params.createdBy, params.ownerId].map(copyValue).join("\t"),
    sourcePrefix: copyValue(`${JSON.stringify({ importId: params.importId, fileName: params.fileName }).slice(0, -1)},"row":`),
  };
}

/**
 * One new contact as a line of COPY text (no newline). Built from parts, not a JSON object per row:
 * at 100,000 rows this loop is a measurable share of the import's CPU, so the importer builds the lines
 * while the previous batch is in the database.
 */
export function contactCopyLine(format: ContactCopyFormat, id: string, row: number, values: Record<string, unknown>): string {
  const parts = [format.fixed, id, `${format.sourcePrefix}${row}}`];
  for (let i = 0; i < copyKeys.length; i++) {
    const value = values[copyKeys[i]!];
    parts.push(value === null || value === undefined ? copyDefaults[i]! : copyValue(value));
  }
  return parts.join("\t");
}

const copyTargetColumns = ["workspace_id", "source", "created_by", "owner_id", "id", "source_details", ...copyColumns.map(([name]) => name)];

/**
 * New contacts through COPY (PostgreSQL only): the import then costs the table's indexes and little
 * else. COPY has no ON CONFLICT, so the caller looks the emails up first; a contact created with one of
 * them in between fails the COPY with a unique violation, the transaction rolls back, and the retried
 * step finds that contact. The batch's text is sent whole: streamed row by row, the server waited on
 * this process, which is busy validating the next batch meanwhile.
 */
export async function copyContactLines(db: Executor, lines: string[], onStarted?: () => void) {
  if (lines.length === 0) return;
  await copyIn(db, "contacts", copyTargetColumns, [`${lines.join("\n")}\n`], onStarted);
}

/** Writes full new values (and restores soft-deleted rows) for a batch of existing contacts in one UPDATE. */
export async function updateContactsBatch(db: Executor, params: { workspaceId: string; rows: (Partial<NewContactRow> & { id: string })[] }) {
  if (params.rows.length === 0) return;
  const sets = contactColumns.map(([name]) => {
    if (name === "score") return `score = coalesce(r.score, 0)`;
    if (name === "lifecycle_stage") return `lifecycle_stage = coalesce(r.lifecycle_stage, 'lead')`;
    if (name === "custom_fields") return `custom_fields = coalesce(r.custom_fields, '{}'::jsonb)`;
    return `${name} = r.${name}`;
  });
  await db.execute(sql`
    update contacts c set ${sql.raw(sets.join(", "))}, deleted_at = r.deleted_at, updated_at = coalesce(r.updated_at, now())
    from json_to_recordset(${recordset(params.rows)}::json) as r(id uuid, deleted_at timestamptz, updated_at timestamptz, ${columnDefs("")})
    where c.workspace_id = ${params.workspaceId}::uuid and c.id = r.id`);
}

/** Tags by name (case-insensitive), creating the missing ones; returns lowercased name → id and the created ones. */
export async function ensureTags(db: Executor, params: { workspaceId: string; names: string[]; createdBy: string | null }) {
  const unique = [...new Map(params.names.map((n) => [n.toLowerCase(), n])).values()];
  if (unique.length === 0) return { ids: new Map<string, string>(), created: [] as { id: string; name: string }[] };
  const created = await queryRows<{ id: string; name: string }>(db, sql`
    insert into tags (workspace_id, name, created_by)
    select ${params.workspaceId}::uuid, n, ${params.createdBy} from unnest(${sql.raw("array[")}${sql.join(unique.map((n) => sql`${n}`), sql`, `)}${sql.raw("]::text[]")}) as n
    on conflict (workspace_id, lower(name)) do nothing
    returning id, name`);
  const rows = await db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.workspaceId, params.workspaceId), inArray(sql`lower(${tags.name})`, unique.map((n) => n.toLowerCase()))));
  return { ids: new Map(rows.map((r) => [r.name.toLowerCase(), r.id])), created };
}

export async function findTagIdsOfContacts(db: Executor, params: { workspaceId: string; ids: string[] }): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (params.ids.length === 0) return result;
  const rows = await db
    .select({ contactId: contactTags.contactId, tagId: contactTags.tagId })
    .from(contactTags)
    .where(and(eq(contactTags.workspaceId, params.workspaceId), inArray(contactTags.contactId, params.ids)));
  for (const row of rows) {
    if (!result.has(row.contactId)) result.set(row.contactId, new Set());
    result.get(row.contactId)!.add(row.tagId);
  }
  return result;
}

export async function linkTags(db: Executor, params: { workspaceId: string; pairs: { contactId: string; tagId: string }[] }) {
  for (let i = 0; i < params.pairs.length; i += 5000) {
    const chunk = params.pairs.slice(i, i + 5000);
    await db.insert(contactTags).values(chunk.map((p) => ({ workspaceId: params.workspaceId, ...p }))).onConflictDoNothing();
  }
}

export async function insertIssues(db: Executor, ref: JobRef, issues: ImportIssue[]) {
  for (let i = 0; i < issues.length; i += 5000) {
    const chunk = issues.slice(i, i + 5000);
    await db
      .insert(importRowIssues)
      .values(chunk.map((issue) => ({ workspaceId: ref.workspaceId, jobId: ref.jobId, ...issue, error: issue.error.slice(0, 1000) })))
      .onConflictDoNothing();
  }
}

export async function findIssuesPage(
  db: Executor,
  params: JobRef & { severities?: ImportIssueSeverity[]; afterRow?: number; first: number },
) {
  const conditions = [eq(importRowIssues.workspaceId, params.workspaceId), eq(importRowIssues.jobId, params.jobId)];
  if (params.severities?.length) conditions.push(inArray(importRowIssues.severity, params.severities));
  if (params.afterRow !== undefined) conditions.push(gt(importRowIssues.row, params.afterRow));
  return db
    .select({ row: importRowIssues.row, line: importRowIssues.line, field: importRowIssues.field, severity: importRowIssues.severity, code: importRowIssues.code, error: importRowIssues.error })
    .from(importRowIssues)
    .where(and(...conditions))
    .orderBy(asc(importRowIssues.row), asc(importRowIssues.field))
    .limit(params.first);
}

export async function countIssues(db: Executor, ref: JobRef) {
  const rows = await db
    .select({ severity: importRowIssues.severity, rows: sql<number>`count(distinct ${importRowIssues.row})::int` })
    .from(importRowIssues)
    .where(and(eq(importRowIssues.workspaceId, ref.workspaceId), eq(importRowIssues.jobId, ref.jobId)))
    .groupBy(importRowIssues.severity);
  return Object.fromEntries(rows.map((r) => [r.severity, r.rows])) as Partial<Record<ImportIssueSeverity, number>>;
}

/** Sum of the committed batches' counts, exact while the import runs (each batch commits its ledger row). */
export async function sumCommittedCounts(db: Executor, ref: JobRef, phase: "write" | "validate") {
  const rows = await db
    .select({ output: jobSteps.output })
    .from(jobSteps)
    .where(and(eq(jobSteps.workspaceId, ref.workspaceId), eq(jobSteps.jobId, ref.jobId), like(jobSteps.stepId, `commit:${phase}-%`)));
  return rows.map((r) => (r.output ?? {}) as { counts?: Record<string, number> });
}

export async function findContactCustomFields(db: Executor, workspaceId: string) {
  return db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.objectType, "contact"), isNull(customFieldDefinitions.archivedAt)))
    .orderBy(customFieldDefinitions.position);
}

export async function insertCustomFieldDefinitions(db: Executor, values: (typeof customFieldDefinitions.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(customFieldDefinitions).values(values).onConflictDoNothing().returning();
}

export async function findTemplateBySignature(db: Executor, params: { workspaceId: string; signature: string }) {
  const rows = await db
    .select()
    .from(importMappingTemplates)
    .where(and(eq(importMappingTemplates.workspaceId, params.workspaceId), eq(importMappingTemplates.headerSignature, params.signature)))
    .orderBy(desc(importMappingTemplates.updatedAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertTemplate(db: Executor, values: typeof importMappingTemplates.$inferInsert) {
  const [row] = await db
    .insert(importMappingTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [importMappingTemplates.workspaceId, importMappingTemplates.name],
      set: { headers: values.headers, mapping: values.mapping, headerSignature: values.headerSignature, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function findTemplates(db: Executor, workspaceId: string) {
  return db.select().from(importMappingTemplates).where(eq(importMappingTemplates.workspaceId, workspaceId)).orderBy(asc(importMappingTemplates.name));
}

export async function deleteTemplate(db: Executor, params: { workspaceId: string; id: string }) {
  const rows = await db
    .delete(importMappingTemplates)
    .where(and(eq(importMappingTemplates.workspaceId, params.workspaceId), eq(importMappingTemplates.id, params.id)))
    .returning({ id: importMappingTemplates.id });
  return rows.length > 0;
}

/** Audit rows for a whole batch as one INSERT with one JSON parameter (drizzle's per-value parameters cost more than the insert). */
export async function insertAuditBatch(db: Executor, entries: AuditEntryInput[]) {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    id: uuidv7(),
    workspace_id: e.workspaceId, entity_type: e.entityType, entity_id: e.entityId, action: e.action, actor_type: e.actorType,
    actor_id: e.actorId, actor_name: e.actorName, changes: e.changes, job_id: e.jobId ?? null, metadata: e.metadata ?? {},
  }));
  await db.execute(sql`
    insert into audit_log (id, workspace_id, entity_type, entity_id, action, actor_type, actor_id, actor_name, changes, job_id, metadata)
    select id, workspace_id, entity_type, entity_id, action, actor_type, actor_id, actor_name, changes, job_id, metadata
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, workspace_id uuid, entity_type text, entity_id uuid, action audit_action,
      actor_type actor_type, actor_id text, actor_name text, changes jsonb, job_id uuid, metadata jsonb)`);
}

/** Whether any contact of the workspace is soft-deleted: when none is, an import skips looking for ones to restore. */
export async function hasDeletedContacts(db: Executor, workspaceId: string): Promise<boolean> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), sql`${contacts.deletedAt} is not null`))
    .limit(1);
  return rows.length > 0;
}
