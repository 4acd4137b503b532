"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { percent } from "./progress-math";
import { formatCount, isActiveStatus } from "./status";
import type { ProgressView } from "./use-import-progress";

const phaseText: Record<string, string> = {
  queued: "Waiting to start…",
  running: "Importing…",
  succeeded: "Finishing…",
  cancelling: "Cancelling: finishing the current batch…",
};

/** The live bar of a running import: rows done of the total, successes, errors, time left, and Cancel. */
export function ProgressPanel({ importId, fileName, progress, timeLeft }: { importId: string; fileName?: string; progress: ProgressView; timeLeft: string | null }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.jobs.cancel.mutationOptions());
  const pct = percent(progress.processedRows, progress.totalRows);
  const isCancelling = progress.status === "cancelling" || cancel.isPending;

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border p-4" data-testid="import-progress">
      <div className="flex items-center justify-between gap-4 text-[13px]">
        <span className="font-medium">
          {phaseText[progress.status] ?? progress.status}
          {fileName ? <span className="ml-2 font-normal text-muted-foreground">{fileName}</span> : null}
        </span>
        <span className="text-muted-foreground">{timeLeft ?? (progress.processedRows > 0 ? "estimating time left…" : "")}</span>
      </div>
      <div className="h-2 overflow-hidden rounded bg-muted" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="h-full bg-primary transition-all" style={{ width: `${pct}%` }} />
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-[13px] tabular-nums">
        <span data-testid="progress-processed">
          {formatCount(progress.processedRows)} of {formatCount(progress.totalRows)} rows ({pct}%)
        </span>
        <span className="text-emerald-700 dark:text-emerald-300">{formatCount(progress.successCount)} imported</span>
        <span className={progress.errorCount ? "text-destructive" : "text-muted-foreground"}>{formatCount(progress.errorCount)} errors</span>
        {progress.skippedCount ? <span className="text-muted-foreground">{formatCount(progress.skippedCount)} skipped</span> : null}
        {progress.currentRow ? <span className="text-muted-foreground">at row {formatCount(progress.currentRow)}</span> : null}
        {isActiveStatus(progress.status) ? (
          <Button size="sm" variant="outline" className="ml-auto" disabled={isCancelling} onClick={() => cancel.mutate({ id: importId })}>
            {isCancelling ? "Cancelling…" : "Cancel import"}
          </Button>
        ) : null}
      </div>
      {cancel.error ? <p className="text-[12px] text-destructive">{cancel.error.message}</p> : null}
    </div>
  );
}
