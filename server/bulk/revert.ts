import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { contacts, contactTags, type FieldChanges } from "@/db/schema";
import type { Executor } from "@/db/types";
import { liveEmails } from "./apply";
import type { findJobAuditPage } from "./queries";

export type AuditRow = Awaited<ReturnType<typeof findJobAuditPage>>[number];

const columns = getTableColumns(contacts);
const CUSTOM = "customFields.";
/** The table is declared with camelCase keys and drizzle's snake_case casing: the database's name of a key. */
const dbName = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The fields an entry changed, split into contact columns and custom-field keys set back or removed. */
function shapeOf(changes: FieldChanges) {
  const columnFields: string[] = [];
  const customSet: string[] = [];
  const customRemove: string[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (field.startsWith(CUSTOM)) {
      const name = field.slice(CUSTOM.length);
      if (change.old === null || change.old === undefined) customRemove.push(name);
      else customSet.push(name);
    } else if (field !== "tagIds") {
      columnFields.push(field);
    }
  }
  return { columnFields: columnFields.sort(), customSet: customSet.sort(), customRemove: customRemove.sort() };
}

/** Puts a tag entry's links back: the links it added go, the ones it removed return. */
async function revertTags(tx: Executor, workspaceId: string, entry: AuditRow) {
  const contactId = entry.entityId!;
  const metadata = entry.metadata as { addedTagIds?: string[]; removedTagIds?: string[] };
  const added = metadata.addedTagIds ?? [];
  if (added.length > 0) {
    await tx.delete(contactTags).where(and(eq(contactTags.workspaceId, workspaceId), eq(contactTags.contactId, contactId), inArray(contactTags.tagId, added)));
  }
  const removed = metadata.removedTagIds ?? [];
  if (removed.length > 0) await tx.insert(contactTags).values(removed.map((tagId) => ({ workspaceId, contactId, tagId }))).onConflictDoNothing();
}

/**
 * One UPDATE for every entry of the same shape (the same fields changed): each contact gets its own
 * old values from a JSON recordset. A bulk operation's entries nearly all share one shape, so a batch of
 * 2,000 is one statement (and one pass of the search triggers), not 2,000.
 */
async function revertGroup(tx: Executor, workspaceId: string, shape: ReturnType<typeof shapeOf>, entries: AuditRow[]) {
  const recordColumns: SQL[] = [sql`id uuid`];
  const assignments: SQL[] = [];
  for (const field of shape.columnFields) {
    const column = columns[field as keyof typeof columns];
    if (!column) throw new Error(`cannot revert unknown contact field ${field}`);
    recordColumns.push(sql`${sql.identifier(dbName(field))} ${sql.raw(column.getSQLType())}`);
    assignments.push(sql`${sql.identifier(dbName(field))} = v.${sql.identifier(dbName(field))}`);
  }
  if (shape.customSet.length > 0 || shape.customRemove.length > 0) {
    recordColumns.push(sql`custom_set jsonb`);
    assignments.push(sql`custom_fields = (c.custom_fields || coalesce(v.custom_set, '{}'::jsonb)) - ${`{${shape.customRemove.map((key) => JSON.stringify(key)).join(",")}}`}::text[]`);
  }
  assignments.push(sql`updated_at = now()`);
  const records = entries.map((entry) => {
    const record: Record<string, unknown> = { id: entry.entityId };
    for (const field of shape.columnFields) record[dbName(field)] = entry.changes[field]!.old ?? null;
    if (shape.customSet.length > 0) record.custom_set = Object.fromEntries(shape.customSet.map((key) => [key, entry.changes[`${CUSTOM}${key}`]!.old]));
    return record;
  });
  await tx.execute(sql`
    update ${contacts} as c set ${sql.join(assignments, sql`, `)}
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(${sql.join(recordColumns, sql`, `)})
    where c.workspace_id = ${workspaceId}::uuid and c.id = v.id`);
}

/**
 * Reverts a page of a bulk operation's audit entries; returns the entries it could revert (a deleted
 * contact whose email another live contact has taken since stays deleted) and a count of the others.
 */
export async function revertEntries(tx: Executor, workspaceId: string, entries: AuditRow[]): Promise<{ reverted: AuditRow[]; failed: number }> {
  const reverted: AuditRow[] = [];
  let failed = 0;
  let candidates: AuditRow[] = [];
  for (const entry of entries) {
    const metadata = entry.metadata as { addedTagIds?: string[]; removedTagIds?: string[] };
    if (metadata.addedTagIds || metadata.removedTagIds) {
      await revertTags(tx, workspaceId, entry);
      reverted.push(entry);
    } else {
      candidates.push(entry);
    }
  }

  // Undoing a delete brings the email back: refused where another live contact uses it now.
  const deletes = candidates.filter((entry) => entry.action === "delete");
  if (deletes.length > 0) {
    const rows = await tx.select({ id: contacts.id, email: contacts.email }).from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, deletes.map((entry) => entry.entityId!))));
    const taken = await liveEmails(tx, workspaceId, rows.map((row) => row.email));
    const blocked = new Set(rows.filter((row) => taken.has(row.email)).map((row) => row.id));
    failed += blocked.size;
    candidates = candidates.filter((entry) => !blocked.has(entry.entityId!));
  }

  const groups = new Map<string, { shape: ReturnType<typeof shapeOf>; entries: AuditRow[] }>();
  for (const entry of candidates) {
    const shape = shapeOf(entry.changes);
    const key = JSON.stringify(shape);
    const group = groups.get(key) ?? { shape, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  for (const { shape, entries: grouped } of groups.values()) {
    if (shape.columnFields.length > 0 || shape.customSet.length > 0 || shape.customRemove.length > 0) await revertGroup(tx, workspaceId, shape, grouped);
    reverted.push(...grouped);
  }
  return { reverted, failed };
}
