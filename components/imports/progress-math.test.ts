import { describe, expect, it } from "vitest";
import { addSample, estimateTimeLeft, formatTimeLeft, percent, type ProgressSample } from "./progress-math";

describe("import progress estimates", () => {
  it("projects the remaining rows at the recent rate", () => {
    const samples: ProgressSample[] = [
      { at: 0, processedRows: 0 },
      { at: 10_000, processedRows: 1_000 },
    ];
    // 100 rows a second, 9,000 rows to go.
    expect(estimateTimeLeft(samples, 10_000)).toBe(90_000);
    // Three seconds after the last sample, three of those seconds are spent.
    expect(estimateTimeLeft(samples, 10_000, 13_000)).toBe(87_000);
  });

  it("forgets a slow start once newer samples cover the window", () => {
    const samples: ProgressSample[] = [
      { at: 0, processedRows: 0 },
      { at: 30_000, processedRows: 100 },
      { at: 40_000, processedRows: 1_100 },
    ];
    // The window starts at 30 s: 1,000 rows in 10 s, so 4,900 rows take 49 s.
    expect(estimateTimeLeft(samples, 6_000)).toBe(49_000);
  });

  it("has no estimate until rows move, and none without a total", () => {
    expect(estimateTimeLeft([], 100)).toBeNull();
    expect(estimateTimeLeft([{ at: 0, processedRows: 0 }], 100)).toBeNull();
    expect(estimateTimeLeft([{ at: 0, processedRows: 10 }, { at: 1_000, processedRows: 20 }], null)).toBeNull();
    expect(estimateTimeLeft([{ at: 0, processedRows: 10 }, { at: 1_000, processedRows: 100 }], 100)).toBe(0);
  });

  it("keeps one sample per change and drops stale ones", () => {
    let samples: ProgressSample[] = [];
    samples = addSample(samples, { at: 0, processedRows: 0 });
    samples = addSample(samples, { at: 500, processedRows: 0 });
    expect(samples).toEqual([{ at: 0, processedRows: 0 }]);
    samples = addSample(samples, { at: 60_000, processedRows: 50 });
    expect(samples).toEqual([{ at: 60_000, processedRows: 50 }]);
  });

  it("words the estimate coarsely and computes a bounded percentage", () => {
    expect(formatTimeLeft(null)).toBeNull();
    expect(formatTimeLeft(2_000)).toBe("less than 5 s left");
    expect(formatTimeLeft(41_000)).toBe("about 45 s left");
    expect(formatTimeLeft(185_000)).toBe("about 3 min left");
    expect(formatTimeLeft(2 * 3_600_000 + 5 * 60_000)).toBe("about 2 h 5 min left");
    expect(percent(50, 200)).toBe(25);
    expect(percent(10, 0)).toBe(0);
    expect(percent(300, 200)).toBe(100);
  });
});
