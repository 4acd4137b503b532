import { bigint, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";

export const jobKinds = [
  "import", "import_undo", "export", "bulk_update", "bulk_delete", "bulk_tag", "bulk_undo",
  "enrichment", "embedding_backfill", "search_index",
] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobKindEnum = pgEnum("job_kind", jobKinds);

export const jobStatuses = ["queued", "running", "succeeded", "failed", "cancelling", "cancelled"] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const jobStatusEnum = pgEnum("job_status", jobStatuses);

export const jobRunners = ["local", "inngest"] as const;
export const jobRunnerEnum = pgEnum("job_runner", jobRunners);

export interface JobErrorEntry {
  row?: number;
  contactId?: string;
  field?: string;
  error: string;
}

export const jobs = pgTable(
  "jobs",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    kind: jobKindEnum().notNull(),
    status: jobStatusEnum().notNull().default("queued"),
    runner: jobRunnerEnum().notNull().default("local"),
    /** 0..1 */
    progress: real().notNull().default(0),
    totalCount: integer(),
    processedCount: integer().notNull().default(0),
    successCount: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    skippedCount: integer().notNull().default(0),
    input: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb().$type<Record<string, unknown>>(),
    /** The first errors, for display; the full report lives in `errorFileId` when it is large. */
    errorReport: jsonb().$type<JobErrorEntry[]>().notNull().default([]),
    errorFileId: uuid(),
    error: text(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    cancelRequestedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("jobs_recent_idx").on(t.workspaceId, t.kind, t.createdAt.desc()),
    index("jobs_status_idx").on(t.status),
  ],
);

/** Completed step results of jobs run by the in-process runner, so a restart resumes after the last one. */
export const jobSteps = pgTable(
  "job_steps",
  {
    workspaceId: workspaceId(),
    jobId: uuid().notNull(),
    stepId: text().notNull(),
    output: jsonb(),
    attempts: integer().notNull().default(1),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.jobId, t.stepId] }),
    foreignKey({ name: "job_steps_job_fk", columns: [t.workspaceId, t.jobId], foreignColumns: [jobs.workspaceId, jobs.id] }).onDelete("cascade"),
  ],
);

export const filePurposes = ["import", "export", "error_report"] as const;
export const filePurposeEnum = pgEnum("file_purpose", filePurposes);

export const files = pgTable(
  "files",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    purpose: filePurposeEnum().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull().default("application/octet-stream"),
    sizeBytes: bigint({ mode: "number" }).notNull().default(0),
    sha256: text(),
    /** Key inside the configured storage (local disk under .data/ or an S3 bucket). */
    storageKey: text().notNull(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const notifications = pgTable(
  "notifications",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    userId: text().notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("notifications_user_idx").on(t.workspaceId, t.userId, t.createdAt.desc()),
  ],
);
