import fs from "node:fs";

/** Debian's Chromium (never a Playwright download, which this network refuses), or CHROMIUM_PATH. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate)) ?? null;
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this sandbox refuses.
export const chromiumArgs = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
