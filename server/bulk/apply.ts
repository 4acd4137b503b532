import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { contacts, type FieldChanges } from "@/db/schema";
import type { Executor } from "@/db/types";
import type { AuditEntryInput } from "../audit/queries";
import { insertAuditEntries } from "../audit/queries";
import { diffRecords } from "../audit/diff";
import { findCustomFieldDefinitions } from "../custom-fields/queries";
import { formatCustomFieldErrors, validateCustomFieldValues } from "../custom-fields/validate";
import type { ContactRow } from "../contacts/queries";
import { deleteTagLinks, insertTagLinks, lockTargetBatch } from "./queries";
import type { BulkJobInput } from "./schemas";

export interface BatchError {
  contactId: string;
  error: string;
}

export interface BatchOutcome {
  lastId: string | null;
  processed: number;
  success: number;
  errors: BatchError[];
}

export type AuditActor = Pick<AuditEntryInput, "actorType" | "actorId" | "actorName">;

export interface BatchParams {
  workspaceId: string;
  jobId: string;
  actor: AuditActor;
  input: BulkJobInput;
  condition: SQL;
  afterId: string | null;
  limit: number;
}

const timestampColumns = new Set(["lastActivityAt", "lastContactedAt", "deletedAt", "enrichmentUpdatedAt"]);

/** Turns the JSON form of a column value (as kept in job input and audit changes) back into what drizzle writes. */
export function columnValue(field: string, value: unknown): unknown {
  if (timestampColumns.has(field) && typeof value === "string") return new Date(value);
  return value ?? null;
}

/** `custom_fields` with `set` merged in and `remove` keys dropped; arrays go in as JSON, since drizzle spreads JS arrays into a list. */
export function customFieldsPatchSql(set: Record<string, unknown>, remove: string[]): SQL {
  return sql`(${contacts.customFields} || ${JSON.stringify(set)}::jsonb) - array(select jsonb_array_elements_text(${JSON.stringify(remove)}::jsonb))`;
}

function auditEntry(params: BatchParams, contactId: string, action: AuditEntryInput["action"], changes: FieldChanges, metadata: Record<string, unknown> = {}): AuditEntryInput {
  return { workspaceId: params.workspaceId, entityType: "contact", entityId: contactId, action, ...params.actor, changes, jobId: params.jobId, metadata: { bulk: params.input.operation, ...metadata } };
}

function outcome(rows: ContactRow[], errors: BatchError[]): BatchOutcome {
  return { lastId: rows.at(-1)?.id ?? null, processed: rows.length, success: rows.length - errors.length, errors };
}

/**
 * One batch of a bulk update. Standard fields take the same value on every row, custom fields are merged
 * into each row's own object, all in one statement; a contact whose resulting custom fields would not
 * hold (a required field still empty, a stored value its definition no longer accepts) is reported and left.
 */
async function updateBatch(tx: Executor, params: BatchParams): Promise<BatchOutcome> {
  const rows = await lockTargetBatch(tx, params);
  const { customFields: customPatch, ...standard } = (params.input.update ?? {}) as Record<string, unknown> & { customFields?: Record<string, unknown> };
  const standardValues = Object.fromEntries(Object.entries(standard).map(([field, value]) => [field, columnValue(field, value)]));
  const errors: BatchError[] = [];
  const ok: Array<{ row: ContactRow; after: Record<string, unknown> }> = [];
  const definitions = customPatch ? await findCustomFieldDefinitions(tx, { workspaceId: params.workspaceId, objectType: "contact", includeArchived: false }) : [];
  const liveNames = new Set(definitions.map((definition) => definition.fieldName));
  for (const row of rows) {
    let customFields = row.customFields;
    if (customPatch) {
      customFields = { ...row.customFields, ...customPatch };
      for (const [name, value] of Object.entries(customPatch)) if (value === null) delete customFields[name];
      const live = Object.fromEntries(Object.entries(customFields).filter(([name]) => liveNames.has(name)));
      const check = validateCustomFieldValues(definitions, live, { partial: false });
      if (!check.ok) {
        errors.push({ contactId: row.id, error: formatCustomFieldErrors(check.errors) });
        continue;
      }
    }
    ok.push({ row, after: { ...standardValues, ...(customPatch ? { customFields } : {}) } });
  }
  if (ok.length > 0) {
    const nullKeys = Object.entries(customPatch ?? {}).filter(([, value]) => value === null).map(([name]) => name);
    const setValues = Object.fromEntries(Object.entries(customPatch ?? {}).filter(([, value]) => value !== null));
    await tx
      .update(contacts)
      .set({
        ...(standardValues as Partial<typeof contacts.$inferInsert>),
        ...(customPatch ? { customFields: customFieldsPatchSql(setValues, nullKeys) } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(contacts.workspaceId, params.workspaceId), inArray(contacts.id, ok.map(({ row }) => row.id))));
    const entries: AuditEntryInput[] = [];
    for (const { row, after } of ok) {
      const before = Object.fromEntries(Object.keys(after).map((field) => [field, row[field as keyof ContactRow]]));
      const changes = diffRecords(before, after);
      if (Object.keys(changes).length > 0) entries.push(auditEntry(params, row.id, "update", changes));
    }
    await insertAuditEntries(tx, entries);
  }
  return outcome(rows, errors);
}

async function deleteBatch(tx: Executor, params: BatchParams): Promise<BatchOutcome> {
  const rows = await lockTargetBatch(tx, params);
  if (rows.length === 0) return outcome(rows, []);
  const now = new Date();
  await tx.update(contacts).set({ deletedAt: now, updatedAt: now }).where(and(eq(contacts.workspaceId, params.workspaceId), inArray(contacts.id, rows.map((row) => row.id))));
  await insertAuditEntries(tx, rows.map((row) => auditEntry(params, row.id, "delete", { deletedAt: { old: null, new: now.toISOString() } })));
  return outcome(rows, []);
}

/** Restores deleted contacts, except those whose email a live contact has taken since. */
async function restoreBatch(tx: Executor, params: BatchParams): Promise<BatchOutcome> {
  const rows = await lockTargetBatch(tx, params);
  const taken = await liveEmails(tx, params.workspaceId, rows.map((row) => row.email));
  const errors: BatchError[] = [];
  const restorable: ContactRow[] = [];
  const claimed = new Set<string>();
  for (const row of rows) {
    if (taken.has(row.email) || claimed.has(row.email)) errors.push({ contactId: row.id, error: `another live contact has the email ${row.email}` });
    else {
      claimed.add(row.email);
      restorable.push(row);
    }
  }
  if (restorable.length > 0) {
    await tx.update(contacts).set({ deletedAt: null, updatedAt: new Date() }).where(and(eq(contacts.workspaceId, params.workspaceId), inArray(contacts.id, restorable.map((row) => row.id))));
    await insertAuditEntries(tx, restorable.map((row) => auditEntry(params, row.id, "restore", { deletedAt: { old: row.deletedAt?.toISOString() ?? null, new: null } })));
  }
  return outcome(rows, errors);
}

export async function liveEmails(tx: Executor, workspaceId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx
    .select({ email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt), inArray(contacts.email, emails)));
  return new Set(rows.map((row) => row.email));
}

/** Adds and removes tag links; the audit entry keeps exactly which links changed, which is what undo reverses. */
async function tagBatch(tx: Executor, params: BatchParams): Promise<BatchOutcome> {
  const rows = await lockTargetBatch(tx, params);
  const contactIds = rows.map((row) => row.id);
  const added = await insertTagLinks(tx, { workspaceId: params.workspaceId, contactIds, tagIds: params.input.addTagIds ?? [] });
  const removed = await deleteTagLinks(tx, { workspaceId: params.workspaceId, contactIds, tagIds: params.input.removeTagIds ?? [] });
  const byContact = new Map<string, { added: string[]; removed: string[] }>();
  for (const link of added) (byContact.get(link.contactId) ?? byContact.set(link.contactId, { added: [], removed: [] }).get(link.contactId)!).added.push(link.tagId);
  for (const link of removed) (byContact.get(link.contactId) ?? byContact.set(link.contactId, { added: [], removed: [] }).get(link.contactId)!).removed.push(link.tagId);
  await insertAuditEntries(
    tx,
    [...byContact].map(([contactId, links]) =>
      auditEntry(params, contactId, "update", { tagIds: { old: links.removed, new: links.added } }, { addedTagIds: links.added, removedTagIds: links.removed }),
    ),
  );
  return outcome(rows, []);
}

export function applyBatch(tx: Executor, params: BatchParams): Promise<BatchOutcome> {
  switch (params.input.operation) {
    case "update":
      return updateBatch(tx, params);
    case "delete":
      return deleteBatch(tx, params);
    case "restore":
      return restoreBatch(tx, params);
    case "tag":
      return tagBatch(tx, params);
  }
}
