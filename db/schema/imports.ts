import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";
import { jobs } from "./jobs";

/**
 * `error` rows were not imported (and block the whole import when skipInvalid is off), `duplicate` rows
 * repeat an earlier row's email and were skipped, `warning` rows were imported with one value dropped.
 */
export const importIssueSeverities = ["error", "duplicate", "warning"] as const;
export type ImportIssueSeverity = (typeof importIssueSeverities)[number];
export const importIssueSeverityEnum = pgEnum("import_issue_severity", importIssueSeverities);

/** Column header → target ("email", "firstName", "customFields.budget", "tags", "fullName"), null to ignore. */
export type ImportMapping = Record<string, string | null>;

/**
 * Every problem an import found, one row per (row, field). Kept in the database rather than in job step
 * outputs so a 2,000,000-row file with many bad rows stays inside Inngest's step size limits, and keyed
 * so a retried batch writes each issue once.
 */
export const importRowIssues = pgTable(
  "import_row_issues",
  {
    workspaceId: workspaceId(),
    jobId: uuid().notNull(),
    /** The row as a spreadsheet shows it: 1-based record number in the file, header and preamble included. */
    row: integer().notNull(),
    /** 1-based physical line where the record starts (differs from `row` when fields hold newlines). */
    line: integer().notNull(),
    field: text().notNull(),
    severity: importIssueSeverityEnum().notNull(),
    /** Machine-readable reason: missing_required, invalid_value, duplicate, conflict, … */
    code: text().notNull(),
    error: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.jobId, t.row, t.field] }),
    foreignKey({ name: "import_row_issues_job_fk", columns: [t.workspaceId, t.jobId], foreignColumns: [jobs.workspaceId, jobs.id] }).onDelete("cascade"),
    index("import_row_issues_severity_idx").on(t.workspaceId, t.jobId, t.severity, t.row),
  ],
);

/** A saved column mapping, offered again when a file with the same set of headers is uploaded. */
export const importMappingTemplates = pgTable(
  "import_mapping_templates",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    /** sha256 of the sorted, lowercased, trimmed header names: the "same header set" key. */
    headerSignature: text().notNull(),
    headers: jsonb().$type<string[]>().notNull(),
    mapping: jsonb().$type<ImportMapping>().notNull(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("import_mapping_templates_name_idx").on(t.workspaceId, t.name),
    index("import_mapping_templates_signature_idx").on(t.workspaceId, t.headerSignature),
  ],
);
