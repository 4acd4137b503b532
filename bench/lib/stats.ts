export interface Summary {
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
  runs: number;
}

/** Linear interpolation between closest ranks (the definition numpy and most dashboards use). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const round = (value: number) => Math.round(value * 100) / 100;

export function summarise(durations: readonly number[]): Summary {
  const sorted = [...durations].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(total / sorted.length),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    runs: sorted.length,
  };
}
