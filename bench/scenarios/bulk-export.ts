import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLocalStorage } from "@/server/files/storage";
import { findJob, insertJob } from "@/server/jobs/queries";
import { runExportJob } from "@/server/exports/run-export";
import { actorFields } from "@/server/audit/service";
import { defineScenario } from "../types";

interface State {
  dir: string;
  rows: number;
}

/** Export of every contact of the workspace to CSV on local disk; the harness samples peak RSS. */
export default defineScenario<State>({
  name: "bulk.export-all",
  once: true,
  async setup() {
    return { dir: fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-bench-export-")), rows: 0 };
  },
  async run(bench, state) {
    const storage = createLocalStorage(state.dir);
    const job = await insertJob(bench.db, {
      workspaceId: bench.workspaceId, kind: "export", runner: "local", actorId: bench.service.actor.userId,
      input: { format: "csv", filters: null, fields: ["email", "firstName", "lastName", "company", "title", "lifecycleStage", "score", "tags"], actor: actorFields(bench.service.actor) },
    });
    const ref = { workspaceId: bench.workspaceId, jobId: job.id };
    const result = await runExportJob({ db: bench.db, storage }, ref, { run: (_id, fn) => fn() });
    state.rows = result.rowCount;
    bench.log(`exported ${result.rowCount} rows (${(await findJob(bench.db, ref))?.status})`);
    return result.rowCount;
  },
  async teardown(_bench, state) {
    fs.rmSync(state.dir, { recursive: true, force: true });
  },
  report: (state) => ({ rows: state.rows }),
});
