import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, contactSearch, jobs } from "@/db/schema";
import { queryRows } from "@/db/sql";
import { createTestWorkspace } from "@/test/db";
import { callerFor, fixturesDir, upload, importTestEnvironment, waitForJob } from "../imports/test-helpers";
import { cancelJob } from "../jobs/service";
import { deferSearchRefresh } from "./deferred";
import { runSearchIndexJob } from "./index-job";
import { searchContacts } from "./service";

const env = importTestEnvironment();

const searchRows = async (workspaceId: string) =>
  (await queryRows<{ n: number }>(env.handle.db, sql`select count(*)::int as n from contact_search where workspace_id = ${workspaceId}`))[0]!.n;

/** Runs a job's steps in order, remembering outputs as a runner would (a replay returns the stored output). */
function memoryStep() {
  const outputs = new Map<string, unknown>();
  return {
    outputs,
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      if (outputs.has(id)) return outputs.get(id) as T;
      const output = await fn();
      outputs.set(id, output);
      return output;
    },
  };
}

describe("deferred search refresh", () => {
  it("a deferring transaction writes contacts without search rows; other writes keep them current", async () => {
    const ctx = await createTestWorkspace(env.handle.db);
    await env.handle.db.transaction(async (tx) => {
      await deferSearchRefresh(tx);
      await tx.insert(contacts).values({ workspaceId: ctx.workspaceId, email: "deferred@example.com", firstName: "Deferred" });
    });
    expect(await searchRows(ctx.workspaceId)).toBe(0);
    // The setting is the transaction's own: the next write refreshes as usual.
    await env.handle.db.insert(contacts).values({ workspaceId: ctx.workspaceId, email: "inline@example.com", firstName: "Inline" });
    expect(await searchRows(ctx.workspaceId)).toBe(1);
  });

  it("an import's search_index job makes every imported contact searchable, with its tags, and cannot be cancelled", async () => {
    const ctx = await createTestWorkspace(env.handle.db);
    const api = callerFor(env.handle.db, ctx);
    const fileId = await upload(ctx, env.files.storage, "pipedrive_people.csv", fs.readFileSync(path.join(fixturesDir, "pipedrive_people.csv")));
    const preview = await api.imports.preview({ fileId });
    const started = await api.imports.importContacts({
      fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { tags: ["Pipedrive"] },
    });
    const imported = await waitForJob(env.handle.db, ctx.workspaceId, started.importId);
    expect(imported.status).toBe("succeeded");

    const [indexJob] = await env.handle.db.select().from(jobs).where(and(eq(jobs.workspaceId, ctx.workspaceId), eq(jobs.kind, "search_index")));
    expect(indexJob).toBeDefined();
    expect(indexJob!.input).toEqual({ sourceJobId: started.importId });
    await expect(cancelJob(ctx, { id: indexJob!.id })).rejects.toThrow(/search indexing cannot be cancelled/);
    const indexed = await waitForJob(env.handle.db, ctx.workspaceId, indexJob!.id);
    expect(indexed).toMatchObject({ status: "succeeded", progress: 1, processedCount: imported.successCount, totalCount: imported.successCount });

    const live = await env.handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ctx.workspaceId));
    expect(await searchRows(ctx.workspaceId)).toBe(live.length);
    const found = await searchContacts(ctx, { query: "Jessica McAllister" });
    expect(found.nodes[0]).toMatchObject({ email: "jessica.mcallister@summit-robotics.com", fullName: "Jessica McAllister" });
    const tagged = await queryRows<{ n: number }>(env.handle.db, sql`
      select count(*)::int as n from ${contactSearch} where workspace_id = ${ctx.workspaceId} and cardinality(tag_ids) > 0`);
    expect(tagged[0]!.n).toBe(live.length);
  });

  it("a replayed index step is not counted twice, and a contact deleted meanwhile loses its search row", async () => {
    const ctx = await createTestWorkspace(env.handle.db);
    const api = callerFor(env.handle.db, ctx);
    const fileId = await upload(ctx, env.files.storage, "pipedrive_people.csv", fs.readFileSync(path.join(fixturesDir, "pipedrive_people.csv")));
    const preview = await api.imports.preview({ fileId });
    const started = await api.imports.importContacts({ fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: {} });
    await waitForJob(env.handle.db, ctx.workspaceId, started.importId);
    const [indexJob] = await env.handle.db.select().from(jobs).where(and(eq(jobs.workspaceId, ctx.workspaceId), eq(jobs.kind, "search_index")));
    const first = await waitForJob(env.handle.db, ctx.workspaceId, indexJob!.id);

    const [gone] = await env.handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ctx.workspaceId)).limit(1);
    await env.handle.db.transaction(async (tx) => {
      await deferSearchRefresh(tx);
      await tx.update(contacts).set({ deletedAt: new Date() }).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, gone!.id)));
    });
    const before = await searchRows(ctx.workspaceId);
    // Same job, a fresh runner: every index step replays from the job's ledger and changes nothing.
    const ref = { workspaceId: ctx.workspaceId, jobId: indexJob!.id };
    await runSearchIndexJob({ db: env.handle.db, storage: env.files.storage }, ref, memoryStep());
    const [again] = await env.handle.db.select().from(jobs).where(and(eq(jobs.workspaceId, ctx.workspaceId), eq(jobs.id, indexJob!.id)));
    expect(again!.processedCount).toBe(first.processedCount);
    expect(await searchRows(ctx.workspaceId)).toBe(before);

    // A new index job over the same import refreshes again: the deleted contact drops out of search.
    const [fresh] = await env.handle.db.insert(jobs).values({ workspaceId: ctx.workspaceId, kind: "search_index", input: { sourceJobId: started.importId } }).returning();
    await runSearchIndexJob({ db: env.handle.db, storage: env.files.storage }, { workspaceId: ctx.workspaceId, jobId: fresh!.id }, memoryStep());
    expect(await searchRows(ctx.workspaceId)).toBe(before - 1);
  });
});
