import { and, asc, eq, gt, inArray, isNull, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import type { Executor } from "@/db/types";
import { insertAuditEntries } from "../audit/queries";
import { findTagsOfContacts } from "../contacts/queries";
import { prepareContactFilter } from "../filters/filter";
import { conditionToSql } from "../filters/compile";
import { insertFileRow } from "../files/queries";
import { publishJobChange } from "../jobs/progress";
import { findJob, updateJob } from "../jobs/queries";
import type { JobDeps, JobRef, JobStep } from "../jobs/step";
import type { AuditActor } from "../bulk/apply";
import { csvLine } from "./csv";
import { EXPORT_BATCH_SIZE, EXPORT_LINK_TTL_MS } from "./schemas";

export interface ExportJobInput {
  filters?: unknown;
  ids?: string[];
  fields: string[];
  actor: AuditActor;
  [key: string]: unknown;
}

export interface ExportResult {
  fileId: string;
  rowCount: number;
  expiresAt: string;
  [key: string]: unknown;
}

export async function exportCondition(db: Executor, workspaceId: string, input: Pick<ExportJobInput, "filters" | "ids">): Promise<SQL> {
  const conditions: SQL[] = [eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt)];
  if (input.ids) conditions.push(inArray(contacts.id, input.ids));
  if (input.filters) {
    const parsed = await prepareContactFilter({ db, workspaceId }, input.filters);
    if (parsed.condition) conditions.push(conditionToSql(parsed.condition, { workspaceId }));
  }
  return and(...conditions)!;
}

function cellOf(contact: typeof contacts.$inferSelect, field: string, tagNames: string[]): unknown {
  if (field === "tags") return tagNames;
  if (field.startsWith("customFields.")) return contact.customFields[field.slice("customFields.".length)];
  return contact[field as keyof typeof contact];
}

/**
 * Streams the matching contacts into storage as CSV: keyset batches of ids feed the writer one at a
 * time, so memory stays flat whatever the row count. One step writes the whole file, since a stored
 * object cannot be appended to across steps; a retry rewrites it from the start.
 */
export async function runExportJob(deps: JobDeps & { batchSize?: number }, ref: JobRef, step: JobStep): Promise<ExportResult> {
  const job = await findJob(deps.db, ref);
  if (!job) throw new Error(`export job ${ref.jobId} does not exist`);
  const input = job.input as ExportJobInput;
  const limit = deps.batchSize ?? EXPORT_BATCH_SIZE;

  const written = await step.run("write", async () => {
    await updateJob(deps.db, ref, { status: "running", startedAt: new Date(), processedCount: 0 });
    publishJobChange(ref);
    const condition = await exportCondition(deps.db, ref.workspaceId, input);
    let rowCount = 0;
    const withTags = input.fields.includes("tags");
    async function* lines(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(csvLine(input.fields));
      let afterId: string | null = null;
      for (;;) {
        const rows = await deps.db
          .select()
          .from(contacts)
          .where(afterId ? and(condition, gt(contacts.id, afterId)) : condition)
          .orderBy(asc(contacts.id))
          .limit(limit);
        if (rows.length === 0) return;
        const tagsByContact = withTags ? await findTagsOfContacts(deps.db, { workspaceId: ref.workspaceId, contactIds: rows.map((row) => row.id) }) : new Map();
        let chunk = "";
        for (const row of rows) {
          const tagNames = (tagsByContact.get(row.id) ?? []).map((tag: { name: string }) => tag.name);
          chunk += csvLine(input.fields.map((field) => cellOf(row, field, tagNames)));
        }
        rowCount += rows.length;
        afterId = rows.at(-1)!.id;
        yield Buffer.from(chunk);
        await updateJob(deps.db, ref, { processedCount: rowCount, successCount: rowCount });
        publishJobChange(ref);
        if (rows.length < limit) return;
      }
    }
    const fileName = `contacts-export-${new Date().toISOString().slice(0, 10)}.csv`;
    const storageKey = `${ref.workspaceId}/exports/${ref.jobId}/${fileName}`;
    const stored = await deps.storage.write(storageKey, lines());
    const expiresAt = new Date(Date.now() + EXPORT_LINK_TTL_MS);
    const file = await insertFileRow(deps.db, {
      workspaceId: ref.workspaceId, purpose: "export", fileName, contentType: "text/csv; charset=utf-8",
      sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey, createdBy: job.actorId, expiresAt,
    });
    return { fileId: file.id, rowCount, expiresAt: expiresAt.toISOString() };
  });

  return step.run("finish", async () => {
    const result: ExportResult = { ...written };
    await deps.db.transaction(async (tx) => {
      await updateJob(tx, ref, { status: "succeeded", progress: 1, totalCount: written.rowCount, processedCount: written.rowCount, successCount: written.rowCount, finishedAt: new Date(), result });
      // Who exported what: the filter and fields as asked, and how many rows left the workspace.
      await insertAuditEntries(tx, [{
        workspaceId: ref.workspaceId, entityType: "export", entityId: ref.jobId, action: "export", ...input.actor, changes: {}, jobId: ref.jobId,
        metadata: { filters: input.filters ?? null, ids: input.ids?.length ?? null, fields: input.fields, rowCount: written.rowCount, fileId: written.fileId },
      }]);
    });
    publishJobChange(ref);
    return result;
  });
}
