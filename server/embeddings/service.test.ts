import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contacts, jobs } from "@/db/schema";
import { queryRows } from "@/db/sql";
import { findJob } from "@/server/jobs/queries";
import { createTestWorkspace, openTestDatabase, testDatabaseKind } from "@/test/db";
import { refreshStaleEmbeddings, startEmbeddingBackfill } from "./service";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const vectors = async (workspaceId: string) =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from contact_embeddings where workspace_id = ${workspaceId}`))[0]!.n;

// pgvector: PGlite only here (semantic.test.ts covers the PostgreSQL-without-pgvector path).
describe.runIf(testDatabaseKind() === "pglite")("embedding backfills", () => {
  it("start on first use, and not twice", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await handle.db.insert(contacts).values([
      { workspaceId: ctx.workspaceId, email: "a@example.org", firstName: "Ana", title: "Buyer" },
      { workspaceId: ctx.workspaceId, email: "b@example.org", firstName: "Ben", title: "Chef" },
    ]);
    const first = await refreshStaleEmbeddings(handle.db, ctx.workspaceId, ctx.actor.userId);
    expect(first.backfillJobId).not.toBeNull();
    const second = await startEmbeddingBackfill(handle.db, ctx.workspaceId, ctx.actor.userId);
    expect(second).toMatchObject({ jobId: first.backfillJobId, isNew: false });
    await second.done;
    expect(await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: first.backfillJobId! })).toMatchObject({ status: "succeeded" });
    expect(await vectors(ctx.workspaceId)).toBe(2);
    expect(await refreshStaleEmbeddings(handle.db, ctx.workspaceId, ctx.actor.userId)).toEqual({ queued: 0, backfillJobId: null });
  });

  it("resume a local backfill whose process stopped", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await handle.db.insert(contacts).values({ workspaceId: ctx.workspaceId, email: "c@example.org", firstName: "Cleo", title: "Pilot" });
    // What a killed process leaves behind: a running local job nobody has touched for ten minutes.
    const [job] = await handle.db.insert(jobs).values({
      workspaceId: ctx.workspaceId, kind: "embedding_backfill", runner: "local", status: "running", updatedAt: new Date(Date.now() - 600_000),
    }).returning();
    const resumed = await startEmbeddingBackfill(handle.db, ctx.workspaceId, ctx.actor.userId);
    expect(resumed).toMatchObject({ jobId: job!.id, isNew: false });
    await resumed.done;
    expect(await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: job!.id })).toMatchObject({ status: "succeeded", processedCount: 1 });
    expect(await vectors(ctx.workspaceId)).toBe(1);
  });
});
