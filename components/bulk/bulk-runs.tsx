"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { BulkProgressToast, type BulkRun } from "./bulk-progress-toast";

const StartRunContext = createContext<((run: BulkRun) => void) | null>(null);

/** Starts following a bulk job in a progress card that outlives the selection it came from. */
export function useStartBulkRun(): (run: BulkRun) => void {
  const start = useContext(StartRunContext);
  if (!start) throw new Error("useStartBulkRun needs a BulkRunsProvider above it");
  return start;
}

/**
 * Holds the progress cards of the bulk jobs started below it (bottom right, newest last). A card stays
 * after the selection is cleared, so Cancel and Undo remain at hand; when a job or its undo finishes,
 * everything that shows contacts is refetched.
 */
export function BulkRunsProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [runs, setRuns] = useState<BulkRun[]>([]);
  const start = useCallback((run: BulkRun) => setRuns((current) => [...current.filter((other) => other.jobId !== run.jobId), run]), []);
  const refresh = useCallback(() => {
    for (const queryKey of [trpc.contacts.pathKey(), trpc.insights.pathKey(), trpc.tags.pathKey(), trpc.segments.pathKey(), trpc.jobs.list.pathKey()]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [queryClient, trpc]);
  return (
    <StartRunContext.Provider value={start}>
      {children}
      {runs.length > 0 ? (
        <div className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
          {runs.map((run) => (
            <BulkProgressToast key={run.jobId} run={run} onChanged={refresh} onClose={() => setRuns((current) => current.filter((other) => other.jobId !== run.jobId))} />
          ))}
        </div>
      ) : null}
    </StartRunContext.Provider>
  );
}
