import { InngestTestEngine } from "@inngest/test";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contactEmbeddingQueue, contacts, jobs } from "@/db/schema";
import { queryRows } from "@/db/sql";
import { getFileStorage } from "@/server/files/storage";
import { findJob } from "@/server/jobs/queries";
import { createTestWorkspace, openTestDatabase, testDatabaseKind } from "@/test/db";
import { contactEmbeddingRequested, embeddingBackfillRequested } from "../events";
import { createBackfillEmbeddingsFunction } from "./backfill-embeddings";
import { createEmbedContactFunction } from "./embed-contact";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const embeddedCount = async (workspaceId: string) =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from contact_embeddings where workspace_id = ${workspaceId}`))[0]!.n;

// Needs pgvector, which the PostgreSQL used for tests here does not have (see semantic.test.ts for that path).
describe.runIf(testDatabaseKind() === "pglite")("embedding functions, run through @inngest/test against a real database", () => {
  it("backfill-embeddings embeds every live contact as a job with progress", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await handle.db.insert(contacts).values(Array.from({ length: 5 }, (_, i) => ({
      workspaceId: ctx.workspaceId, email: `b${i}@example.org`, firstName: `Backfill${i}`, title: i % 2 ? "Engineer" : "Designer",
    })));
    const [job] = await handle.db.insert(jobs).values({ workspaceId: ctx.workspaceId, kind: "embedding_backfill", runner: "inngest" }).returning();
    const engine = new InngestTestEngine({
      function: createBackfillEmbeddingsFunction(async () => ({ db: handle.db, storage: getFileStorage() })),
      events: [embeddingBackfillRequested.create({ workspaceId: ctx.workspaceId, jobId: job!.id })],
    });
    const { result, error, ctx: run } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "succeeded", embedded: 5, unchanged: 0 });
    expect(run.step.run.mock.calls.map((call) => call[0])).toEqual(["start", "batch-0", "finish"]);
    expect(await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: job!.id })).toMatchObject({ status: "succeeded", progress: 1, processedCount: 5 });
    expect(await embeddedCount(ctx.workspaceId)).toBe(5);
    expect(await handle.db.select().from(contactEmbeddingQueue).where(eq(contactEmbeddingQueue.workspaceId, ctx.workspaceId))).toEqual([]);
  });

  it("embed-contact refreshes the edited contact and drains the rest of the queue", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const [edited, imported] = await handle.db.insert(contacts).values([
      { workspaceId: ctx.workspaceId, email: "edited@example.org", firstName: "Edited", title: "Buyer" },
      { workspaceId: ctx.workspaceId, email: "imported@example.org", firstName: "Imported", title: "Planner" },
    ]).returning();
    const engine = new InngestTestEngine({
      function: createEmbedContactFunction(async () => ({ db: handle.db })),
      events: [contactEmbeddingRequested.create({ workspaceId: ctx.workspaceId, contactId: edited!.id })],
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ contact: { embedded: 1 }, queue: { embedded: 1, unchanged: 0, taken: 1 } });
    expect(await embeddedCount(ctx.workspaceId)).toBe(2);
    expect(await handle.db.select().from(contactEmbeddingQueue).where(and(eq(contactEmbeddingQueue.workspaceId, ctx.workspaceId), eq(contactEmbeddingQueue.contactId, imported!.id)))).toEqual([]);
  });
});
