import { runImportBench, type ImportBenchResult } from "./import";
import { defineScenario } from "../types";

const ROWS = 100_000;

/**
 * Issue 3's import figure inside `npm run bench`: a generated 100,000-row clean CSV imported end to end
 * (upload, preview, job) on PostgreSQL, beside a plain COPY of the same rows measured in the same run.
 * It runs in a fresh database of its own (created and dropped from DATABASE_URL's server), with the
 * importer in a child process so its peak RSS is its own.
 */
export default defineScenario<{ result: ImportBenchResult | null }>({
  name: "import.csv-100k",
  once: true,
  async setup(bench) {
    if (bench.database !== "postgres") return { skip: "measured on PostgreSQL (set DATABASE_URL)" };
    return { result: null };
  },
  async run(bench, state) {
    state.result = await runImportBench({ rows: ROWS, searchTriggers: true });
    bench.log(`import: ${JSON.stringify(state.result)}`);
    return state.result.created;
  },
  report: (state) => (state.result ? { ...state.result } : {}),
});
