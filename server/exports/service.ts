import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { workspaces } from "@/db/schema";
import type { Database } from "@/db/types";
import { actorFields } from "../audit/service";
import { countTarget } from "../bulk/queries";
import { hasRole, type ServiceContext } from "../context";
import { findCustomFieldDefinitions } from "../custom-fields/queries";
import { getFileStorage } from "../files/storage";
import { dispatchJob, runnerForNewJobs } from "../jobs/dispatch";
import { findJob, findJobsPage, insertJob, type JobRow } from "../jobs/queries";
import type { JobDeps, JobStep } from "../jobs/step";
import { forbidden, notFound } from "../lib/errors";
import { getRateLimiter, type RateLimiter } from "../rate-limit";
import { exportDownloadUrl, exportLinkSecret } from "./links";
import { exportCondition, runExportJob, type ExportResult } from "./run-export";
import { EXPORT_RATE_LIMIT, SYNC_EXPORT_LIMIT, type ExportContactsInput } from "./schemas";

export interface ExportOptions {
  dispatch?: boolean;
  storage?: JobDeps["storage"];
  rateLimiter?: RateLimiter;
  linkSecret?: string;
  batchSize?: number;
}

const defaultStandardFields = ["email", "firstName", "lastName", "phone", "company", "title", "lifecycleStage", "score", "ownerId", "city", "country", "createdAt"];
const inlineStep: JobStep = { run: (_id, fn) => fn() };

/** Who may export is a workspace setting (admins when unset): an export takes the data out of the CRM. */
async function requireExportRole(ctx: ServiceContext) {
  const [workspace] = await ctx.db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ctx.workspaceId)).limit(1);
  const roles = workspace?.settings.exportRoles ?? ["admin"];
  if (!roles.includes(ctx.actor.role)) throw forbidden(`Exports are limited to ${roles.join(", ")} in this workspace; your role is ${ctx.actor.role}`);
}

function describeExport(job: JobRow, secret: string) {
  const result = (job.result ?? {}) as Partial<ExportResult>;
  const expiresAt = result.expiresAt ? new Date(result.expiresAt) : null;
  const isLive = job.status === "succeeded" && expiresAt !== null && expiresAt.getTime() > Date.now();
  return {
    exportId: job.id,
    status: job.status,
    rowCount: result.rowCount ?? job.processedCount,
    downloadUrl: isLive ? exportDownloadUrl(secret, { workspaceId: job.workspaceId, exportId: job.id, expiresAt: expiresAt! }) : null,
    expiresAt,
    isExpired: expiresAt !== null && !isLive,
    createdAt: job.createdAt,
  };
}

export async function exportContacts(ctx: ServiceContext, input: ExportContactsInput, options: ExportOptions = {}) {
  await requireExportRole(ctx);
  const limiter = options.rateLimiter ?? getRateLimiter();
  const rate = await limiter.consume(`export:${ctx.workspaceId}`, EXPORT_RATE_LIMIT);
  if (!rate.isAllowed) {
    const seconds = Math.ceil(rate.retryAfterMs / 1000);
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `This workspace has used its ${EXPORT_RATE_LIMIT.limit} exports for this hour; try again in ${Math.ceil(seconds / 60)} minute(s) (retry after ${seconds} s)`,
      cause: Object.assign(new Error("rate limited"), { retryAfterSeconds: seconds }),
    });
  }
  const db = ctx.db as Database;
  const condition = await exportCondition(db, ctx.workspaceId, { filters: input.filters ?? undefined, ids: input.ids });
  const total = await countTarget(db, condition);
  let fields: string[] | undefined = input.fields;
  if (!fields) {
    const definitions = await findCustomFieldDefinitions(db, { workspaceId: ctx.workspaceId, objectType: "contact", includeArchived: false });
    fields = [...defaultStandardFields, "tags", ...definitions.map((definition) => `customFields.${definition.fieldName}`)];
  }
  const isSync = total <= SYNC_EXPORT_LIMIT;
  const runner = isSync ? "local" : runnerForNewJobs();
  const job = await insertJob(db, {
    workspaceId: ctx.workspaceId, kind: "export", runner, totalCount: total, actorId: ctx.actor.userId,
    input: { format: "csv", filters: input.filters ?? null, ids: input.ids, fields, actor: actorFields(ctx.actor) },
  });
  const ref = { workspaceId: ctx.workspaceId, jobId: job.id };
  const deps = { db, storage: options.storage ?? getFileStorage(), batchSize: options.batchSize };
  if (isSync) await runExportJob(deps, ref, inlineStep);
  else if (options.dispatch !== false) await dispatchJob(deps, { ...ref, kind: "export", runner });
  const current = (await findJob(db, ref))!;
  return describeExport(current, options.linkSecret ?? exportLinkSecret());
}

/** Admins see every export; others their own. */
export async function getExport(ctx: ServiceContext, input: { exportId: string }, options: Pick<ExportOptions, "linkSecret"> = {}) {
  const job = await findJob(ctx.db, { workspaceId: ctx.workspaceId, jobId: input.exportId });
  if (!job || job.kind !== "export" || (!hasRole(ctx.actor, "admin") && job.actorId !== ctx.actor.userId)) throw notFound("Export", input.exportId);
  return describeExport(job, options.linkSecret ?? exportLinkSecret());
}

export async function listExports(ctx: ServiceContext, input: { first: number }, options: Pick<ExportOptions, "linkSecret"> = {}) {
  const secret = options.linkSecret ?? exportLinkSecret();
  const rows = await findJobsPage(ctx.db, { workspaceId: ctx.workspaceId, kinds: ["export"], first: 200 });
  return rows
    .filter(({ job }) => hasRole(ctx.actor, "admin") || job.actorId === ctx.actor.userId)
    .slice(0, input.first)
    .map(({ job, actorName }) => ({ ...describeExport(job, secret), actorName }));
}
