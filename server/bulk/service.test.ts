import { InngestTestEngine } from "@inngest/test";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, contacts, customFieldDefinitions } from "@/db/schema";
import { createTestWorkspace, addTestMember, openTestDatabase } from "@/test/db";
import { bulkOperationRequested } from "@/inngest/events";
import { createBulkContactsFunction } from "@/inngest/functions/bulk-contacts";
import { createTemporaryFileStorage } from "../imports/test-helpers";
import { cancelJob } from "../jobs/service";
import { findJob } from "../jobs/queries";
import { listContacts } from "../contacts/service";
import type { JobStep } from "../jobs/step";
import type { FilterNode } from "../filters/types";
import { runBulkJob } from "./run-bulk";
import { bulkDeleteContacts, bulkRestoreContacts, bulkTagOperations, bulkUpdateContacts, undoBulkOperation } from "./service";
import { dumpContacts, seedContacts } from "./test-helpers";

let handle: DatabaseHandle;
const files = createTemporaryFileStorage();
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  files.cleanup();
});

const options = () => ({ storage: files.storage, dispatch: false });
const stageFilter: FilterNode = { field: "lifecycleStage", operator: "eq", value: "MQL" };

describe("bulk operations", () => {
  it("resolves a filter target on the server, matching the list's count, and undo restores every contact exactly", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await seedContacts(handle.db, ctx.workspaceId, 60, (i) => ({ lifecycleStage: i % 3 === 0 ? "MQL" : "lead", score: i }));
    const listed = await listContacts(ctx, { first: 10, filters: stageFilter, exactCount: true });
    const before = await dumpContacts(handle.db, ctx.workspaceId);

    const result = await bulkUpdateContacts(ctx, { target: { filter: stageFilter }, update: { lifecycleStage: "customer", score: 99 } }, options());
    expect(result).toMatchObject({ success: true, updatedCount: 20, errors: [], isAsync: false });
    expect(listed.totalCount).toBe(20);
    const [changed] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.lifecycleStage, "customer"), eq(contacts.score, 99)));
    expect(changed!.n).toBe(20);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ctx.workspaceId), eq(auditLog.jobId, result.jobId)));
    expect(audit).toHaveLength(20);
    expect(audit[0]!.changes.lifecycleStage).toEqual({ old: "MQL", new: "customer" });

    const undo = await undoBulkOperation(ctx, { jobId: result.jobId }, options());
    expect(undo).toMatchObject({ success: true, revertedCount: 20, failedCount: 0 });
    expect(await dumpContacts(handle.db, ctx.workspaceId)).toEqual(before);
    await expect(undoBulkOperation(ctx, { jobId: result.jobId }, options())).rejects.toThrow(/already been undone/);
  });

  it("reports a contact that fails custom-field validation and updates the rest", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await handle.db.insert(customFieldDefinitions).values([
      { workspaceId: ctx.workspaceId, objectType: "contact", fieldName: "budget", label: "Budget", fieldType: "number" },
      { workspaceId: ctx.workspaceId, objectType: "contact", fieldName: "region", label: "Region", fieldType: "select", options: [{ value: "emea", label: "EMEA" }] },
    ]);
    const seeded = await seedContacts(handle.db, ctx.workspaceId, 5, (i) => ({ customFields: i === 2 ? { region: "atlantis" } : { region: "emea" } }));
    const before = await dumpContacts(handle.db, ctx.workspaceId);
    const bad = seeded[2]!;

    const result = await bulkUpdateContacts(ctx, { target: { ids: seeded.map((c) => c.id) }, update: { customFields: { budget: "1,500" } } }, options());
    expect(result.success).toBe(false);
    expect(result.updatedCount).toBe(4);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.contactId).toBe(bad.id);
    expect(result.errors[0]!.error).toMatch(/customFields\.region/);
    const rows = await handle.db.select().from(contacts).where(eq(contacts.workspaceId, ctx.workspaceId));
    for (const row of rows) expect(row.customFields.budget).toBe(row.id === bad.id ? undefined : 1500);

    await undoBulkOperation(ctx, { jobId: result.jobId }, options());
    expect(await dumpContacts(handle.db, ctx.workspaceId)).toEqual(before);
  });

  it("undo gives each contact its own old values back, custom fields and dates included, in one statement per batch", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await handle.db.insert(customFieldDefinitions).values({ workspaceId: ctx.workspaceId, objectType: "contact", fieldName: "budget", label: "Budget", fieldType: "number" });
    // Every contact differs: some have a budget and some not, titles and contact dates vary, one title is null.
    await seedContacts(handle.db, ctx.workspaceId, 30, (i) => ({
      title: i === 7 ? null : `Title ${i}`,
      lastContactedAt: i % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + i, 9, 30)),
      customFields: i % 3 === 0 ? {} : { budget: i * 100 },
    }));
    const before = await dumpContacts(handle.db, ctx.workspaceId);
    const all: FilterNode = { and: [] };
    const result = await bulkUpdateContacts(ctx, {
      target: { filter: all },
      update: { title: "Same for all", lastContactedAt: "2026-06-01T12:00:00.000Z", customFields: { budget: 5000 } },
    }, options());
    expect(result).toMatchObject({ success: true, updatedCount: 30 });
    expect(await dumpContacts(handle.db, ctx.workspaceId)).not.toEqual(before);

    const undo = await undoBulkOperation(ctx, { jobId: result.jobId }, options());
    expect(undo).toMatchObject({ success: true, revertedCount: 30, failedCount: 0 });
    expect(await dumpContacts(handle.db, ctx.workspaceId)).toEqual(before);
  });

  it("soft-deletes by filter, restores, and undo of a delete brings every contact back exactly", async () => {
    const ctx = await createTestWorkspace(handle.db, { role: "manager" });
    await seedContacts(handle.db, ctx.workspaceId, 30, (i) => ({ lifecycleStage: i < 10 ? "MQL" : "lead" }));
    const before = await dumpContacts(handle.db, ctx.workspaceId);
    const deleted = await bulkDeleteContacts(ctx, { target: { filter: stageFilter } }, options());
    expect(deleted).toMatchObject({ success: true, deletedCount: 10 });
    const live = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt))))[0]!.n;
    expect(await live()).toBe(20);
    await undoBulkOperation(ctx, { jobId: deleted.jobId }, options());
    expect(await dumpContacts(handle.db, ctx.workspaceId)).toEqual(before);

    const again = await bulkDeleteContacts(ctx, { target: { filter: stageFilter } }, options());
    const restored = await bulkRestoreContacts(ctx, { target: { filter: stageFilter } }, options());
    expect(restored).toMatchObject({ success: true, restoredCount: 10 });
    expect(await live()).toBe(30);
    expect(again.deletedCount).toBe(10);
  });

  it("adds and removes tags in one operation, and undo puts the links back", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const seeded = await seedContacts(handle.db, ctx.workspaceId, 8);
    const first = await bulkTagOperations(ctx, { target: { ids: seeded.slice(0, 4).map((c) => c.id) }, addTags: ["VIP"], removeTags: [] }, options());
    expect(first.affectedCount).toBe(4);
    const before = await dumpContacts(handle.db, ctx.workspaceId);
    const both = await bulkTagOperations(ctx, { target: { ids: seeded.map((c) => c.id) }, addTags: ["Q3"], removeTags: ["vip"] }, options());
    expect(both.affectedCount).toBe(8);
    const after = await dumpContacts(handle.db, ctx.workspaceId);
    expect(after.tags).toHaveLength(8);
    await undoBulkOperation(ctx, { jobId: both.jobId }, options());
    expect(await dumpContacts(handle.db, ctx.workspaceId)).toEqual(before);
  });

  it("refuses reps", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const rep = await addTestMember(handle.db, ctx.workspaceId, "rep");
    await expect(bulkDeleteContacts(rep, { target: { filter: stageFilter } }, options())).rejects.toThrow(/managers and admins/);
  });

  it("runs a large target as batches, and a cancel stops between batches and reports what was done", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await seedContacts(handle.db, ctx.workspaceId, 1_000, () => ({ lifecycleStage: "MQL" }));
    const started = await bulkUpdateContacts(ctx, { target: { filter: stageFilter }, update: { lifecycleStage: "SQL" } }, { ...options(), batchSize: 200 });
    expect(started).toMatchObject({ isAsync: true, updatedCount: 0 });
    const ref = { workspaceId: ctx.workspaceId, jobId: started.jobId };
    const step: JobStep = {
      run: async (id, fn) => {
        const output = await fn();
        if (id === "batch-1") await cancelJob(ctx, { id: started.jobId });
        return output;
      },
    };
    const result = await runBulkJob({ db: handle.db, storage: files.storage }, ref, step);
    expect(result).toMatchObject({ status: "cancelled", processed: 400, success: 400 });
    const job = await findJob(handle.db, ref);
    expect(job).toMatchObject({ status: "cancelled", processedCount: 400, totalCount: 1_000 });
    const [moved] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.lifecycleStage, "SQL")));
    expect(moved!.n).toBe(400);

    const undo = await undoBulkOperation(ctx, { jobId: started.jobId }, options());
    expect(undo).toMatchObject({ revertedCount: 400 });
    const [left] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.lifecycleStage, "SQL")));
    expect(left!.n).toBe(0);
  });

  it("runs through the bulk-contacts Inngest function in batches", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await seedContacts(handle.db, ctx.workspaceId, 700, () => ({ lifecycleStage: "MQL" }));
    const started = await bulkTagOperations(ctx, { target: { filter: stageFilter }, addTags: ["Wave"], removeTags: [] }, { ...options(), batchSize: 300 });
    const engine = new InngestTestEngine({
      function: createBulkContactsFunction(async () => ({ db: handle.db, storage: files.storage })),
      events: [bulkOperationRequested.create({ workspaceId: ctx.workspaceId, jobId: started.jobId })],
    });
    const { result, error, ctx: run } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "succeeded", processed: 700, success: 700 });
    expect(run.step.run.mock.calls.map((call) => call[0])).toEqual(expect.arrayContaining(["prepare", "batch-0", "batch-1", "batch-2", "finish"]));
    expect((await dumpContacts(handle.db, ctx.workspaceId)).tags).toHaveLength(700);
  });
});
