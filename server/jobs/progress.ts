import { EventEmitter } from "node:events";
import type { Executor } from "@/db/types";
import { finishedJobStatuses, findJob, type JobRow } from "./queries";
import type { JobRef } from "./step";

export interface JobProgress {
  id: string;
  kind: JobRow["kind"];
  status: JobRow["status"];
  /** 0..1 */
  progress: number;
  totalCount: number | null;
  processedCount: number;
  successCount: number;
  errorCount: number;
  skippedCount: number;
  /** The last file row (or record) the job has finished, when it reads one. */
  currentRow: number | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

// One emitter per process (kept on globalThis across Next's module reloads) so a local job's commits
// reach subscribers at once; other processes and Inngest-run jobs are caught by polling the row.
const globalBus = globalThis as unknown as { __hastecrmJobBus?: EventEmitter };
const bus = (globalBus.__hastecrmJobBus ??= new EventEmitter().setMaxListeners(0));

export function publishJobChange(ref: JobRef): void {
  bus.emit(ref.jobId);
}

export function toJobProgress(job: JobRow): JobProgress {
  const currentRow = job.result?.currentRow;
  return {
    id: job.id, kind: job.kind, status: job.status, progress: job.progress, totalCount: job.totalCount,
    processedCount: job.processedCount, successCount: job.successCount, errorCount: job.errorCount,
    skippedCount: job.skippedCount, currentRow: typeof currentRow === "number" ? currentRow : null,
    error: job.error, startedAt: job.startedAt, finishedAt: job.finishedAt,
  };
}

export function isFinished(status: JobRow["status"]): boolean {
  return finishedJobStatuses.includes(status);
}

/**
 * Yields the job's progress now and after every change until it finishes: woken by the in-process bus
 * and by a 300 ms poll of the row, so a change is seen within a second whichever runner made it.
 */
export async function* watchJob(db: Executor, ref: JobRef, options: { signal?: AbortSignal; pollMs?: number } = {}): AsyncGenerator<JobProgress> {
  const pollMs = options.pollMs ?? 300;
  let last = "";
  while (!options.signal?.aborted) {
    const job = await findJob(db, ref);
    if (!job) return;
    const progress = toJobProgress(job);
    const key = JSON.stringify(progress);
    if (key !== last) {
      last = key;
      yield progress;
    }
    if (isFinished(job.status)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        bus.off(ref.jobId, done);
        options.signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      bus.on(ref.jobId, done);
      options.signal?.addEventListener("abort", done);
    });
  }
}
