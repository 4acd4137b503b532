/** Samples the process's resident set every `intervalMs`; the peak is what the JSON reports. */
export function startRssSampler(intervalMs = 50) {
  let peak = process.memoryUsage().rss;
  let windowPeak = peak;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
    if (rss > windowPeak) windowPeak = rss;
  }, intervalMs);
  timer.unref();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    /** Starts a new window (e.g. one scenario) and returns the previous window's peak in MB. */
    resetWindow(): number {
      const value = Math.max(windowPeak, process.memoryUsage().rss);
      windowPeak = process.memoryUsage().rss;
      return mb(value);
    },
    stop() {
      clearInterval(timer);
      const sampledPeak = Math.max(peak, process.memoryUsage().rss);
      // resourceUsage().maxRSS is in kilobytes and counts the whole life of the process, seeding included.
      return { peakRssMb: mb(sampledPeak), maxRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10 };
    },
  };
}
