import { cn } from "@/components/ui/cn";
import { formatCount } from "./status";
import type { ImportDetail } from "./types";

/** One labelled figure of an import: created, updated, skipped, errors. */
export function Stat({ label, value, tone, testId }: { label: string; value: number | null | undefined; tone?: "good" | "bad" | "muted"; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg border border-border px-3 py-2.5">
      <span className="text-[12px] text-muted-foreground">{label}</span>
      <span
        data-testid={testId}
        className={cn(
          "text-[20px] leading-7 font-semibold tabular-nums",
          tone === "good" && "text-emerald-700 dark:text-emerald-300",
          tone === "bad" && (value ? "text-destructive" : "text-muted-foreground"),
          tone === "muted" && "text-muted-foreground",
        )}
      >
        {formatCount(value)}
      </span>
    </div>
  );
}

/** Problem rows as row, field and reason; the same shape for dry-run errors and stored import issues. */
export function IssueTable({ issues }: { issues: ReadonlyArray<{ row: number; field: string; error: string; severity?: string }> }) {
  return (
    <div className="overflow-hidden rounded-lg border border-border">
      <table className="w-full text-[13px]" data-testid="issue-table">
        <thead className="bg-surface text-left text-muted-foreground">
          <tr>
            <th className="w-20 px-3 py-2 font-medium">Row</th>
            <th className="w-40 px-3 py-2 font-medium">Field</th>
            <th className="px-3 py-2 font-medium">Error</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={`${issue.row}-${issue.field}-${index}`} className="border-t border-border">
              <td className="px-3 py-1.5 tabular-nums">{issue.row}</td>
              <td className="px-3 py-1.5 font-mono text-[12px]">{issue.field}</td>
              <td className="px-3 py-1.5">
                {issue.error}
                {issue.severity && issue.severity !== "error" ? <span className="ml-2 text-[12px] text-muted-foreground">({issue.severity})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The final figures of an import, from `imports.get`. Errors are rows refused; repeats of an earlier row are skipped. */
export function ImportSummary({ counts }: { counts: ImportDetail["counts"] }) {
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="import-summary">
      <Stat label="Created" value={counts.created + counts.restored} tone="good" testId="result-created" />
      <Stat label="Updated" value={counts.updated} testId="result-updated" />
      <Stat label="Unchanged or skipped" value={counts.unchanged + counts.skipped} tone="muted" testId="result-skipped" />
      <Stat label="Duplicate rows" value={counts.duplicates} tone="muted" testId="result-duplicates" />
      <Stat label="Errors" value={counts.invalid + counts.missing} tone="bad" testId="result-errors" />
    </div>
  );
}
