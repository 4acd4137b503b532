import type { JobKind, JobStatus } from "@/db/schema/jobs";

export type { JobKind, JobStatus };

const labels: Record<JobKind, string> = {
  import: "CSV import",
  import_undo: "Import undo",
  export: "Export",
  bulk_update: "Bulk update",
  bulk_delete: "Bulk delete",
  bulk_tag: "Bulk tagging",
  bulk_undo: "Bulk undo",
  enrichment: "Enrichment",
  embedding_backfill: "Semantic index backfill",
  search_index: "Search indexing",
};

export const describeJob = (kind: JobKind): string => labels[kind];

export const isActiveStatus = (status: JobStatus): boolean => status === "queued" || status === "running" || status === "cancelling";

/** Bulk operations are undone from the jobs page; imports from their own page (it lists edited contacts first). */
export const isUndoableKind = (kind: JobKind): boolean => kind === "bulk_update" || kind === "bulk_delete" || kind === "bulk_tag";

/** Search indexing runs to the end: stopping it would leave contacts search never finds. */
export const isCancellableKind = (kind: JobKind): boolean => kind !== "search_index";
