import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openPostgres } from "@/db/client";
import type { Executor } from "@/db/types";
import { actorFields } from "@/server/audit/service";
import type { Actor } from "@/server/context";
import { runExportJob } from "@/server/exports/run-export";
import { createLocalStorage } from "@/server/files/storage";
import { findJob, insertJob } from "@/server/jobs/queries";
import { runJsonChild } from "../lib/child";
import { defineScenario } from "../types";

const FIELDS = ["email", "firstName", "lastName", "company", "title", "lifecycleStage", "score", "tags"];
const TARGET_PEAK_RSS_MB = 300;

interface ExportArgs {
  databaseUrl: string;
  workspaceId: string;
  actor: Actor & { type: "user" };
  dir: string;
}

interface ExportResult {
  rows: number;
  seconds: number;
  fileBytes: number;
  status: string;
  peakRssMb: number;
  baselineRssMb: number;
}

/** The measured part, in a process of its own: an export job of the whole workspace to local disk. */
async function exportAll(db: Executor, args: Omit<ExportArgs, "databaseUrl">): Promise<Omit<ExportResult, "peakRssMb" | "baselineRssMb">> {
  const storage = createLocalStorage(args.dir);
  const job = await insertJob(db, {
    workspaceId: args.workspaceId, kind: "export", runner: "local", actorId: args.actor.userId,
    input: { format: "csv", filters: null, fields: FIELDS, actor: actorFields(args.actor) },
  });
  const ref = { workspaceId: args.workspaceId, jobId: job.id };
  const started = performance.now();
  const result = await runExportJob({ db, storage }, ref, { run: (_id, fn) => fn() });
  const seconds = (performance.now() - started) / 1000;
  const fileBytes = fs.readdirSync(args.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
  return { rows: result.rowCount, seconds, fileBytes, status: (await findJob(db, ref))?.status ?? "missing" };
}

const runChild = (args: ExportArgs) => runJsonChild<ExportResult>(fileURLToPath(import.meta.url), "--export-child", args);

interface State {
  dir: string;
  result: ExportResult | null;
}

/**
 * Export of every contact of the workspace to CSV on local disk (issue 6: 1,000,000 rows, peak RSS ≤ 300 MB).
 * On PostgreSQL the export runs in a child process that loads only the app, so its peak RSS is the
 * exporter's own, not the harness's (which holds the seed generator and earlier scenarios' garbage).
 */
export default defineScenario<State>({
  name: "bulk.export-all",
  once: true,
  async setup(bench) {
    if (bench.database !== "postgres") return { skip: "measured on PostgreSQL (set DATABASE_URL): the embedded database has one owner process" };
    return { dir: fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-bench-export-")), result: null };
  },
  async run(bench, state) {
    const { userId, name, role } = bench.service.actor;
    const actor = { type: "user" as const, userId, name, role };
    state.result = await runChild({ databaseUrl: process.env.DATABASE_URL!, workspaceId: bench.workspaceId, actor, dir: state.dir });
    bench.log(`exported ${state.result.rows} rows in ${state.result.seconds.toFixed(1)} s (${state.result.status}), child peak RSS ${state.result.peakRssMb} MB`);
    return state.result.rows;
  },
  async teardown(_bench, state) {
    fs.rmSync(state.dir, { recursive: true, force: true });
  },
  report: (state) => {
    const result = state.result;
    if (!result) return {};
    return {
      rows: result.rows,
      rowsPerSecond: Math.round(result.rows / result.seconds),
      fileMb: Math.round(result.fileBytes / 1048576),
      exporterPeakRssMb: result.peakRssMb,
      exporterBaselineRssMb: result.baselineRssMb,
      target: { exporterPeakRssMb: TARGET_PEAK_RSS_MB },
      passed: result.status === "succeeded" && result.peakRssMb <= TARGET_PEAK_RSS_MB,
    };
  },
});

const childAt = process.argv.indexOf("--export-child");
if (childAt > 0) {
  const args = JSON.parse(process.argv[childAt + 1]!) as ExportArgs;
  const handle = openPostgres(args.databaseUrl, { max: 2 });
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1048576);
  exportAll(handle.db, args)
    .then(async (result) => {
      await handle.close();
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(JSON.stringify({ ...result, peakRssMb, baselineRssMb }));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
