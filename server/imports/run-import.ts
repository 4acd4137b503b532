import { insertAuditEntries } from "../audit/queries";
import { runOnce } from "../jobs/ledger";
import { failJob } from "../jobs/lifecycle";
import { publishJobChange } from "../jobs/progress";
import { findJob, incrementJobCounts, updateJob, type JobRow } from "../jobs/queries";
import type { JobDeps, JobRef, JobStep } from "../jobs/step";
import { insertNotification } from "../notifications/queries";
import { deferSearchRefresh } from "../search/deferred";
import { startSearchIndexJob } from "../search/index-job";
import { scanStoredFile } from "./pipeline/scan-cache";
import { readRowBatch } from "./pipeline/reader";
import { processRow } from "./pipeline/row";
import type { ByteSource } from "./pipeline/source";
import type { SplitterPosition } from "./pipeline/splitter";
import { ImportFileError } from "./pipeline/splitter";
import { compileRowPlan } from "./plan";
import {
  contactCopyFormat, contactCopyLine, ensureTags, findContactCustomFields, type ContactCopyFormat, findFile, findIssuesPage, hasDeletedContacts, insertCustomFieldDefinitions, insertIssues, sumCommittedCounts,
} from "./queries";
import { addCounts, emptyCounts, type ImportCounts, type ImportJobInput, type ImportPlan } from "./schemas";
import { copyFormatParams, writeBatch, type BatchContext, type PrebuiltCopyLines } from "./write-batch";
import { uuidv7 } from "./uuid";
import { supportsCopy } from "@/db/copy";

export const MAX_IMPORT_ROWS = Number(process.env.HASTECRM_IMPORT_MAX_ROWS ?? 2_000_000);

/**
 * Rows per step: about 20 steps for a small file, between 1,000 and 5,000 rows each. The cap keeps the
 * importer's peak memory flat in the file's size (peak RSS 383 MB at 100,000 rows, 418 MB at 1,000,000;
 * 524 MB with 10,000-row batches); 2,000,000 rows then take 400 write steps (plus 400 validation steps
 * when skipInvalid is off), inside Inngest's 1,000.
 */
export function importBatchSize(totalRows: number): number {
  return Math.min(5_000, Math.max(1_000, Math.ceil(totalRows / 20)));
}

interface BatchOutput {
  cancelled: boolean;
  counts: ImportCounts;
  next: SplitterPosition;
  done: boolean;
}

async function loadJob(deps: JobDeps, ref: JobRef): Promise<JobRow & { input: ImportJobInput }> {
  const job = await findJob(deps.db, ref);
  if (!job) throw new Error(`import ${ref.jobId} does not exist`);
  return job as JobRow & { input: ImportJobInput };
}

function actorOf(input: ImportJobInput): BatchContext["actor"] {
  return { actorType: input.actor.type, actorId: input.actor.id, actorName: input.actor.name, userId: input.actor.userId };
}

async function markCancelled(deps: JobDeps, ref: JobRef) {
  await updateJob(deps.db, ref, { status: "cancelled", finishedAt: new Date() });
  publishJobChange(ref);
}

/** Reads the file's format, creates the custom fields and tags the mapping needs, and counts the rows. */
export async function prepareImport(deps: JobDeps & { batchSize?: number }, ref: JobRef): Promise<ImportPlan | { status: "failed" | "cancelled" }> {
  const job = await loadJob(deps, ref);
  if (job.cancelRequestedAt) {
    await markCancelled(deps, ref);
    return { status: "cancelled" };
  }
  const input = job.input;
  const file = await findFile(deps.db, { workspaceId: ref.workspaceId, id: input.fileId });
  if (!file) {
    await failJob(deps.db, ref, "the uploaded file no longer exists");
    return { status: "failed" };
  }
  try {
    const source = await deps.storage.source(file.storageKey);
    const format = await scanStoredFile(file.storageKey, source, { maxRows: MAX_IMPORT_ROWS, overrides: input.format });
    const sample = await readRowBatch(source, format, format.dataStart, 500);
    return await runOnce(deps.db, ref, "prepare", async (tx) => {
      const definitions = await findContactCustomFields(tx, ref.workspaceId);
      const { rowPlan, toCreate } = compileRowPlan({
        headers: format.headers, mapping: input.mapping, definitions, newCustomFields: input.newCustomFields,
        sampleRows: sample.rows.map((r) => r.cells), defaultCountry: input.options.defaultCountry ?? "US",
      });
      const actor = actorOf(input);
      const createdFields = await insertCustomFieldDefinitions(tx, toCreate.map((f, i) => ({
        workspaceId: ref.workspaceId, objectType: "contact" as const, fieldName: f.key, label: f.label, fieldType: f.fieldType,
        options: f.options ?? [], position: definitions.length + i,
      })));
      const { ids, created: createdTags } = await ensureTags(tx, { workspaceId: ref.workspaceId, names: input.options.tags, createdBy: actor.userId });
      await insertAuditEntries(tx, [
        ...createdFields.map((f) => ({
          workspaceId: ref.workspaceId, ...actor, entityType: "custom_field", entityId: f.id, action: "create" as const,
          changes: { fieldName: { old: null, new: f.fieldName }, fieldType: { old: null, new: f.fieldType } }, jobId: ref.jobId,
          metadata: { importId: ref.jobId },
        })),
        ...createdTags.map((t) => ({
          workspaceId: ref.workspaceId, ...actor, entityType: "tag", entityId: t.id, action: "create" as const,
          changes: { name: { old: null, new: t.name } }, jobId: ref.jobId, metadata: { importId: ref.jobId },
        })),
      ]);
      await updateJob(tx, ref, {
        status: "running", startedAt: job.startedAt ?? new Date(), totalCount: format.totalRows,
        result: { ...(job.result ?? {}), phase: input.options.skipInvalid ? "importing" : "validating", format: { ...format, headers: undefined } },
      });
      return {
        status: "ready" as const, format, rowPlan, batchSize: deps.batchSize ?? importBatchSize(format.totalRows),
        lookForDeleted: await hasDeletedContacts(tx, ref.workspaceId),
        optionTagIds: input.options.tags.map((t) => ids.get(t.toLowerCase())!).filter(Boolean),
      };
    });
  } catch (error) {
    if (error instanceof ImportFileError || (error as { code?: string }).code === "BAD_REQUEST") {
      await failJob(deps.db, ref, error instanceof Error ? error.message : String(error));
      return { status: "failed" };
    }
    throw error;
  } finally {
    publishJobChange(ref);
  }
}

/** skipInvalid off: checks one batch and records its errors without writing contacts. */
async function validateBatch(deps: JobDeps, ref: JobRef, plan: ImportPlan, at: SplitterPosition, index: number): Promise<BatchOutput> {
  const { file } = await sourceOf(deps, ref);
  const batch = await readRowBatch(file, plan.format, at, plan.batchSize);
  const results = batch.rows.map((row) => processRow(plan.rowPlan, row));
  const output = await runOnce(deps.db, ref, `validate-${index}`, async (tx) => {
    const job = await findJob(tx, ref, { forUpdate: true });
    if (job?.cancelRequestedAt) return { cancelled: true, counts: emptyCounts(), next: at, done: true };
    const counts = emptyCounts();
    counts.rows = results.length;
    for (const r of results) {
      if (r.ok) continue;
      if (r.errors.some((e) => e.field === "email" && e.code === "missing_required")) counts.missing++;
      else counts.invalid++;
    }
    await insertIssues(tx, ref, results.flatMap((r) => (r.ok ? [] : r.errors)));
    const last = batch.rows.at(-1)?.row ?? null;
    await updateJob(tx, ref, { result: { ...(job?.result ?? {}), phase: "validating", currentRow: last, validatedRows: (Number(job?.result?.validatedRows) || 0) + counts.rows } });
    return { cancelled: false, counts, next: batch.next, done: batch.done };
  });
  publishJobChange(ref);
  return output;
}

async function sourceOf(deps: JobDeps, ref: JobRef) {
  const job = await loadJob(deps, ref);
  const record = await findFile(deps.db, { workspaceId: ref.workspaceId, id: job.input.fileId });
  if (!record) throw new ImportFileError("the uploaded file no longer exists");
  return { job, file: await deps.storage.source(record.storageKey) };
}

type Prepared = { batch: Awaited<ReturnType<typeof readRowBatch>>; results: ReturnType<typeof processRow>[]; prebuilt?: PrebuiltCopyLines };

// The next batch is read, validated and turned into COPY text while the current one is being written,
// so this process's CPU work overlaps the database's. Keyed by job and byte offset; the result is a
// pure function of both (up to the new contacts' ids), so a prefetched batch is what the step would compute.
const prefetched = new Map<string, Promise<Prepared>>();

const PROCESS_SLICE = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Validation runs in slices that hand the event loop back in between: a prefetched batch is processed
 * while the current one is in the database, and the current transaction's round trips must not wait
 * behind 5,000 rows of synchronous work.
 */
async function readAndProcess(file: ByteSource, plan: ImportPlan, at: SplitterPosition, limit: number, copyFormat: ContactCopyFormat | null): Promise<Prepared> {
  const batch = await readRowBatch(file, plan.format, at, limit);
  const results: ReturnType<typeof processRow>[] = [];
  const prebuilt: PrebuiltCopyLines | undefined = copyFormat ? new Map() : undefined;
  for (let start = 0; start < batch.rows.length; start += PROCESS_SLICE) {
    if (start > 0) await yieldToEventLoop();
    for (const row of batch.rows.slice(start, start + PROCESS_SLICE)) {
      const result = processRow(plan.rowPlan, row);
      results.push(result);
      if (prebuilt && result.ok) {
        const id = uuidv7();
        prebuilt.set(result, { id, line: contactCopyLine(copyFormat!, id, result.row, result.values) });
      }
    }
  }
  return { batch, results, prebuilt };
}

function takePrefetched(ref: JobRef, at: SplitterPosition): Promise<Prepared> | undefined {
  const key = `${ref.jobId}:${at.offset}`;
  const hit = prefetched.get(key);
  prefetched.delete(key);
  return hit;
}

/**
 * Starts preparing the batch at `at` once `start` settles: the current batch opens `start` when its
 * COPY is on its way, so the preparation fills the time the database spends on it instead of slowing
 * the transaction's round trips before and after.
 */
function prefetch(ref: JobRef, file: ByteSource, plan: ImportPlan, at: SplitterPosition, copyFormat: ContactCopyFormat | null, start: Promise<void>) {
  for (const key of prefetched.keys()) if (key.startsWith(`${ref.jobId}:`)) prefetched.delete(key);
  const pending = start.then(() => readAndProcess(file, plan, at, plan.batchSize, copyFormat));
  pending.catch(() => {});
  prefetched.set(`${ref.jobId}:${at.offset}`, pending);
  if (prefetched.size > 16) prefetched.delete(prefetched.keys().next().value!);
}

/** The first batch is small: nothing overlaps its validation, and the database would wait for all of it. */
const FIRST_BATCH_ROWS = 1_000;

/** Reads, validates and writes one batch in one transaction with the job's counters and the batch's ledger row. */
async function importBatch(deps: JobDeps, ref: JobRef, plan: ImportPlan, at: SplitterPosition, index: number): Promise<BatchOutput> {
  const { job, file } = await sourceOf(deps, ref);
  const context: BatchContext = {
    ref, fileName: job.input.fileName, options: job.input.options, optionTagIds: plan.optionTagIds, lookForDeleted: plan.lookForDeleted, actor: actorOf(job.input),
  };
  const copyFormat = supportsCopy(deps.db) ? contactCopyFormat(copyFormatParams(context)) : null;
  const limit = index === 0 ? Math.min(plan.batchSize, FIRST_BATCH_ROWS) : plan.batchSize;
  const { batch, results, prebuilt } = await (takePrefetched(ref, at) ?? readAndProcess(file, plan, at, limit, copyFormat));
  let startNext = () => {};
  if (!batch.done) prefetch(ref, file, plan, batch.next, copyFormat, new Promise<void>((resolve) => (startNext = resolve)));
  const output = await runOnce(deps.db, ref, `write-${index}`, async (tx) => {
    const [current] = await Promise.all([findJob(tx, ref, { forUpdate: true }), deferSearchRefresh(tx)]);
    if (current?.cancelRequestedAt) return { cancelled: true, counts: emptyCounts(), next: at, done: true };
    const counts = await writeBatch(tx, context, results, prebuilt, startNext).finally(startNext);
    await incrementJobCounts(tx, ref, {
      processed: counts.rows,
      success: counts.created + counts.updated + counts.restored + counts.unchanged,
      error: counts.invalid + counts.missing,
      skipped: counts.duplicates + counts.skipped,
      currentRow: batch.rows.at(-1)?.row ?? null,
    });
    return { cancelled: false, counts, next: batch.next, done: batch.done };
    // Whatever happened (a replayed commit, a cancel, an error), the next batch must not wait forever.
  }).finally(startNext);
  publishJobChange(ref);
  return output;
}

/** Totals, final status, the first errors for display, and the optional notification. */
export async function finishImport(deps: JobDeps, ref: JobRef): Promise<{ status: JobRow["status"]; counts: ImportCounts }> {
  for (const key of prefetched.keys()) if (key.startsWith(`${ref.jobId}:`)) prefetched.delete(key);
  const job = await loadJob(deps, ref);
  const input = job.input;
  const writes = await sumCommittedCounts(deps.db, ref, "write");
  const validations = await sumCommittedCounts(deps.db, ref, "validate");
  let counts = writes.reduce((sum, o) => addCounts(sum, o.counts ?? {}), emptyCounts());
  const validation = validations.reduce((sum, o) => addCounts(sum, o.counts ?? {}), emptyCounts());
  const blocked = !input.options.skipInvalid && validation.invalid + validation.missing > 0;
  if (blocked) counts = { ...emptyCounts(), rows: validation.rows, invalid: validation.invalid, missing: validation.missing };
  const status = blocked ? "failed" : job.cancelRequestedAt ? "cancelled" : "succeeded";
  const firstIssues = await findIssuesPage(deps.db, { ...ref, severities: ["error", "duplicate"], first: 100 });
  const error = blocked
    ? `${validation.invalid + validation.missing} of ${validation.rows} rows are invalid; nothing was imported (skipInvalid is off)`
    : null;
  // The batches deferred their search refresh (deferSearchRefresh); a search_index job does it now. It
  // is queued before the import shows as finished, so whoever sees the import done finds its index job.
  if (counts.created + counts.updated + counts.restored > 0) await startSearchIndexJob(deps, job);
  await updateJob(deps.db, ref, {
    status, error, finishedAt: new Date(), progress: status === "succeeded" ? 1 : job.progress,
    errorReport: firstIssues.map((i) => ({ row: i.row, field: i.field, error: i.error })),
    result: { ...(job.result ?? {}), phase: "finished", counts },
  });
  if (input.options.notifyOnComplete) {
    const summary = blocked
      ? error!
      : `${counts.created} created, ${counts.updated + counts.restored} updated, ${counts.invalid + counts.missing} invalid, ${counts.duplicates} duplicates`;
    await insertNotification(deps.db, {
      workspaceId: ref.workspaceId, userId: input.actor.userId, kind: `import.${status}`,
      title: `Import of ${input.fileName} ${status === "succeeded" ? "finished" : status}`, body: summary, link: `/imports/${ref.jobId}`,
    });
  }
  publishJobChange(ref);
  return { status, counts };
}

/** The import job: prepare, (validate every batch when skipInvalid is off), write batch by batch, finish. */
export async function runImportJob(deps: JobDeps & { batchSize?: number }, ref: JobRef, step: JobStep) {
  const plan = await step.run("prepare", () => prepareImport(deps, ref));
  if (plan.status !== "ready") return { status: plan.status };
  const ready = plan as ImportPlan;
  const job = await loadJob(deps, ref);
  if (!job.input.options.skipInvalid) {
    let at = ready.format.dataStart;
    let invalid = 0;
    for (let index = 0; ; index++) {
      const output = await step.run(`validate-${index}`, () => validateBatch(deps, ref, ready, at, index));
      invalid += output.counts.invalid + output.counts.missing;
      if (output.cancelled) return step.run("finish", () => finishImport(deps, ref));
      if (output.done) break;
      at = output.next;
    }
    if (invalid > 0) return step.run("finish", () => finishImport(deps, ref));
  }
  let at = ready.format.dataStart;
  for (let index = 0; ; index++) {
    const output = await step.run(`write-${index}`, () => importBatch(deps, ref, ready, at, index));
    if (output.cancelled || output.done) break;
    at = output.next;
  }
  return step.run("finish", () => finishImport(deps, ref));
}
