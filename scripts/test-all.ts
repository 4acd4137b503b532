// `npm test`: typecheck, lint, migration drift, vitest (PGlite, plus PostgreSQL when TEST_DATABASE_URL
// is set) and Playwright e2e in Chromium. Runs every stage and fails if any failed.
import { spawnSync } from "node:child_process";
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
  { name: "vitest", command: ["npx", "vitest", "run"] },
];

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
  const run = spawnSync("npx", ["playwright", "test"], { stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium } });
  results.push({ name: "e2e", ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log("\n=== summary");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(10)} ${r.seconds.toFixed(1)}s${r.note ? `  (${r.note})` : ""}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
