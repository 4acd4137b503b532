import { TRPCError } from "@trpc/server";
import type { Database } from "@/db/types";
import type { ServiceContext } from "../context";
import { isWorkspaceMember } from "../contacts/queries";
import { getFileStorage, type FileStorage } from "../files/storage";
import { dispatchJob, runnerForNewJobs } from "../jobs/dispatch";
import type { LocalRunOptions } from "../jobs/local-runner";
import { findJob, findJobsPage, insertJob } from "../jobs/queries";
import { watchJob } from "../jobs/progress";
import { requireRole } from "../lib/authorize";
import { badRequest, notFound } from "../lib/errors";
import { type FileFormat, type FormatOverrides } from "./pipeline/format";
import { scanStoredFile } from "./pipeline/scan-cache";
import { CUSTOM_PREFIX, headerSignature, suggestMapping } from "./pipeline/mapping";
import { readAllRows, readRowBatch } from "./pipeline/reader";
import { processRow, type ImportIssue } from "./pipeline/row";
import type { ByteSource } from "./pipeline/source";
import { ImportFileError } from "./pipeline/splitter";
import { compileRowPlan } from "./plan";
import {
  countIssues, deleteTemplate, findContactCustomFields, findDeletedContactsByEmails, findFile, findLiveContactsByEmails, findIssuesPage, findLiveContactsByCustomKey, findTemplateBySignature,
  findTemplates, sumCommittedCounts, upsertTemplate,
} from "./queries";
import { MAX_IMPORT_ROWS } from "./run-import";
import { findStepOutput } from "../jobs/queries";
import { SEARCH_INDEX_LEDGER_KEY } from "../search/index-job";
import { addCounts, emptyCounts, type ImportContactsInput, type ImportJobInput } from "./schemas";

export interface ImportServiceOptions {
  storage?: FileStorage;
  /** Tests: local-runner retry and fault hooks, a smaller batch, and whether to start the job at all. */
  localRun?: LocalRunOptions;
  batchSize?: number;
  dispatch?: boolean;
}

/** A job needs the root database (it opens its own transactions long after the request ends). */
function rootDatabase(ctx: ServiceContext): Database {
  if ("rollback" in ctx.db) throw new Error("imports must be started outside a transaction");
  return ctx.db as Database;
}

function actorSnapshot(ctx: ServiceContext): ImportJobInput["actor"] {
  const a = ctx.actor;
  return { type: a.type, id: a.type === "user" ? a.userId : a.keyId, userId: a.userId, name: a.name, role: a.role };
}

async function openFile(ctx: ServiceContext, storage: FileStorage, fileId: string, overrides?: FormatOverrides) {
  const file = await findFile(ctx.db, { workspaceId: ctx.workspaceId, id: fileId });
  if (!file) throw notFound("File", fileId);
  const source = await storage.source(file.storageKey);
  try {
    const format = await scanStoredFile(file.storageKey, source, { maxRows: MAX_IMPORT_ROWS, overrides });
    return { file, source, format };
  } catch (error) {
    if (error instanceof ImportFileError) throw new TRPCError({ code: "BAD_REQUEST", message: `file: ${error.message}`, cause: error });
    throw error;
  }
}

const formatSummary = (format: FileFormat) => ({
  encoding: format.encoding, hasBom: format.bomLength > 0, delimiter: format.delimiter, newline: format.newline,
  headerRow: format.headerIndex + 1, headerLine: format.headerLine, preambleRows: format.preambleRows, footerRows: format.footerRows,
  blankRows: format.blankRows, totalRows: format.totalRows,
});

/** What the file looks like as it will be read, and the mapping we suggest (a saved template's when the headers match). */
export async function previewImport(ctx: ServiceContext, input: { fileId: string; format?: FormatOverrides }, options: ImportServiceOptions = {}) {
  requireRole(ctx, "admin", "import contacts");
  const { file, source, format } = await openFile(ctx, options.storage ?? getFileStorage(), input.fileId, input.format);
  const sample = await readRowBatch(source, format, format.dataStart, 200);
  const definitions = await findContactCustomFields(ctx.db, ctx.workspaceId);
  const suggestion = suggestMapping(format.headers, sample.rows.map((r) => r.cells), definitions);
  const signature = headerSignature(format.headers);
  const template = await findTemplateBySignature(ctx.db, { workspaceId: ctx.workspaceId, signature });
  const mapping = template
    ? Object.fromEntries(format.headers.map((h) => [h, template.mapping[h] ?? null]))
    : suggestion.mapping;
  return {
    file: { id: file.id, fileName: file.fileName, sizeBytes: file.sizeBytes },
    format: formatSummary(format),
    detectedSource: suggestion.format,
    headers: format.headers,
    rows: sample.rows.slice(0, 20).map((r) => ({ row: r.row, line: r.line, cells: r.cells })),
    columns: suggestion.columns.map((c) => (template ? { ...c, target: mapping[c.header] ?? null, reason: "template" as const } : c)),
    suggestedMapping: mapping,
    newCustomFields: suggestion.newCustomFields.filter((f) => Object.values(mapping).includes(`${CUSTOM_PREFIX}${f.key}`)),
    template: template ? { id: template.id, name: template.name } : null,
    customFields: definitions.map((d) => ({ fieldName: d.fieldName, label: d.label, fieldType: d.fieldType, required: d.required, options: d.options })),
  };
}

async function compileFor(ctx: ServiceContext, input: ImportContactsInput, format: FileFormat, source: ByteSource) {
  const sample = await readRowBatch(source, format, format.dataStart, 500);
  const definitions = await findContactCustomFields(ctx.db, ctx.workspaceId);
  const compiled = compileRowPlan({
    headers: format.headers, mapping: input.mapping, definitions, newCustomFields: input.newCustomFields,
    sampleRows: sample.rows.map((r) => r.cells), defaultCountry: input.options.defaultCountry ?? "US",
  });
  if (input.options.matchOn !== "email" && !Object.values(input.mapping).includes(input.options.matchOn)) {
    throw badRequest("options.matchOn", `${input.options.matchOn} must be mapped to a column`);
  }
  if (input.options.ownerId && !(await isWorkspaceMember(ctx.db, { workspaceId: ctx.workspaceId, userId: input.options.ownerId }))) {
    throw badRequest("options.ownerId", "is not a member of this workspace");
  }
  return compiled;
}

/** 64-bit FNV-1a of an email as a number-sized key: the dry run remembers millions of emails in a few dozen MB. */
function emailKey(email: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < email.length; i++) {
    const c = email.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * Everything the import would do, without writing: rows to create, update, restore and skip, and every
 * problem. Reads the file once, batch by batch; existing contacts are looked up per batch.
 */
export async function dryRunImport(ctx: ServiceContext, input: ImportContactsInput, options: ImportServiceOptions = {}) {
  requireRole(ctx, "admin", "import contacts");
  const { source, format } = await openFile(ctx, options.storage ?? getFileStorage(), input.fileId, input.format);
  const { rowPlan, toCreate: newFields } = await compileFor(ctx, input, format, source);
  const seen = new Set<number>();
  const result = { toCreate: 0, toUpdate: 0, toRestore: 0, toSkip: 0, duplicates: 0, invalid: 0, missing: 0, rowsWithWarnings: 0 };
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const matchKey = input.options.matchOn.startsWith(CUSTOM_PREFIX) ? input.options.matchOn.slice(CUSTOM_PREFIX.length) : null;
  for await (const rows of readAllRows(source, format, 5000)) {
    const fresh: { email: string; key: string | null }[] = [];
    for (const row of rows) {
      const r = processRow(rowPlan, row);
      if (r.warnings.length) result.rowsWithWarnings++;
      if (warnings.length < 100) warnings.push(...r.warnings.slice(0, 100 - warnings.length));
      if (!r.ok) {
        if (r.errors.some((e) => e.field === "email" && e.code === "missing_required")) result.missing++;
        else result.invalid++;
        if (errors.length < 100) errors.push(...r.errors);
        continue;
      }
      const key = emailKey(r.values.email);
      if (seen.has(key)) {
        result.duplicates++;
        if (errors.length < 100) errors.push({ row: r.row, line: r.line, field: "email", severity: "duplicate", code: "duplicate", error: `email: ${r.values.email} repeats an earlier row` });
        continue;
      }
      seen.add(key);
      const keyValue = matchKey ? r.values.customFields[matchKey] : undefined;
      fresh.push({ email: r.values.email, key: keyValue === undefined || keyValue === null ? null : String(keyValue) });
    }
    const emails = fresh.map((f) => f.email);
    const live = new Set((await findLiveContactsByEmails(ctx.db, { workspaceId: ctx.workspaceId, emails })).map((c) => c.email));
    const byKey = matchKey
      ? new Set((await findLiveContactsByCustomKey(ctx.db, { workspaceId: ctx.workspaceId, key: matchKey, values: fresh.flatMap((f) => (f.key ? [f.key] : [])) })).map((c) => String(c.customFields[matchKey])))
      : new Set<string>();
    const unmatched = fresh.filter((f) => !live.has(f.email) && !(f.key && byKey.has(f.key)));
    const deleted = new Set((await findDeletedContactsByEmails(ctx.db, { workspaceId: ctx.workspaceId, emails: unmatched.map((f) => f.email) })).map((c) => c.email));
    const matched = fresh.length - unmatched.length;
    if (input.options.updateExisting) result.toUpdate += matched;
    else result.toSkip += matched;
    result.toRestore += deleted.size;
    result.toCreate += unmatched.length - deleted.size;
  }
  return { totalRows: format.totalRows, ...result, errors, warnings, newCustomFields: newFields };
}

/**
 * Starts an import job and returns at once (the spec's ImportContacts result). Files up to 20,000 rows
 * are also validated here so `validRows` and `errors` come back with the answer; larger files report
 * them through `imports.get` and the progress subscription as the job reads them.
 */
export async function importContacts(ctx: ServiceContext, input: ImportContactsInput, options: ImportServiceOptions = {}) {
  requireRole(ctx, "admin", "import contacts");
  const storage = options.storage ?? getFileStorage();
  const { file, source, format } = await openFile(ctx, storage, input.fileId, input.format);
  const { rowPlan } = await compileFor(ctx, input, format, source);
  let validRows: number | null = null;
  let errors: { row: number; field: string; error: string }[] = [];
  if (format.totalRows <= 20_000) {
    validRows = 0;
    for await (const rows of readAllRows(source, format, 5000)) {
      for (const row of rows) {
        const r = processRow(rowPlan, row);
        if (r.ok) validRows++;
        else if (errors.length < 100) errors = errors.concat(r.errors.map((e) => ({ row: e.row, field: e.field, error: e.error })));
      }
    }
  }
  const runner = runnerForNewJobs();
  const db = rootDatabase(ctx);
  const jobInput: ImportJobInput = {
    fileId: file.id, fileName: file.fileName, mapping: input.mapping, options: input.options, newCustomFields: input.newCustomFields,
    format: input.format, actor: actorSnapshot(ctx),
  };
  const job = await insertJob(db, {
    workspaceId: ctx.workspaceId, kind: "import", runner, input: jobInput, actorId: ctx.actor.userId, totalCount: format.totalRows,
  });
  let done: Promise<void> = Promise.resolve();
  if (options.dispatch !== false) {
    const deps = { db, storage, batchSize: options.batchSize };
    done = (await dispatchJob(deps, { workspaceId: ctx.workspaceId, jobId: job.id, kind: "import", runner }, options.localRun)).done;
  }
  return { importId: job.id, status: job.status, totalRows: format.totalRows, validRows, errors, runner, done };
}

export async function importJobOrThrow(ctx: ServiceContext, importId: string) {
  const job = await findJob(ctx.db, { workspaceId: ctx.workspaceId, jobId: importId });
  if (!job || job.kind !== "import") throw notFound("Import", importId);
  return job;
}

export async function getImport(ctx: ServiceContext, input: { importId: string }) {
  requireRole(ctx, "admin", "view imports");
  const job = await importJobOrThrow(ctx, input.importId);
  const ref = { workspaceId: ctx.workspaceId, jobId: job.id };
  const jobInput = job.input as ImportJobInput;
  const [written, issueRows, searchIndex] = await Promise.all([
    sumCommittedCounts(ctx.db, ref, "write"), countIssues(ctx.db, ref), findStepOutput(ctx.db, ref, SEARCH_INDEX_LEDGER_KEY),
  ]);
  const counts = (job.result?.counts as ReturnType<typeof emptyCounts> | undefined) ?? written.reduce((sum, o) => addCounts(sum, o.counts ?? {}), emptyCounts());
  return {
    importId: job.id, status: job.status, runner: job.runner, fileId: jobInput.fileId, fileName: jobInput.fileName,
    mapping: jobInput.mapping, options: jobInput.options, newCustomFields: jobInput.newCustomFields,
    startedBy: { id: job.actorId, name: jobInput.actor.name },
    totalRows: job.totalCount, processedRows: job.processedCount, progress: job.progress, currentRow: (job.result?.currentRow as number | undefined) ?? null,
    phase: (job.result?.phase as string | undefined) ?? "queued",
    counts, issueRows: { errors: issueRows.error ?? 0, duplicates: issueRows.duplicate ?? 0, warnings: issueRows.warning ?? 0 },
    errors: job.errorReport, error: job.error,
    undo: (job.result?.undo as Record<string, unknown> | undefined) ?? null,
    createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt, cancelRequestedAt: job.cancelRequestedAt,
    /** The job that puts the imported contacts in the search index (queued when the import finishes). */
    searchIndexJobId: typeof searchIndex?.output === "string" ? searchIndex.output : null,
  };
}

export async function listImports(ctx: ServiceContext, input: { first: number; after?: string | null }) {
  requireRole(ctx, "admin", "view imports");
  const before = input.after ? decodeImportCursor(input.after) : null;
  const rows = await findJobsPage(ctx.db, { workspaceId: ctx.workspaceId, kinds: ["import"], first: input.first + 1, before });
  const page = rows.slice(0, input.first);
  const last = page.at(-1);
  return {
    nodes: page.map(({ job, actorName, actorEmail }) => {
      const jobInput = job.input as ImportJobInput;
      return {
        importId: job.id, fileName: jobInput.fileName, status: job.status, totalRows: job.totalCount, processedRows: job.processedCount,
        successCount: job.successCount, errorCount: job.errorCount, skippedCount: job.skippedCount, progress: job.progress,
        counts: (job.result?.counts as ReturnType<typeof emptyCounts> | undefined) ?? null,
        undone: Boolean((job.result?.undo as { status?: string } | undefined)?.status === "succeeded"),
        startedBy: { id: job.actorId, name: actorName ?? jobInput.actor.name, email: actorEmail },
        createdAt: job.createdAt, finishedAt: job.finishedAt,
      };
    }),
    pageInfo: { hasNextPage: rows.length > input.first, endCursor: last ? encodeImportCursor(last.job) : null },
  };
}

const encodeImportCursor = (job: { createdAt: Date; id: string }) => Buffer.from(`${job.createdAt.toISOString()}|${job.id}`).toString("base64url");
function decodeImportCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw badRequest("after", "is not a valid cursor");
  return { createdAt, id };
}

export async function listImportIssues(ctx: ServiceContext, input: { importId: string; severity?: "error" | "duplicate" | "warning"; first: number; afterRow?: number }) {
  requireRole(ctx, "admin", "view imports");
  await importJobOrThrow(ctx, input.importId);
  const rows = await findIssuesPage(ctx.db, {
    workspaceId: ctx.workspaceId, jobId: input.importId, severities: input.severity ? [input.severity] : undefined, afterRow: input.afterRow, first: input.first + 1,
  });
  return { nodes: rows.slice(0, input.first), hasMore: rows.length > input.first };
}

/** Import progress in the spec's shape, now and after every change until the import finishes. */
export async function* watchImportProgress(ctx: ServiceContext, input: { importId: string }, signal?: AbortSignal) {
  requireRole(ctx, "admin", "view imports");
  await importJobOrThrow(ctx, input.importId);
  for await (const p of watchJob(ctx.db, { workspaceId: ctx.workspaceId, jobId: input.importId }, { signal })) {
    yield {
      importId: p.id, status: p.status, progress: p.progress, totalRows: p.totalCount, processedRows: p.processedCount,
      successCount: p.successCount, errorCount: p.errorCount, skippedCount: p.skippedCount, currentRow: p.currentRow,
      startedAt: p.startedAt, finishedAt: p.finishedAt, error: p.error,
    };
  }
}

export async function saveTemplate(ctx: ServiceContext, input: { name: string; headers: string[]; mapping: Record<string, string | null> }) {
  requireRole(ctx, "admin", "save import templates");
  return upsertTemplate(ctx.db, {
    workspaceId: ctx.workspaceId, name: input.name, headers: input.headers, mapping: input.mapping,
    headerSignature: headerSignature(input.headers), createdBy: ctx.actor.userId,
  });
}

export async function listTemplates(ctx: ServiceContext) {
  requireRole(ctx, "admin", "view import templates");
  return findTemplates(ctx.db, ctx.workspaceId);
}

export async function removeTemplate(ctx: ServiceContext, input: { id: string }) {
  requireRole(ctx, "admin", "delete import templates");
  if (!(await deleteTemplate(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }))) throw notFound("Template", input.id);
  return { id: input.id };
}

