"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Activity } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { JobProgress } from "@/server/jobs/progress";
import { describeJob, isActiveStatus, isCancellableKind, isUndoableKind, type JobKind, type JobStatus } from "./describe";

interface JobEntry {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: number;
  totalCount: number | null;
  processedCount: number;
  successCount: number;
  errorCount: number;
  error: string | null;
  createdAt: string | Date;
  actorName: string | null;
  undoJobId: string | null;
}

const statusTones: Record<JobStatus, BadgeTone> = {
  queued: "neutral", running: "blue", cancelling: "amber", succeeded: "green", failed: "red", cancelled: "neutral",
};

/** Follows one running job through jobs.progress; the list refreshes when it finishes. */
function LiveProgress({ job, onFinished }: { job: JobEntry; onFinished: () => void }) {
  const trpc = useTRPC();
  // Kept here: useSubscription drops its data when the stream ends.
  const [latest, setLatest] = useState<JobProgress | null>(null);
  useSubscription(trpc.jobs.progress.subscriptionOptions({ id: job.id }, {
    onData: (data) => {
      setLatest(data);
      if (data.finishedAt) onFinished();
    },
  }));
  const current = latest ?? job;
  return (
    <div className="flex min-w-40 flex-col gap-1">
      <div className="h-1.5 overflow-hidden rounded bg-muted" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(current.progress * 100)} aria-label={`${describeJob(job.kind)} progress`}>
        <div className="h-full bg-primary transition-all" style={{ width: `${Math.round(current.progress * 100)}%` }} />
      </div>
      <span className="text-[12px] text-muted-foreground tabular-nums">
        {current.processedCount.toLocaleString()} of {(current.totalCount ?? 0).toLocaleString()}
      </span>
    </div>
  );
}

function JobRow({ job, onChanged }: { job: JobEntry; onChanged: () => void }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.jobs.cancel.mutationOptions({ onSuccess: onChanged }));
  const undo = useMutation(trpc.bulk.undo.mutationOptions({ onSuccess: onChanged }));
  const isActive = isActiveStatus(job.status);
  const canUndo = isUndoableKind(job.kind) && !isActive && !job.undoJobId && job.successCount > 0;
  const error = cancel.error ?? undo.error;
  return (
    <tr className="border-t border-border align-middle" data-testid="job-row" data-job-kind={job.kind}>
      <td className="py-2 pr-3">
        {job.kind === "import" ? (
          <Link className="underline" href={`/imports/${job.id}`}>{describeJob(job.kind)}</Link>
        ) : (
          describeJob(job.kind)
        )}
      </td>
      <td className="py-2 pr-3">
        <Badge tone={statusTones[job.status]}>{job.undoJobId ? "undone" : job.status}</Badge>
      </td>
      <td className="py-2 pr-3">
        {isActive ? (
          <LiveProgress job={job} onFinished={onChanged} />
        ) : (
          <span className="text-[13px] tabular-nums">
            {job.successCount.toLocaleString()} done
            {job.errorCount ? <span className="text-destructive">, {job.errorCount.toLocaleString()} failed</span> : null}
            {job.error ? <span className="block text-[12px] text-muted-foreground">{job.error}</span> : null}
          </span>
        )}
      </td>
      <td className="py-2 pr-3 text-[13px]">{job.actorName ?? "—"}</td>
      <td className="py-2 pr-3 text-[13px] text-muted-foreground">{new Date(job.createdAt).toLocaleString()}</td>
      <td className="py-2">
        <div className="flex items-center justify-end gap-2">
          {isActive && isCancellableKind(job.kind) ? (
            <Button size="sm" variant="outline" disabled={cancel.isPending || job.status === "cancelling"} onClick={() => cancel.mutate({ id: job.id })}>
              Cancel
            </Button>
          ) : null}
          {canUndo ? (
            <Button size="sm" variant="outline" disabled={undo.isPending} onClick={() => undo.mutate({ jobId: job.id })}>
              Undo
            </Button>
          ) : null}
          {error ? <span role="alert" className="text-[12px] text-destructive">{error.message}</span> : null}
        </div>
      </td>
    </tr>
  );
}

/**
 * /jobs: the long work of the workspace (imports, bulk edits, exports, embedding backfills) with live
 * progress, Cancel while running and Undo for bulk operations long after their toast is gone.
 * Admins see everyone's jobs; others see their own.
 */
export function JobsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useQuery({ ...trpc.jobs.list.queryOptions({ first: 100 }), refetchInterval: 10_000 });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() });
    // An undo or a finished bulk job changes what the contact lists show.
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() });
  };

  let body;
  if (jobs.isPending) body = <div className="space-y-2">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}</div>;
  else if (jobs.isError) body = <ErrorState message={jobs.error.message} />;
  else if (jobs.data.length === 0) body = <EmptyState icon={<Activity />} title="No jobs yet" description="Imports, bulk edits and exports show up here with their progress." />;
  else {
    body = (
      <table className="w-full text-sm">
        <thead className="text-left text-[12px] text-muted-foreground">
          <tr>
            <th className="py-2 pr-3 font-medium">Job</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="py-2 pr-3 font-medium">Progress</th>
            <th className="py-2 pr-3 font-medium">By</th>
            <th className="py-2 pr-3 font-medium">Started</th>
            <th className="py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {(jobs.data as JobEntry[]).map((job) => <JobRow key={job.id} job={job} onChanged={refresh} />)}
        </tbody>
      </table>
    );
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader title="Jobs" description="Imports, bulk operations, exports and backfills, newest first." />
      <div className="overflow-y-auto p-6">{body}</div>
    </div>
  );
}
