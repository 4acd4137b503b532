import type { BadgeTone } from "@/components/ui/badge";

export type ImportJobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelling" | "cancelled";
export type UndoState = "none" | "running" | "undone";

export const isActiveStatus = (status: string) => status === "queued" || status === "running" || status === "cancelling";

/** The undo job's state as `imports.get` reports it in `undo` ({ jobId, status }). */
export function undoState(undo: Record<string, unknown> | null | undefined): UndoState {
  const status = undo?.status;
  if (status === "succeeded") return "undone";
  if (status === "running" || status === "queued") return "running";
  return "none";
}

/** One badge for the import: an undone import reads "Undone" even though its own job succeeded. */
export function importBadge(status: string, undo: UndoState): { label: string; tone: BadgeTone } {
  if (undo === "undone") return { label: "Undone", tone: "neutral" };
  if (undo === "running") return { label: "Undoing", tone: "amber" };
  switch (status) {
    case "queued":
      return { label: "Queued", tone: "neutral" };
    case "running":
      return { label: "Running", tone: "blue" };
    case "cancelling":
      return { label: "Cancelling", tone: "amber" };
    case "succeeded":
      return { label: "Completed", tone: "green" };
    case "failed":
      return { label: "Failed", tone: "red" };
    case "cancelled":
      return { label: "Cancelled", tone: "neutral" };
    default:
      return { label: status, tone: "neutral" };
  }
}

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
export const formatWhen = (value: Date | string | null | undefined) => (value ? dateTime.format(new Date(value)) : "—");
export const formatCount = (n: number | null | undefined) => (n ?? 0).toLocaleString("en-US");

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What undo will do, in the confirmation's words. */
export function undoSummary(counts: { created: number; restored: number; updated: number }): string {
  const parts: string[] = [];
  const created = counts.created + counts.restored;
  if (created > 0) parts.push(`Removes the ${plural(created, "contact", "contacts")} it created.`);
  if (counts.updated > 0) parts.push(`Puts back the previous values of the ${plural(counts.updated, "contact", "contacts")} it updated.`);
  parts.push("Tags and custom fields it created go too, unless something else uses them.");
  return parts.join(" ");
}
