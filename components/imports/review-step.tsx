"use client";

import { Skeleton } from "@/components/ui/skeleton";
import { Alert, ErrorState } from "@/components/ui/states";
import { IssueTable, Stat } from "./import-parts";
import { formatCount } from "./status";
import type { DryRunResult } from "./types";

/** Step 4: the dry run's counts and its first problems, read from the whole file without writing anything. */
export function ReviewStep({ result, error, isPending, skipInvalid }: { result: DryRunResult | undefined; error: string | null; isPending: boolean; skipInvalid: boolean }) {
  if (isPending) {
    return (
      <div className="flex flex-col gap-3" role="status" aria-label="Checking every row">
        <p className="text-[13px] text-muted-foreground">Checking every row against your contacts…</p>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-16" />)}
        </div>
      </div>
    );
  }
  if (error) return <ErrorState title="The dry run failed" message={error} />;
  if (!result) return null;
  const errorRows = result.invalid + result.missing;
  return (
    <div className="flex flex-col gap-4" data-testid="dry-run">
      <p className="text-[13px] text-muted-foreground">
        Nothing has been written yet. Of {formatCount(result.totalRows)} rows, this import would:
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        <Stat label="Create" value={result.toCreate + result.toRestore} tone="good" testId="dry-run-create" />
        <Stat label="Update" value={result.toUpdate} testId="dry-run-update" />
        <Stat label="Skip (already exist or repeat)" value={result.toSkip + result.duplicates} tone="muted" testId="dry-run-skip" />
        <Stat label="Errors" value={errorRows} tone="bad" testId="dry-run-errors" />
        <Stat label="Rows with warnings" value={result.rowsWithWarnings} tone="muted" />
      </div>
      {result.toRestore > 0 ? <Alert tone="info">{formatCount(result.toRestore)} of them restore contacts that were deleted earlier.</Alert> : null}
      {result.newCustomFields.length > 0 ? (
        <Alert tone="info">New custom fields will be created: {result.newCustomFields.map((f) => f.label).join(", ")}.</Alert>
      ) : null}
      {!skipInvalid && errorRows > 0 ? (
        <Alert>“Skip invalid rows” is off and {formatCount(errorRows)} rows are invalid, so the import would stop without writing anything.</Alert>
      ) : null}
      {result.errors.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h3 className="text-[13px] font-semibold">First problems{result.errors.length >= 100 ? " (first 100)" : ""}</h3>
          <IssueTable issues={result.errors.slice(0, 20)} />
        </section>
      ) : null}
    </div>
  );
}
