import { diffRecords } from "../audit/diff";
import type { AuditEntryInput } from "../audit/queries";
import { runOnce } from "../jobs/ledger";
import { publishJobChange } from "../jobs/progress";
import { findJob, incrementJobCounts, updateJob } from "../jobs/queries";
import type { JobDeps, JobRef, JobStep } from "../jobs/step";
import { findLiveContactsByEmails, insertAuditBatch, updateContactsBatch, type ContactRow } from "./queries";
import { contacts } from "@/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/types";
import type { ImportJobInput } from "./schemas";
import {
  countImportedContacts, deleteTagsAndFields, findContactsEditedAfterImport, findCreatedBatch, findReferencedContacts,
  findUnusedCreatedDefinitions, findUpdatedByImport, hardDeleteContacts, unlinkTags, type UpdatedEntity,
} from "./undo-queries";

export interface UndoJobInput extends Record<string, unknown> {
  importId: string;
  force: boolean;
  actor: ImportJobInput["actor"];
}

export interface UndoCounts {
  deleted: number;
  softDeleted: number;
  reverted: number;
  keptEdited: number;
  missing: number;
}

const UNDO_BATCH = 2000;

/** The contact as it was before the import: each changed field's old value, custom fields key by key. */
export function beforeImage(current: ContactRow, entity: UpdatedEntity): ContactRow {
  const restored: Record<string, unknown> = { ...current, customFields: { ...current.customFields } };
  const customFields = restored.customFields as Record<string, unknown>;
  for (const [key, change] of Object.entries(entity.changes)) {
    if (key.startsWith("customFields.")) {
      const name = key.slice("customFields.".length);
      if (change.old === null || change.old === undefined) delete customFields[name];
      else customFields[name] = change.old;
    } else if (key === "deletedAt" || key === "lastActivityAt" || key === "lastContactedAt") {
      restored[key] = change.old === null ? null : new Date(String(change.old));
    } else restored[key] = change.old;
  }
  if (entity.metadata.beforeUpdatedAt) restored.updatedAt = new Date(entity.metadata.beforeUpdatedAt);
  return restored as ContactRow;
}

const emptyUndoCounts = (): UndoCounts => ({ deleted: 0, softDeleted: 0, reverted: 0, keptEdited: 0, missing: 0 });

async function lockContacts(tx: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, ContactRow>();
  const rows = await tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids))).for("update");
  return new Map(rows.map((r) => [r.id, r]));
}

async function editedAmong(tx: Executor, ref: JobRef, input: UndoJobInput, ids: string[]) {
  if (input.force || ids.length === 0) return new Set<string>();
  const edited = await findContactsEditedAfterImport(tx, { workspaceId: ref.workspaceId, importId: input.importId, ignoreJobId: ref.jobId, ids });
  return new Set(edited.map((e) => e.contactId));
}

/** Removes the contacts one import batch created: erased, or soft-deleted when other records point at them. */
async function undoCreatedBatch(deps: JobDeps, ref: JobRef, input: UndoJobInput, after: { createdAt: string; id: string } | null, index: number) {
  return runOnce(deps.db, ref, `undo-created-${index}`, async (tx) => {
    const counts = emptyUndoCounts();
    const entry = await findCreatedBatch(tx, { workspaceId: ref.workspaceId, importId: input.importId, after });
    if (!entry) return { counts, next: after, done: true };
    const edited = await editedAmong(tx, ref, input, entry.created);
    const current = await lockContacts(tx, ref.workspaceId, entry.created);
    const candidates = entry.created.filter((id) => current.has(id) && !edited.has(id));
    const referenced = await findReferencedContacts(tx, { workspaceId: ref.workspaceId, ids: candidates });
    counts.missing = entry.created.length - current.size;
    counts.keptEdited = entry.created.filter((id) => current.has(id) && edited.has(id)).length;
    const erase = candidates.filter((id) => !referenced.has(id));
    const now = new Date();
    const soften = candidates.filter((id) => referenced.has(id) && !current.get(id)!.deletedAt).map((id) => ({ ...current.get(id)!, deletedAt: now, updatedAt: undefined }));
    counts.deleted = erase.length;
    counts.softDeleted = candidates.length - erase.length;
    await hardDeleteContacts(tx, { workspaceId: ref.workspaceId, ids: erase });
    await updateContactsBatch(tx, { workspaceId: ref.workspaceId, rows: soften });
    await insertAuditBatch(tx, [
      {
        workspaceId: ref.workspaceId, ...actorOf(input), entityType: "contact", entityId: null, action: "undo", changes: {}, jobId: ref.jobId,
        metadata: { importId: input.importId, deleted: erase, softDeleted: soften.map((c) => c.id) },
      },
      ...soften.map((c) => ({
        workspaceId: ref.workspaceId, ...actorOf(input), entityType: "contact", entityId: c.id, action: "delete" as const,
        changes: { deletedAt: { old: null, new: now.toISOString() } }, jobId: ref.jobId, metadata: { importId: input.importId },
      })),
    ]);
    await incrementJobCounts(tx, ref, { processed: entry.created.length, success: candidates.length, error: 0, skipped: counts.keptEdited + counts.missing });
    return { counts, next: { createdAt: entry.createdAt, id: entry.id }, done: false };
  });
}

/** Gives contacts the import updated (or restored) their before-image back, a slice of ids at a time. */
async function undoUpdatedBatch(deps: JobDeps, ref: JobRef, input: UndoJobInput, after: string | null, index: number) {
  return runOnce(deps.db, ref, `undo-updated-${index}`, async (tx) => {
    const counts = emptyUndoCounts();
    const entities = await findUpdatedByImport(tx, { workspaceId: ref.workspaceId, importId: input.importId, after, limit: UNDO_BATCH });
    if (entities.length === 0) return { counts, next: after, done: true };
    const ids = entities.map((e) => e.entityId);
    const edited = await editedAmong(tx, ref, input, ids);
    const current = await lockContacts(tx, ref.workspaceId, ids);
    const audit: AuditEntryInput[] = [];
    const reverts: ContactRow[] = [];
    const tagLinks: { contactId: string; tagId: string }[] = [];
    for (const entity of entities) {
      const contact = current.get(entity.entityId);
      if (!contact) counts.missing++;
      else if (edited.has(contact.id)) counts.keptEdited++;
      else reverts.push(beforeImage(contact, entity));
    }
    // A reverted email must not collide with a live contact created since; such contacts stay as they are.
    const changedEmails = reverts.filter((r) => !r.deletedAt && r.email !== current.get(r.id)!.email).map((r) => r.email);
    const taken = new Set((await findLiveContactsByEmails(tx, { workspaceId: ref.workspaceId, emails: changedEmails })).map((c) => c.email));
    const applied = reverts.filter((r) => r.deletedAt || r.email === current.get(r.id)!.email || !taken.has(r.email));
    counts.keptEdited += reverts.length - applied.length;
    counts.reverted = applied.length;
    const byId = new Map(entities.map((e) => [e.entityId, e]));
    for (const restored of applied) {
      audit.push({
        workspaceId: ref.workspaceId, ...actorOf(input), entityType: "contact", entityId: restored.id, action: "undo",
        changes: diffRecords(current.get(restored.id)!, restored), jobId: ref.jobId, metadata: { importId: input.importId },
      });
      for (const tagId of byId.get(restored.id)!.metadata.addedTagIds ?? []) tagLinks.push({ contactId: restored.id, tagId });
    }
    await unlinkTags(tx, { workspaceId: ref.workspaceId, pairs: tagLinks });
    await updateContactsBatch(tx, { workspaceId: ref.workspaceId, rows: applied });
    await insertAuditBatch(tx, audit);
    await incrementJobCounts(tx, ref, { processed: entities.length, success: applied.length, error: 0, skipped: counts.keptEdited + counts.missing });
    return { counts, next: entities.at(-1)!.entityId, done: entities.length < UNDO_BATCH };
  });
}

const actorOf = (input: UndoJobInput) => ({ actorType: input.actor.type, actorId: input.actor.id, actorName: input.actor.name });

async function finishUndo(deps: JobDeps, ref: JobRef, input: UndoJobInput, totals: UndoCounts) {
  const importRef = { workspaceId: ref.workspaceId, jobId: input.importId };
  await deps.db.transaction(async (tx) => {
    const unused = await findUnusedCreatedDefinitions(tx, { workspaceId: ref.workspaceId, importId: input.importId });
    await deleteTagsAndFields(tx, { workspaceId: ref.workspaceId, tagIds: unused.tagIds, fieldIds: unused.fields.map((f) => f.id) });
    const importJob = await findJob(tx, importRef, { forUpdate: true });
    await updateJob(tx, importRef, {
      result: { ...(importJob?.result ?? {}), undo: { jobId: ref.jobId, status: "succeeded", undoneAt: new Date().toISOString(), counts: totals, force: input.force } },
    });
    await updateJob(tx, ref, { status: "succeeded", progress: 1, finishedAt: new Date(), result: { counts: totals, removedTags: unused.tagIds.length, removedCustomFields: unused.fields.map((f) => f.fieldName) } });
  });
  publishJobChange(ref);
  publishJobChange(importRef);
  return totals;
}

/** Reverts an import batch by batch: created contacts removed, updated ones given their before-image back. */
export async function runUndoImportJob(deps: JobDeps, ref: JobRef, step: JobStep) {
  const started = await step.run("prepare", async () => {
    const job = await findJob(deps.db, ref);
    if (!job) throw new Error(`undo job ${ref.jobId} does not exist`);
    const input = job.input as UndoJobInput;
    const total = await countImportedContacts(deps.db, { workspaceId: ref.workspaceId, importId: input.importId });
    await updateJob(deps.db, ref, { status: "running", startedAt: job.startedAt ?? new Date(), totalCount: total });
    publishJobChange(ref);
    return { input, total };
  });
  const totals = emptyUndoCounts();
  const add = (counts: UndoCounts) => {
    for (const key of Object.keys(totals) as (keyof UndoCounts)[]) totals[key] += counts[key];
  };
  let afterBatch: { createdAt: string; id: string } | null = null;
  for (let index = 0; ; index++) {
    const output = await step.run(`undo-created-${index}`, async () => {
      const result = await undoCreatedBatch(deps, ref, started.input, afterBatch, index);
      publishJobChange(ref);
      return result;
    });
    add(output.counts);
    if (output.done) break;
    afterBatch = output.next;
  }
  let afterId: string | null = null;
  for (let index = 0; ; index++) {
    const output = await step.run(`undo-updated-${index}`, async () => {
      const result = await undoUpdatedBatch(deps, ref, started.input, afterId, index);
      publishJobChange(ref);
      return result;
    });
    add(output.counts);
    if (output.done) break;
    afterId = output.next;
  }
  return step.run("finish", () => finishUndo(deps, ref, started.input, totals));
}

