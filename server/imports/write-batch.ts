import { diffRecords } from "../audit/diff";
import type { AuditEntryInput } from "../audit/queries";
import type { Executor } from "@/db/types";
import type { JobRef } from "../jobs/step";
import { CUSTOM_PREFIX } from "./pipeline/mapping";
import type { ContactValues, ImportIssue, RowResult } from "./pipeline/row";
import { supportsCopy } from "@/db/copy";
import {
  contactCopyFormat, contactCopyLine, copyContactLines, ensureTags, findContactsWrittenByJob, findDeletedContactsByEmails, findLiveContactsByCustomKey, findLiveContactsByEmails,
  findTagIdsOfContacts, insertAuditBatch, insertContactsBatch, insertIssues, linkTags, updateContactsBatch, type ContactRow,
} from "./queries";
import { emptyCounts, type ImportCounts, type ImportOptions } from "./schemas";
import { uuidv7 } from "./uuid";

export interface BatchContext {
  ref: JobRef;
  fileName: string;
  options: ImportOptions;
  optionTagIds: string[];
  /** False when the workspace had no soft-deleted contacts as the import started: no restore lookups then. */
  lookForDeleted: boolean;
  actor: Pick<AuditEntryInput, "actorType" | "actorId" | "actorName"> & { userId: string };
}

export class ConcurrentWriteError extends Error {}

type Valid = Extract<RowResult, { ok: true }>;

/** Existing values overlaid with the row's non-empty ones; custom fields merge key by key. */
function overlay(before: ContactRow, values: ContactValues): ContactRow {
  const { customFields, ...rest } = values;
  return { ...before, ...rest, customFields: { ...before.customFields, ...customFields } };
}

function issueOf(row: Valid, code: ImportIssue["code"], error: string, severity: ImportIssue["severity"] = "duplicate"): ImportIssue {
  return { row: row.row, line: row.line, field: "email", severity, code, error };
}

/** The COPY text of a batch's valid rows, with their new ids, built ahead (see contactCopyLine). */
export type PrebuiltCopyLines = Map<RowResult, { id: string; line: string }>;

/** The fixed part of every COPY line this import writes. */
export function copyFormatParams(ctx: BatchContext) {
  const ownerId = ctx.options.ownerId === undefined ? ctx.actor.userId : ctx.options.ownerId;
  return { workspaceId: ctx.ref.workspaceId, createdBy: ctx.actor.userId, ownerId, importId: ctx.ref.jobId, fileName: ctx.fileName };
}

/**
 * Writes one batch of processed rows inside the caller's transaction: duplicates of earlier rows are
 * skipped, new emails become contacts (COPY on PostgreSQL, one multi-row INSERT on PGlite), existing ones (when updating) and
 * soft-deleted ones (always) are updated in one UPDATE, every change gets its audit row with the
 * before-image undo needs, and every issue is recorded. Re-running it after a commit is prevented by
 * the caller's ledger; re-running it after a rollback is harmless.
 */
export async function writeBatch(
  tx: Executor, ctx: BatchContext, results: RowResult[], prebuilt?: PrebuiltCopyLines, onCopyStarted?: () => void,
): Promise<ImportCounts> {
  const { ref, options } = ctx;
  const counts = emptyCounts();
  counts.rows = results.length;
  const issues: ImportIssue[] = [];
  const valid: Valid[] = [];
  const firstRowByEmail = new Map<string, number>();
  for (const result of results) {
    issues.push(...result.warnings);
    if (result.warnings.length > 0) counts.warnings++;
    if (!result.ok) {
      issues.push(...result.errors);
      if (result.errors.some((e) => e.field === "email" && e.code === "missing_required")) counts.missing++;
      else counts.invalid++;
      continue;
    }
    const first = firstRowByEmail.get(result.values.email);
    if (first !== undefined) {
      counts.duplicates++;
      issues.push(issueOf(result, "duplicate", `email: ${result.values.email} repeats row ${first}; this row was not imported`));
      continue;
    }
    firstRowByEmail.set(result.values.email, result.row);
    valid.push(result);
  }

  const { ownerId } = copyFormatParams(ctx);
  const batchRows = (rows: Valid[], ids: string[]) => ({
    workspaceId: ref.workspaceId,
    createdBy: ctx.actor.userId,
    rows: rows.map((r, i) => ({ ...r.values, id: ids[i]!, ownerId, sourceDetails: { importId: ref.jobId, fileName: ctx.fileName, row: r.row } })),
  });
  const insertRows = (rows: Valid[], ids: string[]) => insertContactsBatch(tx, batchRows(rows, ids));
  const copyRows = (rows: Valid[], ids: string[]) => {
    const format = contactCopyFormat(copyFormatParams(ctx));
    return copyContactLines(tx, rows.map((r, i) => prebuilt?.get(r)?.line ?? contactCopyLine(format, ids[i]!, r.row, r.values)), onCopyStarted);
  };
  const matchKey = options.matchOn.startsWith(CUSTOM_PREFIX) ? options.matchOn.slice(CUSTOM_PREFIX.length) : null;

  // On PostgreSQL new contacts go in by COPY after one lookup of the batch's emails. Elsewhere (PGlite),
  // matching on email with nothing to restore: insert first and look up only the emails that
  // conflicted, so a file of new contacts costs one INSERT and no lookups.
  const copy = supportsCopy(tx);
  const created: { row: Valid; id: string }[] = [];
  let pending = valid;
  if (!copy && !matchKey && !ctx.lookForDeleted && valid.length > 0) {
    const ids = valid.map(() => uuidv7());
    const inserted = new Set((await insertRows(valid, ids)).map((r) => r.email));
    pending = [];
    valid.forEach((row, i) => {
      if (inserted.has(row.values.email)) created.push({ row, id: ids[i]! });
      else pending.push(row);
    });
  }

  const live = await findLiveContactsByEmails(tx, { workspaceId: ref.workspaceId, emails: pending.map((r) => r.values.email) });
  const liveByEmail = new Map(live.map((c) => [c.email, c]));
  const byKey = new Map<string, ContactRow>();
  if (matchKey) {
    const values = pending.map((r) => r.values.customFields[matchKey]).filter((v): v is string | number => v !== undefined && v !== null).map(String);
    for (const c of await findLiveContactsByCustomKey(tx, { workspaceId: ref.workspaceId, key: matchKey, values })) {
      byKey.set(String(c.customFields[matchKey]), c);
    }
  }
  const matchOf = (r: Valid) => {
    const keyValue = matchKey ? r.values.customFields[matchKey] : undefined;
    return (keyValue !== undefined && keyValue !== null ? byKey.get(String(keyValue)) : undefined) ?? liveByEmail.get(r.values.email);
  };
  const matched = pending.map(matchOf);
  // Contacts this import already wrote in an earlier batch: created ones carry the import in their
  // sourceDetails, updated ones have an audit row from it.
  const createdHere = new Map<string, number>();
  for (const c of matched) if (c && c.sourceDetails.importId === ref.jobId) createdHere.set(c.id, Number(c.sourceDetails.row ?? 0));
  const updatedHere = await findContactsWrittenByJob(tx, {
    workspaceId: ref.workspaceId, jobId: ref.jobId, ids: [...new Set(matched.filter((c) => c && !createdHere.has(c.id)).map((c) => c!.id))],
  });
  const written = new Map([...createdHere, ...updatedHere]);
  const deleted = ctx.lookForDeleted
    ? await findDeletedContactsByEmails(tx, { workspaceId: ref.workspaceId, emails: pending.filter((_, i) => !matched[i]).map((r) => r.values.email) })
    : [];
  const deletedByEmail = new Map(deleted.map((c) => [c.email, c]));

  const creates: Valid[] = [];
  const updates: { row: Valid; before: ContactRow; after: ContactRow; restore: boolean }[] = [];
  const claimed = new Set<string>();
  pending.forEach((row, i) => {
    const existing = matched[i];
    if (existing) {
      const earlier = written.get(existing.id);
      if (earlier !== undefined || claimed.has(existing.id)) {
        counts.duplicates++;
        issues.push(issueOf(row, "duplicate", `email: ${row.values.email} repeats row ${earlier ?? "above"}; this row was not imported`));
        return;
      }
      claimed.add(existing.id);
      if (!options.updateExisting) {
        counts.skipped++;
        return;
      }
      updates.push({ row, before: existing, after: overlay(existing, row.values), restore: false });
      return;
    }
    const trashed = deletedByEmail.get(row.values.email);
    if (trashed) {
      updates.push({ row, before: trashed, after: { ...overlay(trashed, row.values), deletedAt: null }, restore: true });
      return;
    }
    creates.push(row);
  });
  if (creates.length > 0) {
    // In the insert-first path a row that conflicted but matches nothing now lost a race with a delete.
    if (created.length > 0 || (!copy && !matchKey && !ctx.lookForDeleted)) throw new ConcurrentWriteError("contacts changed while the batch ran");
    const ids = creates.map((row) => prebuilt?.get(row)?.id ?? uuidv7());
    if (copy) {
      await copyRows(creates, ids);
    } else {
      const inserted = await insertRows(creates, ids);
      if (inserted.length !== creates.length) throw new ConcurrentWriteError("contacts with these emails were created while the batch ran");
    }
    creates.forEach((row, i) => created.push({ row, id: ids[i]! }));
  }

  // Tags: the option's tags for every written contact, plus each row's own tag cells.
  const rowTagNames = [...new Set([...created.map((c) => c.row), ...updates.map((u) => u.row)].flatMap((r) => r.tags))];
  const { ids: tagIds, created: createdTags } = await ensureTags(tx, { workspaceId: ref.workspaceId, names: rowTagNames, createdBy: ctx.actor.userId });
  const tagsFor = (row: Valid) => [...new Set([...ctx.optionTagIds, ...row.tags.map((t) => tagIds.get(t.toLowerCase())!).filter(Boolean)])];

  const audit: AuditEntryInput[] = createdTags.map((tag) => ({
    workspaceId: ref.workspaceId, ...ctx.actor, entityType: "tag", entityId: tag.id, action: "create" as const,
    changes: { name: { old: null, new: tag.name } }, jobId: ref.jobId, metadata: { importId: ref.jobId },
  }));
  const links: { contactId: string; tagId: string }[] = [];
  for (const { row, id } of created) for (const tagId of tagsFor(row)) links.push({ contactId: id, tagId });
  // One audit entry per batch for the contacts it created: their before-image is "absent", so undo
  // needs only their ids, and one row instead of thousands keeps a large import near COPY speed.
  if (created.length > 0) {
    created.sort((a, b) => a.row.row - b.row.row);
    audit.push({
      workspaceId: ref.workspaceId, ...ctx.actor, entityType: "contact", entityId: null, action: "import", changes: {}, jobId: ref.jobId,
      metadata: { importId: ref.jobId, fileName: ctx.fileName, created: created.map((c) => c.id), rows: [created[0]!.row.row, created.at(-1)!.row.row] },
    });
  }
  counts.created = created.length;

  const tagsBefore = await findTagIdsOfContacts(tx, { workspaceId: ref.workspaceId, ids: updates.map((u) => u.before.id) });
  const changedUpdates: typeof updates = [];
  for (const update of updates) {
    const before = tagsBefore.get(update.before.id) ?? new Set<string>();
    const addedTagIds = tagsFor(update.row).filter((id) => !before.has(id));
    const changes = diffRecords(update.before, update.after);
    if (Object.keys(changes).length === 0 && addedTagIds.length === 0) {
      counts.unchanged++;
      continue;
    }
    changedUpdates.push(update);
    if (update.restore) counts.restored++;
    else counts.updated++;
    for (const tagId of addedTagIds) links.push({ contactId: update.before.id, tagId });
    audit.push({
      workspaceId: ref.workspaceId, ...ctx.actor, entityType: "contact", entityId: update.before.id,
      action: update.restore ? "restore" : "update", changes, jobId: ref.jobId,
      metadata: { importId: ref.jobId, row: update.row.row, beforeUpdatedAt: update.before.updatedAt.toISOString(), addedTagIds },
    });
  }
  await updateContactsBatch(tx, { workspaceId: ref.workspaceId, rows: changedUpdates.map((u) => ({ ...u.after, updatedAt: undefined })) });
  // Independent inserts, sent together: postgres.js pipelines them on the transaction's connection.
  await Promise.all([linkTags(tx, { workspaceId: ref.workspaceId, pairs: links }), insertAuditBatch(tx, audit), insertIssues(tx, ref, issues)]);
  return counts;
}
