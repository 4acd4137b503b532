"use client";

import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/states";
import { formatCount } from "./status";

type Progress = { status: string; processedCount: number; totalCount: number | null; finishedAt: Date | string | null };

/**
 * Imported contacts are in the table at once and in search once their search_index job has run: this
 * says which, live, so nobody wonders why a contact just imported does not come up in Cmd+K yet.
 */
export function SearchIndexStatus({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const job = useQuery(trpc.jobs.get.queryOptions({ id: jobId }));
  // Kept here: useSubscription drops its data when the stream ends.
  const [latest, setLatest] = useState<Progress | null>(null);
  const active = !job.data || job.data.status === "queued" || job.data.status === "running";
  useSubscription(trpc.jobs.progress.subscriptionOptions({ id: jobId }, { enabled: active, onData: setLatest }));
  const current: Progress | undefined = latest ?? job.data;
  if (!current) return null;
  if (current.status === "succeeded") {
    return <p className="text-[12px] text-muted-foreground" data-testid="search-index-status">Search index: up to date with this import.</p>;
  }
  if (current.status === "failed") {
    return (
      <div data-testid="search-index-status">
        <Alert>Adding these contacts to search failed: they are imported, but search may not find them. The Jobs page has the reason.</Alert>
      </div>
    );
  }
  return (
    <div data-testid="search-index-status">
      <Alert tone="info">
        Adding the imported contacts to search: {formatCount(current.processedCount)} of {formatCount(current.totalCount ?? 0)}. They are already in the
        contacts table; search finds them when this finishes.
      </Alert>
    </div>
  );
}
