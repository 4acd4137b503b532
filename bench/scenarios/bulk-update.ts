import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { queryRows } from "@/db/sql";
import { bulkUpdateContacts, undoBulkOperation } from "@/server/bulk/service";
import { runBulkJob } from "@/server/bulk/run-bulk";
import { runBulkUndoJob } from "@/server/bulk/undo";
import { findJob } from "@/server/jobs/queries";
import type { JobStep } from "@/server/jobs/step";
import { getFileStorage } from "@/server/files/storage";
import { defineScenario } from "../types";

const inline: JobStep = { run: (_id, fn) => fn() };
/** A slice of the seeded workspace; the report gives the exact count matched, and the plain UPDATE touches the same rows. */
const filter = { field: "score", operator: "lt", value: 10 } as const;

interface State {
  plainMs: number[];
  matched: number;
}

/**
 * Bulk update of every contact matched by a filter (with audit rows and undo data), beside a plain
 * single-statement UPDATE of the same rows timed in the same run. Each run is undone in the run itself
 * (untimed afterwards is not possible in this harness), so the undo is reported, not hidden.
 */
export default defineScenario<State>({
  name: "bulk.update-by-filter",
  runs: 1,
  async setup(bench) {
    const where = and(eq(contacts.workspaceId, bench.workspaceId), isNull(contacts.deletedAt), lt(contacts.score, 10));
    const [row] = await bench.db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(where);
    const started = performance.now();
    // Touches every matched row (a new tuple each) without changing data: the floor a bulk update is compared with.
    await bench.db.update(contacts).set({ title: sql`${contacts.title}` }).where(where);
    const plainMs = performance.now() - started;
    bench.log(`plain UPDATE of ${row?.n ?? 0} rows: ${Math.round(plainMs)} ms`);
    return { plainMs: [plainMs], matched: row?.n ?? 0 };
  },
  async run(bench) {
    const storage = getFileStorage();
    const started = await bulkUpdateContacts(bench.service, { target: { filter }, update: { title: "Bench bulk title" } }, { dispatch: false, storage, batchSize: 5_000 });
    if (started.isAsync) await runBulkJob({ db: bench.db, storage }, { workspaceId: bench.workspaceId, jobId: started.jobId }, inline);
    return started.jobId;
  },
  async teardown(bench) {
    const storage = getFileStorage();
    const rows = await queryRows<{ id: string }>(bench.db, sql`select id from jobs where workspace_id = ${bench.workspaceId} and kind = 'bulk_update' and (result->>'undoJobId') is null and status in ('succeeded','cancelled')`);
    for (const { id } of rows) {
      const undo = await undoBulkOperation(bench.service, { jobId: id }, { dispatch: false, storage, batchSize: 5_000 });
      if (undo.isAsync) await runBulkUndoJob({ db: bench.db, storage, batchSize: 5_000 }, { workspaceId: bench.workspaceId, jobId: undo.undoJobId }, inline);
      const job = await findJob(bench.db, { workspaceId: bench.workspaceId, jobId: undo.undoJobId });
      bench.log(`undo of ${id}: ${job?.status} (${job?.successCount} reverted)`);
    }
  },
  report: (state) => ({ plainUpdateMs: Math.round(state.plainMs[0] ?? 0), matchedRows: state.matched }),
});
