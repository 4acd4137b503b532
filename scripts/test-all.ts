// `npm test`: typecheck, lint, migration drift, vitest (PGlite, plus PostgreSQL when TEST_DATABASE_URL
// is set) and Playwright e2e in Chromium. Runs every stage and fails if any failed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { findChromium } from "../e2e/chromium";

interface Stage {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

const stages: Stage[] = [
  { name: "typecheck", command: ["npx", "tsc", "--noEmit", "-p", "tsconfig.json"] },
  { name: "lint", command: ["npx", "eslint", ".", "--max-warnings=0"] },
  { name: "migrations", command: ["npx", "tsx", "scripts/check-migrations.ts"] },
  {
    name: "vitest",
    command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.data/reports/vitest.json"],
  },
];

// Reports from an earlier run must never be mistaken for this one's.
fs.rmSync(".data/reports", { recursive: true, force: true });
fs.mkdirSync(".data/reports", { recursive: true });

const chromium = findChromium();
const skipE2e = process.argv.includes("--no-e2e");
const results: Array<{ name: string; ok: boolean; seconds: number; note?: string }> = [];

for (const stage of stages) {
  const started = Date.now();
  console.log(`\n=== ${stage.name}: ${stage.command.join(" ")}`);
  const run = spawnSync(stage.command[0]!, stage.command.slice(1), { stdio: "inherit", env: { ...process.env, ...stage.env } });
  results.push({ name: stage.name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

if (skipE2e) {
  results.push({ name: "e2e", ok: true, seconds: 0, note: "skipped (--no-e2e)" });
} else if (!chromium) {
  console.error(`
=== e2e: no Chromium found.
The end-to-end tests drive a real Chromium. Install one of:
  - Debian/Ubuntu: sudo apt-get install -y chromium        (gives /usr/bin/chromium)
  - or, where the network allows it: npx playwright install chromium
  - or point CHROMIUM_PATH at an existing Chromium/Chrome binary.
Then run \`npm test\` again (or \`npm test -- --no-e2e\` to skip the browser tests).`);
  results.push({ name: "e2e", ok: false, seconds: 0, note: "no Chromium" });
} else {
  const started = Date.now();
  console.log(`\n=== e2e: playwright test (Chromium at ${chromium})`);
  const run = spawnSync("npx", ["playwright", "test", "--reporter=list,json"], {
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: ".data/reports/playwright.json" },
  });
  results.push({ name: "e2e", ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

function readCounts(file: string, pick: (report: Record<string, never>) => { passed: number; failed: number; skipped: number }) {
  try {
    return pick(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return null;
  }
}
const vitestCounts = readCounts(".data/reports/vitest.json", (r: { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number }) => ({
  passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: r.numPendingTests ?? 0,
}));
const e2eCounts = readCounts(".data/reports/playwright.json", (r: { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } }) => ({
  passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0), failed: r.stats?.unexpected ?? 0, skipped: r.stats?.skipped ?? 0,
}));

console.log("\n=== summary");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(10)} ${r.seconds.toFixed(1)}s${r.note ? `  (${r.note})` : ""}`);
const line = (c: { passed: number; failed: number; skipped: number }) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
if (vitestCounts) console.log(`vitest: ${line(vitestCounts)}`);
if (e2eCounts) console.log(`playwright: ${line(e2eCounts)}`);
const stageFailures = results.filter((r) => !r.ok).length;
const total = {
  passed: (vitestCounts?.passed ?? 0) + (e2eCounts?.passed ?? 0),
  failed: (vitestCounts?.failed ?? 0) + (e2eCounts?.failed ?? 0) + (stageFailures > 0 && !vitestCounts?.failed && !e2eCounts?.failed ? stageFailures : 0),
  skipped: (vitestCounts?.skipped ?? 0) + (e2eCounts?.skipped ?? 0),
};
console.log(`total: ${line(total)}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
