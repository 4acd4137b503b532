export interface ProgressSample {
  /** Milliseconds (Date.now()). */
  at: number;
  processedRows: number;
}

/** Samples older than this do not steer the rate: a slow start (custom fields, first batch) should fade. */
const RATE_WINDOW_MS = 20_000;

/** Adds a sample when the count moved, keeping only what the rate window needs. */
export function addSample(samples: readonly ProgressSample[], next: ProgressSample): ProgressSample[] {
  const last = samples.at(-1);
  if (last && last.processedRows === next.processedRows) return [...samples];
  const kept = samples.filter((s) => next.at - s.at <= RATE_WINDOW_MS * 2);
  return [...kept, next];
}

/**
 * Milliseconds left at the recent rate, or null while there is too little to go on (fewer than two
 * samples, nothing processed yet, or no total). Reads the last RATE_WINDOW_MS of samples.
 */
export function estimateTimeLeft(samples: readonly ProgressSample[], totalRows: number | null, now = samples.at(-1)?.at ?? 0): number | null {
  const last = samples.at(-1);
  if (!last || !totalRows || totalRows <= 0) return null;
  const remaining = totalRows - last.processedRows;
  if (remaining <= 0) return 0;
  const first = samples.find((s) => last.at - s.at <= RATE_WINDOW_MS) ?? samples[0]!;
  const rows = last.processedRows - first.processedRows;
  const elapsed = last.at - first.at;
  if (rows <= 0 || elapsed <= 0) return null;
  const perMs = rows / elapsed;
  // Time since the last sample already counts toward the remainder.
  return Math.max(0, remaining / perMs - Math.max(0, now - last.at));
}

/** "about 3 min", "40 s", "less than 5 s": coarse on purpose, since the rate wobbles batch to batch. */
export function formatTimeLeft(ms: number | null): string | null {
  if (ms === null) return null;
  const seconds = Math.round(ms / 1000);
  if (seconds < 5) return "less than 5 s left";
  if (seconds < 60) return `about ${Math.ceil(seconds / 5) * 5} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min left`;
}

export const percent = (processed: number, total: number | null) =>
  total && total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
