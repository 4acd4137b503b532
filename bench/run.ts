// npm run bench -- [--contacts 100000] [--runs 50] [--warmup 5] [--only contacts.get,contacts.list.first]
//                  [--workspace "Bench 100k"] [--email bench@haste.local] [--activity-scale 1]
// Prints exactly one JSON object on stdout; progress and logs go to stderr.
import "./lib/stderr-console";
import os from "node:os";
import { parseArgs } from "node:util";
import { ensureBulkWorkspace } from "@/db/seed/bulk";
import { openSeedRuntime, parseCount, shortCount } from "@/db/seed/cli";
import { createRng } from "@/db/seed/random";
import { startRssSampler } from "./lib/memory";
import { summarise, type Summary } from "./lib/stats";
import { scenarios as registry } from "./scenarios";
import { isSkipped, type BenchContext, type Scenario } from "./types";

const { values } = parseArgs({
  options: {
    contacts: { type: "string" },
    runs: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    only: { type: "string" },
    workspace: { type: "string" },
    email: { type: "string", default: "bench@haste.local" },
    "activity-scale": { type: "string", default: "1" },
  },
});

const contacts = parseCount(values.contacts, "contacts", 100_000);
const runs = parseCount(values.runs, "runs", 50);
const warmup = Number(values.warmup);
const log = (message: string) => console.error(`[bench] ${message}`);
const memory = startRssSampler(50);
const startedAt = new Date();

type ScenarioResult = (Summary & { peakRssMb: number } & Record<string, unknown>) | { skipped: string };

async function measure(bench: BenchContext, scenario: Scenario<unknown>): Promise<ScenarioResult> {
  const state = scenario.setup ? await scenario.setup(bench) : undefined;
  if (isSkipped(state)) return { skipped: state.skip };
  memory.resetWindow();
  const durations: number[] = [];
  try {
    const total = scenario.once ? 1 : Math.max(runs, scenario.runs ?? 0);
    const warmupRuns = scenario.once ? 0 : warmup;
    for (let iteration = 0; iteration < warmupRuns + total; iteration++) {
      const started = performance.now();
      await scenario.run(bench, state, iteration);
      if (iteration >= warmupRuns) durations.push(performance.now() - started);
    }
  } finally {
    if (scenario.teardown) await scenario.teardown(bench, state);
  }
  return { ...summarise(durations), peakRssMb: memory.resetWindow(), ...(scenario.report?.(state) ?? {}) };
}

const { handle, auth } = await openSeedRuntime(log);
try {
  const workspaceName = values.workspace ?? `Bench ${shortCount(contacts)}`;
  log(`${handle.kind}: workspace "${workspaceName}" with ${contacts} contacts`);
  const seeded = await ensureBulkWorkspace(handle.db, auth, {
    email: values.email.trim().toLowerCase(),
    workspaceName,
    contacts,
    activityScale: Number(values["activity-scale"]),
    log,
  });
  log(seeded.load.contactsInserted > 0 ? `seeded ${seeded.load.contactsInserted} contacts in ${seeded.load.seconds.toFixed(1)} s` : "reusing the seeded workspace");

  const bench: BenchContext = {
    db: handle.db,
    database: handle.kind,
    workspaceId: seeded.workspaceId,
    contacts,
    service: { db: handle.db, workspaceId: seeded.workspaceId, actor: { type: "user", userId: seeded.userId, name: seeded.userName, role: "admin" } },
    plan: seeded.plan,
    rng: createRng(1, "bench"),
    log,
  };

  const only = values.only?.split(",").map((name) => name.trim()).filter(Boolean);
  const scenarios = registry.filter((scenario) => !only || only.includes(scenario.name));
  if (only && scenarios.length !== only.length) throw new Error(`unknown scenario in --only; known: ${registry.map((s) => s.name).join(", ")}`);

  const results: Record<string, ScenarioResult> = {};
  for (const scenario of scenarios) {
    log(`${scenario.name}…`);
    results[scenario.name] = await measure(bench, scenario);
    log(`${scenario.name}: ${JSON.stringify(results[scenario.name])}`);
  }

  const { peakRssMb, maxRssMb } = memory.stop();
  const report = {
    database: handle.kind,
    contacts,
    workspaceId: seeded.workspaceId,
    seed: { reused: seeded.load.contactsInserted === 0, contactsInserted: seeded.load.contactsInserted, seconds: Math.round(seeded.load.seconds * 10) / 10 },
    warmup,
    scenarios: results,
    // The Node process only: with DATABASE_URL the PostgreSQL server's memory is elsewhere; with PGlite it is in here.
    peakRssMb,
    maxRssMb,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    startedAt: startedAt.toISOString(),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await handle.close();
}
