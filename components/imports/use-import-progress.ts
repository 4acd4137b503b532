"use client";

import { hashKey, useQuery, useQueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpSubscriptionLink, type TRPCClient } from "@trpc/client";
import { useEffect, useState } from "react";
import superjson from "superjson";
import { useTRPC } from "@/components/providers/trpc";
import type { AppRouter } from "@/server/trpc/root";
import { addSample, estimateTimeLeft, formatTimeLeft, type ProgressSample } from "./progress-math";
import { isActiveStatus } from "./status";
import type { ImportDetail } from "./types";

let subscriptionClient: TRPCClient<AppRouter> | null = null;

// Progress arrives as server-sent events on a client of its own (same endpoint, same session cookie),
// so the hook manages the stream's lifetime and its fallback to polling itself.
function sseClient(): TRPCClient<AppRouter> {
  subscriptionClient ??= createTRPCClient<AppRouter>({ links: [httpSubscriptionLink({ url: "/api/trpc", transformer: superjson })] });
  return subscriptionClient;
}

export interface ProgressView {
  status: string;
  totalRows: number | null;
  processedRows: number;
  successCount: number;
  errorCount: number;
  skippedCount: number;
  currentRow: number | null;
}

/** The same figures from `imports.get`, for the first paint and when the event stream is unavailable. */
export function progressFromDetail(detail: ImportDetail): ProgressView {
  const c = detail.counts;
  return {
    status: detail.status,
    totalRows: detail.totalRows,
    processedRows: detail.processedRows,
    successCount: c.created + c.updated + c.restored + c.unchanged,
    errorCount: c.invalid + c.missing,
    skippedCount: c.skipped + c.duplicates,
    currentRow: detail.currentRow,
  };
}

/**
 * An import's detail, kept current while it runs: progress events over SSE, and a one-second poll of
 * `imports.get` if the stream cannot be opened. Also returns a time-left estimate from recent samples.
 */
export function useImportProgress(importId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [live, setLive] = useState<ProgressView | null>(null);
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [isStreamBroken, setIsStreamBroken] = useState(false);
  const detail = useQuery({
    ...trpc.imports.get.queryOptions({ importId }),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return false;
      const isUndoing = (data.undo as { status?: string } | null)?.status === "running";
      return (isActiveStatus(data.status) && isStreamBroken) || isUndoing ? 1_000 : false;
    },
  });
  const isActive = detail.data ? isActiveStatus(detail.data.status) : false;

  useEffect(() => {
    if (!isActive) return;
    const refresh = () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.imports.get.queryKey({ importId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.imports.issues.pathKey() }),
      ]);
    let hasFinished = false;
    const subscription = sseClient().imports.importProgress.subscribe(
      { importId },
      {
        onData: (p) => {
          setLive({
            status: p.status, totalRows: p.totalRows, processedRows: p.processedRows, successCount: p.successCount,
            errorCount: p.errorCount, skippedCount: p.skippedCount, currentRow: p.currentRow,
          });
          setSamples((current) => addSample(current, { at: Date.now(), processedRows: p.processedRows }));
          // The stream would reconnect after it ends; the final figures come from imports.get instead.
          if (!isActiveStatus(p.status)) {
            hasFinished = true;
            subscription.unsubscribe();
            void refresh();
          }
        },
        onError: () => setIsStreamBroken(true),
        onComplete: () => {
          // A stream that ends before the import does (a proxy timeout, a server restart) hands over to polling.
          if (!hasFinished) setIsStreamBroken(true);
          void refresh();
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [importId, isActive, queryClient, trpc]);

  // Polled figures feed the estimate too, so it still works without the stream; read as the cache
  // receives them rather than from render, so each fetch is one sample.
  useEffect(() => {
    const hash = hashKey(trpc.imports.get.queryKey({ importId }));
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success" || event.query.queryHash !== hash) return;
      const data = event.query.state.data as ImportDetail | undefined;
      if (data && isActiveStatus(data.status)) setSamples((current) => addSample(current, { at: Date.now(), processedRows: data.processedRows }));
    });
  }, [importId, queryClient, trpc]);

  // Undo runs as its own job; once the detail shows it done, lists and contacts elsewhere are stale.
  const undoStatus = (detail.data?.undo as { status?: string } | null | undefined)?.status;
  useEffect(() => {
    if (undoStatus !== "succeeded") return;
    void queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
  }, [undoStatus, queryClient, trpc]);

  const fromDetail = detail.data ? progressFromDetail(detail.data) : null;
  // While it runs the stream is fresher; once the detail says it finished, its final counts win.
  const progress = isActive && live && live.processedRows >= (fromDetail?.processedRows ?? 0) ? live : fromDetail;
  const timeLeft = isActive ? formatTimeLeft(estimateTimeLeft(samples, progress?.totalRows ?? null)) : null;
  return { detail, progress, timeLeft, isActive };
}
