"use client";

import { useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { JobProgress } from "@/server/jobs/progress";
import { Button } from "@/components/ui/button";

export interface BulkRun {
  jobId: string;
  label: string;
  /** Whether the operation can be undone (exports cannot). */
  isUndoable: boolean;
  downloadUrl?: string | null;
  /** Per-contact failures a small (in-request) operation reported; a job's count comes with its progress. */
  errors?: Array<{ contactId: string; error: string }>;
}

const numberFormat = new Intl.NumberFormat("en-US");
const isActive = (status: string | undefined) => !status || status === "queued" || status === "running" || status === "cancelling";

/**
 * A card following one job through `jobs.progress`: Cancel while it runs, Undo once it is done, and
 * then the undo's own progress. `onChanged` fires whenever a job (or its undo) finishes.
 */
export function BulkProgressToast({ run, onClose, onChanged }: { run: BulkRun; onClose: () => void; onChanged?: () => void }) {
  const trpc = useTRPC();
  const [undoJobId, setUndoJobId] = useState<string | null>(null);
  const followed = undoJobId ?? run.jobId;
  // useSubscription forgets its data once the stream ends (a finished job's last event), so the card
  // keeps the latest event itself.
  const [latest, setLatest] = useState<JobProgress | null>(null);
  useSubscription(
    trpc.jobs.progress.subscriptionOptions({ id: followed }, {
      onData: (data) => {
        setLatest(data);
        if (data.finishedAt) onChanged?.();
      },
    }),
  );
  const cancel = useMutation(trpc.jobs.cancel.mutationOptions());
  const undo = useMutation(trpc.bulk.undo.mutationOptions({ onSuccess: (result) => setUndoJobId(result.undoJobId) }));
  // Following the undo: until its first event, the operation's own figures must not show as the undo's.
  const job = latest?.id === followed ? latest : undefined;
  const running = isActive(job?.status);
  const done = job?.successCount ?? 0;
  const label = undoJobId ? `Undoing: ${run.label}` : run.label;
  const verb = undoJobId ? "reverted" : "done";

  return (
    <div role="status" aria-label={label} className="rounded-lg border border-border bg-background p-4 shadow-lg" data-testid="bulk-progress">
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm font-medium">{label}</p>
        <button type="button" aria-label="Close" onClick={onClose} className="text-muted-foreground hover:text-foreground">
          <X className="size-4" />
        </button>
      </div>
      <div className="mt-2 h-1.5 overflow-hidden rounded bg-muted" role="progressbar" aria-label="Progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((job?.progress ?? 0) * 100)}>
        <div className="h-full bg-primary transition-all" style={{ width: `${Math.round((job?.progress ?? 0) * 100)}%` }} />
      </div>
      <p className="mt-2 text-xs text-muted-foreground tabular-nums" data-testid="bulk-progress-text">
        {job
          ? `${job.status}: ${numberFormat.format(done)} of ${numberFormat.format(job.totalCount ?? 0)} ${verb}${job.errorCount ? `, ${numberFormat.format(job.errorCount)} failed` : ""}`
          : "starting…"}
        {job?.error ? ` (${job.error})` : ""}
      </p>
      {!undoJobId && run.errors && run.errors.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-xs text-destructive" aria-label="Failed contacts">
          {run.errors.slice(0, 3).map((entry) => (
            <li key={entry.contactId}>
              <a className="underline" href={`/contacts/${entry.contactId}`}>contact</a>: {entry.error}
            </li>
          ))}
          {run.errors.length > 3 ? <li>and {numberFormat.format(run.errors.length - 3)} more</li> : null}
        </ul>
      ) : null}
      {undo.error ?? cancel.error ? <p role="alert" className="mt-1 text-xs text-destructive">{(undo.error ?? cancel.error)!.message}</p> : null}
      <div className="mt-3 flex justify-end gap-2">
        {running ? (
          <Button size="sm" variant="outline" disabled={cancel.isPending || job?.status === "cancelling"} onClick={() => cancel.mutate({ id: followed })}>
            Cancel
          </Button>
        ) : null}
        {!running && run.downloadUrl ? (
          <a className="text-sm underline" href={run.downloadUrl}>
            Download
          </a>
        ) : null}
        {!running && run.isUndoable && !undoJobId && done > 0 ? (
          <Button size="sm" disabled={undo.isPending} onClick={() => undo.mutate({ jobId: run.jobId })}>
            Undo
          </Button>
        ) : null}
      </div>
    </div>
  );
}
