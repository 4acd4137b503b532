import { describe, expect, it } from "vitest";
import { percentile, summarise } from "./stats";

describe("bench statistics", () => {
  it("interpolates percentiles between ranks", () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5.5);
    expect(percentile(sorted, 95)).toBeCloseTo(9.55);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 100)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });

  it("summarises unsorted durations, rounded to hundredths of a millisecond", () => {
    expect(summarise([30, 10, 20.004, 40])).toEqual({ p50: 25, p95: 38.5, mean: 25, min: 10, max: 40, runs: 4 });
  });
});
