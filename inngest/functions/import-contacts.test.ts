import fs from "node:fs";
import path from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contacts, jobs } from "@/db/schema";
import { createTestWorkspace, openTestDatabase } from "@/test/db";
import { importContacts, previewImport } from "@/server/imports/service";
import { fixturesDir, upload, createTemporaryFileStorage } from "@/server/imports/test-helpers";
import { undoImport } from "@/server/imports/undo-service";
import { findJob } from "@/server/jobs/queries";
import type { JobDeps } from "@/server/jobs/step";
import { importContactsRequested, importUndoRequested, searchIndexRequested } from "../events";
import { createImportContactsFunction } from "./import-contacts";
import { createIndexSearchFunction } from "./index-search";
import { createUndoImportFunction } from "./undo-import";

let handle: DatabaseHandle;
const files = createTemporaryFileStorage();
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  files.cleanup();
});

const liveContacts = async (workspaceId: string) => {
  const [row] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt)));
  return row!.count;
};

describe("Inngest functions, run through @inngest/test against a real database", () => {
  it("import-contacts runs its real steps in 50-row batches, then undo-import reverts it", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const fileId = await upload(ctx, files.storage, "pipedrive_people.csv", fs.readFileSync(path.join(fixturesDir, "pipedrive_people.csv")));
    const preview = await previewImport(ctx, { fileId }, { storage: files.storage });
    const { importId } = await importContacts(
      ctx,
      { fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { updateExisting: false, skipInvalid: true, notifyOnComplete: true, matchOn: "email", tags: [] } },
      { storage: files.storage, dispatch: false },
    );
    const deps: JobDeps & { batchSize: number } = { db: handle.db, storage: files.storage, batchSize: 50 };

    const importEngine = new InngestTestEngine({
      function: createImportContactsFunction(async () => deps),
      events: [importContactsRequested.create({ workspaceId: ctx.workspaceId, jobId: importId })],
    });
    const { result, error, ctx: run } = await importEngine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "succeeded", counts: { rows: 200, created: 173, invalid: 9, missing: 9, duplicates: 9 } });
    const stepIds = run.step.run.mock.calls.map((call) => call[0]);
    expect(stepIds).toEqual(expect.arrayContaining(["prepare", "write-0", "write-1", "write-2", "write-3", "finish"]));
    expect(await liveContacts(ctx.workspaceId)).toBe(173);
    const job = await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: importId });
    expect(job).toMatchObject({ status: "succeeded", processedCount: 200, progress: 1 });

    const undo = await undoImport(ctx, { importId, force: false }, { dispatch: false });
    // No Inngest server here: the undo job row exists, nothing has run it, and the function below does.
    expect(await liveContacts(ctx.workspaceId)).toBe(173);
    const undoEngine = new InngestTestEngine({
      function: createUndoImportFunction(async () => deps),
      events: [importUndoRequested.create({ workspaceId: ctx.workspaceId, jobId: undo.undoJobId! })],
    });
    const undone = await undoEngine.execute();
    expect(undone.error).toBeUndefined();
    expect(undone.result).toMatchObject({ deleted: 173, reverted: 0, keptEdited: 0 });
    expect(await liveContacts(ctx.workspaceId)).toBe(0);
  });

  it("index-search refreshes the search rows of the contacts an import wrote with the refresh deferred", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const fileId = await upload(ctx, files.storage, "pipedrive_people.csv", fs.readFileSync(path.join(fixturesDir, "pipedrive_people.csv")));
    const preview = await previewImport(ctx, { fileId }, { storage: files.storage });
    const { importId } = await importContacts(
      ctx,
      { fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { updateExisting: false, skipInvalid: true, notifyOnComplete: false, matchOn: "email", tags: [] } },
      { storage: files.storage, dispatch: false },
    );
    const deps: JobDeps = { db: handle.db, storage: files.storage };
    // The import's own run: its finish queues the index job (and starts it on the local runner, the row's).
    const imported = await new InngestTestEngine({
      function: createImportContactsFunction(async () => ({ ...deps, batchSize: 50 })),
      events: [importContactsRequested.create({ workspaceId: ctx.workspaceId, jobId: importId })],
    }).execute();
    expect(imported.error).toBeUndefined();
    const [indexJob] = await handle.db.select().from(jobs).where(and(eq(jobs.workspaceId, ctx.workspaceId), eq(jobs.kind, "search_index")));
    // Run it again through Inngest's step code, from a fresh row for the same import.
    const [row] = await handle.db.insert(jobs).values({ workspaceId: ctx.workspaceId, kind: "search_index", input: indexJob!.input }).returning();
    await handle.db.execute(sql`delete from contact_search where workspace_id = ${ctx.workspaceId}`);
    // 60 contacts a step over creation rows of 50: whole audit rows, so steps of 100 and 73.
    const { result, error, ctx: run } = await new InngestTestEngine({
      function: createIndexSearchFunction(async () => ({ ...deps, contactsPerStep: 60 })),
      events: [searchIndexRequested.create({ workspaceId: ctx.workspaceId, jobId: row!.id })],
    }).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "succeeded", indexed: 173 });
    expect(run.step.run.mock.calls.map((call) => call[0])).toEqual(["start", "index-0", "index-1", "finish"]);
    const [count] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(sql`contact_search`).where(sql`workspace_id = ${ctx.workspaceId}`);
    expect(count!.n).toBe(173);
  });
});
