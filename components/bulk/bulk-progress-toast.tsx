"use client";

import { useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

export interface BulkRun {
  jobId: string;
  label: string;
  /** Whether the operation can be undone (exports cannot). */
  isUndoable: boolean;
  downloadUrl?: string | null;
}

/** A bottom-right card following one job through `jobs.progress`, with Cancel while it runs and Undo after. */
export function BulkProgressToast({ run, onClose, onChanged }: { run: BulkRun; onClose: () => void; onChanged?: () => void }) {
  const trpc = useTRPC();
  const progress = useSubscription(trpc.jobs.progress.subscriptionOptions({ id: run.jobId }, { onData: (data) => { if (data.finishedAt) onChanged?.(); } }));
  const cancel = useMutation(trpc.jobs.cancel.mutationOptions());
  const undo = useMutation(trpc.bulk.undo.mutationOptions({ onSuccess: () => onChanged?.() }));
  const [undoJobId, setUndoJobId] = useState<string | null>(null);
  const job = progress.data;
  const isRunning = !job || job.status === "queued" || job.status === "running" || job.status === "cancelling";
  const done = job?.successCount ?? 0;

  return (
    <div role="status" className="fixed right-4 bottom-4 z-50 w-80 rounded-lg border border-border bg-background p-4 shadow-lg" data-testid="bulk-progress">
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm font-medium">{run.label}</p>
        <button type="button" aria-label="Close" onClick={onClose} className="text-muted-foreground hover:text-foreground">
          <X className="size-4" />
        </button>
      </div>
      <div className="mt-2 h-1.5 overflow-hidden rounded bg-muted">
        <div className="h-full bg-primary transition-all" style={{ width: `${Math.round((job?.progress ?? 0) * 100)}%` }} />
      </div>
      <p className="mt-2 text-xs text-muted-foreground tabular-nums">
        {job ? `${job.status}: ${done.toLocaleString()} of ${(job.totalCount ?? 0).toLocaleString()} done${job.errorCount ? `, ${job.errorCount.toLocaleString()} failed` : ""}` : "starting…"}
        {job?.error ? ` (${job.error})` : ""}
      </p>
      {undo.error ? <p className="mt-1 text-xs text-destructive">{undo.error.message}</p> : null}
      <div className="mt-3 flex justify-end gap-2">
        {isRunning ? (
          <Button size="sm" variant="outline" disabled={cancel.isPending || job?.status === "cancelling"} onClick={() => cancel.mutate({ id: run.jobId })}>
            Cancel
          </Button>
        ) : null}
        {!isRunning && run.downloadUrl ? (
          <a className="text-sm underline" href={run.downloadUrl}>
            Download
          </a>
        ) : null}
        {!isRunning && run.isUndoable && !undoJobId && done > 0 ? (
          <Button size="sm" disabled={undo.isPending} onClick={() => undo.mutate({ jobId: run.jobId }, { onSuccess: (result) => setUndoJobId(result.undoJobId) })}>
            Undo
          </Button>
        ) : null}
        {undoJobId ? <span className="text-xs text-muted-foreground">Undo started</span> : null}
      </div>
    </div>
  );
}
