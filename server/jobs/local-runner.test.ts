import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, contacts, jobSteps } from "@/db/schema";
import { createTestWorkspace, openTestDatabase } from "@/test/db";
import { importContacts, previewImport } from "../imports/service";
import { fixturesDir, upload, createTemporaryFileStorage, waitForJob } from "../imports/test-helpers";
import { cancelJob } from "./service";
import { findJob } from "./queries";
import { resumeLocalJobs, SimulatedCrash, startLocalJob, type LocalRunOptions } from "./local-runner";

let handle: DatabaseHandle;
const files = createTemporaryFileStorage();
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  files.cleanup();
});

const hubspot = fs.readFileSync(path.join(fixturesDir, "hubspot_contacts.csv"));
const fast: LocalRunOptions["retry"] = { attempts: 3, baseDelayMs: 5 };

/** An import job of the HubSpot fixture in 50-row batches (four write steps), created but not started. */
async function createImportJob() {
  const ctx = await createTestWorkspace(handle.db);
  const fileId = await upload(ctx, files.storage, "hubspot_contacts.csv", hubspot);
  const preview = await previewImport(ctx, { fileId }, { storage: files.storage });
  const started = await importContacts(
    ctx,
    { fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { updateExisting: false, skipInvalid: true, notifyOnComplete: false, matchOn: "email", tags: ["hubspot"] } },
    { storage: files.storage, dispatch: false },
  );
  const ref = { workspaceId: ctx.workspaceId, jobId: started.importId };
  return { ctx, ref, deps: { db: handle.db, storage: files.storage, batchSize: 50 } };
}

async function contactStats(workspaceId: string, jobId: string) {
  const [row] = await handle.db
    .select({ total: sql<number>`count(*)::int`, emails: sql<number>`count(distinct email)::int` })
    .from(contacts)
    .where(eq(contacts.workspaceId, workspaceId));
  // One audit entry per batch lists the contacts it created: four batches, 179 ids, none twice.
  const [audit] = await handle.db
    .select({ entries: sql<number>`count(*)::int`, ids: sql<number>`sum(jsonb_array_length(${auditLog.metadata}->'created'))::int` })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.jobId, jobId), eq(auditLog.action, "import")));
  return { ...row!, auditEntries: audit!.entries, createdIds: audit!.ids };
}

describe("local runner", () => {
  it("resumes after a crash between a batch's commit and its step record, without duplicating a row", async () => {
    const { ref, deps } = await createImportJob();
    const crashAt: LocalRunOptions = { retry: fast, faults: { beforePersist: (id) => { if (id === "write-1") throw new SimulatedCrash("killed"); } } };
    await expect(startLocalJob(deps, ref, "import", crashAt)).rejects.toThrow("killed");
    const interrupted = await findJob(handle.db, ref);
    expect(interrupted?.status).toBe("running");
    expect(interrupted?.processedCount).toBe(100);
    const stored = await handle.db.select({ stepId: jobSteps.stepId }).from(jobSteps).where(eq(jobSteps.jobId, ref.jobId));
    expect(stored.map((s) => s.stepId).sort()).toEqual(["commit:prepare", "commit:write-0", "commit:write-1", "prepare", "write-0"]);

    const { resumed, done } = await resumeLocalJobs(handle.db, { storage: files.storage, retry: fast });
    expect(resumed).toBeGreaterThanOrEqual(1);
    await done;
    const finished = await findJob(handle.db, ref);
    expect(finished?.status).toBe("succeeded");
    expect(finished?.processedCount).toBe(200);
    expect(finished?.result?.counts).toMatchObject({ created: 179, invalid: 7, missing: 8, duplicates: 6 });
    expect(await contactStats(ref.workspaceId, ref.jobId)).toEqual({ total: 179, emails: 179, auditEntries: 4, createdIds: 179 });
  });

  it("resumes after a crash before a step ran, replaying the finished steps from the table", async () => {
    const { ref, deps } = await createImportJob();
    let runs = 0;
    const crash: LocalRunOptions = {
      retry: fast,
      faults: { beforeRun: (id) => { runs++; if (id === "write-2") throw new SimulatedCrash("power cut"); } },
    };
    await expect(startLocalJob(deps, ref, "import", crash)).rejects.toThrow("power cut");
    runs = 0;
    const counted: LocalRunOptions = { retry: fast, faults: { beforeRun: () => void runs++ } };
    await startLocalJob(deps, ref, "import", counted);
    // prepare, write-0 and write-1 are replayed from job_steps; write-2, write-3 and finish run.
    expect(runs).toBe(3);
    expect((await findJob(handle.db, ref))?.status).toBe("succeeded");
    expect(await contactStats(ref.workspaceId, ref.jobId)).toEqual({ total: 179, emails: 179, auditEntries: 4, createdIds: 179 });
  });

  it("retries a failing step with backoff, then fails the job with its reason", async () => {
    const { ref, deps } = await createImportJob();
    const attempts: number[] = [];
    await startLocalJob(deps, ref, "import", {
      retry: fast,
      faults: { beforeRun: (id, attempt) => { if (id === "write-1") { attempts.push(attempt); throw new Error("database went away"); } } },
    });
    expect(attempts).toEqual([1, 2, 3]);
    const job = await findJob(handle.db, ref);
    expect(job?.status).toBe("failed");
    expect(job?.error).toBe("step write-1 failed after 3 attempts: database went away");
    expect(job?.processedCount).toBe(50);
  });

  it("recovers from a transient failure by retrying the step", async () => {
    const { ref, deps } = await createImportJob();
    let failures = 0;
    await startLocalJob(deps, ref, "import", {
      retry: fast,
      faults: { beforeRun: (id, attempt) => { if (id === "write-0" && attempt === 1) { failures++; throw new Error("deadlock detected"); } } },
    });
    expect(failures).toBe(1);
    expect((await findJob(handle.db, ref))?.status).toBe("succeeded");
    expect((await contactStats(ref.workspaceId, ref.jobId)).total).toBe(179);
  });

  it("stops between batches when cancelled and reports what it did", async () => {
    const { ctx, ref, deps } = await createImportJob();
    await startLocalJob(deps, ref, "import", {
      retry: fast,
      faults: { beforePersist: async (id) => { if (id === "write-1") await cancelJob(ctx, { id: ref.jobId }); } },
    });
    const progress = await waitForJob(handle.db, ref.workspaceId, ref.jobId);
    expect(progress.status).toBe("cancelled");
    expect(progress.processedCount).toBe(100);
    const job = await findJob(handle.db, ref);
    const counts = job?.result?.counts as { created: number; rows: number };
    expect(counts.rows).toBe(100);
    expect((await contactStats(ref.workspaceId, ref.jobId)).total).toBe(counts.created);
    await expect(cancelJob(ctx, { id: ref.jobId })).rejects.toThrow(/already cancelled/);
  });
});
