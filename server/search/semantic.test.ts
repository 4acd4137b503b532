import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { activities, companies, contactEmbeddingQueue, contacts, notes } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { ServiceContext } from "@/server/context";
import { findJob } from "@/server/jobs/queries";
import { createTestWorkspace, openTestDatabase, testDatabaseKind } from "@/test/db";
import { getEmbeddingProvider } from "../embeddings/provider";
import { findEmbeddingFreshness } from "../embeddings/queries";
import { drainEmbeddingQueue } from "../embeddings/refresh";
import { startEmbeddingBackfill } from "../embeddings/service";
import { getSearchCapabilities, semanticSearchContacts } from "./semantic";
import { searchContacts } from "./service";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

async function addPerson(ctx: ServiceContext, person: { name: string; title: string; company: string; industry: string; note?: string; activity?: string }) {
  const [firstName, lastName] = person.name.split(" ");
  const [company] = await handle.db.insert(companies).values({ workspaceId: ctx.workspaceId, name: person.company, industry: person.industry }).returning();
  const [contact] = await handle.db.insert(contacts).values({
    workspaceId: ctx.workspaceId, email: `${firstName!.toLowerCase()}@${person.company.toLowerCase().replace(/\W+/g, "")}.example`,
    firstName, lastName, title: person.title, company: person.company, companyId: company!.id,
  }).returning();
  if (person.note) await handle.db.insert(notes).values({ workspaceId: ctx.workspaceId, contactId: contact!.id, body: person.note });
  if (person.activity) {
    await handle.db.insert(activities).values({ workspaceId: ctx.workspaceId, type: "call_made", title: person.activity, entityType: "contact", entityId: contact!.id, contactId: contact!.id });
  }
  return contact!;
}

const people = [
  { name: "Maya Chen", title: "Chief Technology Officer", company: "Nimbus Software", industry: "Software" },
  { name: "Leo Park", title: "VP of Engineering", company: "Cloudlane", industry: "SaaS platform" },
  { name: "Rosa Diaz", title: "Florist", company: "Petal and Stem", industry: "Flower shop" },
  { name: "Sam Baker", title: "Head baker", company: "Sunrise Bakery", industry: "Bakery" },
  { name: "Ivy Lane", title: "Office assistant", company: "Lane Bookkeeping", industry: "Accounting",
    note: "Worried about budget constraints: they cannot spend anything before the third quarter." },
  { name: "Omar Nasser", title: "Operations coordinator", company: "Freightly", industry: "Logistics",
    note: "Very interested in AI solutions and machine learning to automate their dispatch planning." },
  { name: "Paula Grant", title: "Receptionist", company: "City Dental Clinic", industry: "Healthcare" },
  { name: "Tom Reed", title: "Teacher", company: "Hillside School", industry: "Education", activity: "Called about the school fair" },
];

describe.runIf(testDatabaseKind() === "pglite")("semantic search with the local model", () => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await createTestWorkspace(handle.db);
    for (const person of people) await addPerson(ctx, person);
    const started = await startEmbeddingBackfill(handle.db, ctx.workspaceId, ctx.actor.userId);
    await started.done;
    expect(await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: started.jobId })).toMatchObject({
      status: "succeeded", progress: 1, totalCount: people.length, processedCount: people.length, successCount: people.length,
    });
  }, 120_000);

  const top = async (query: string, n: number) =>
    (await semanticSearchContacts(ctx, { query, first: n })).nodes.map((node) => node.fullName);

  it("finds decision makers at tech companies", async () => {
    expect(new Set(await top("decision makers at tech companies", 2))).toEqual(new Set(["Maya Chen", "Leo Park"]));
  });

  it("finds who mentioned budget constraints, and says where", async () => {
    const result = await semanticSearchContacts(ctx, { query: "people who mentioned budget constraints", first: 3 });
    expect(result.nodes[0]).toMatchObject({ fullName: "Ivy Lane", matchedTerms: expect.arrayContaining(["budget", "constraints"]) });
    expect(result.nodes[0]!.explanation).toMatch(/“budget” and “constraints” in notes/);
    expect(result.nodes[0]!.relevanceScore).toBeGreaterThan(result.nodes[1]!.relevanceScore);
    expect(result.timings.embeddingMs).toBeGreaterThan(0);
  });

  it("finds contacts interested in AI solutions", async () => {
    const [first] = (await semanticSearchContacts(ctx, { query: "contacts interested in AI solutions", first: 3 })).nodes;
    expect(first?.fullName).toBe("Omar Nasser");
    expect(first?.explanation).toMatch(/in meaning to the query \(similarity 0\.\d\d\)/);
  });

  it("re-embeds only what changed, queued by the database", async () => {
    const provider = await getEmbeddingProvider();
    const again = await startEmbeddingBackfill(handle.db, ctx.workspaceId, ctx.actor.userId);
    await again.done;
    expect(await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: again.jobId })).toMatchObject({ successCount: 0, skippedCount: people.length });

    const [tom] = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.firstName, "Tom")));
    await handle.db.update(contacts).set({ title: "Chief Information Officer", company: "Hillside Software" }).where(eq(contacts.id, tom!.id));
    await handle.db.update(contacts).set({ score: 90 }).where(eq(contacts.id, tom!.id));
    const hashOf = async () => (await queryRows<{ h: string }>(handle.db, sql`select content_hash as h from contact_embeddings where contact_id = ${tom!.id}`))[0]?.h;
    const before = await hashOf();
    const queued = await handle.db.select().from(contactEmbeddingQueue).where(eq(contactEmbeddingQueue.workspaceId, ctx.workspaceId));
    expect(queued.map((row) => row.contactId)).toEqual([tom!.id]);
    expect(await drainEmbeddingQueue(handle.db, provider, ctx.workspaceId)).toMatchObject({ taken: 1, embedded: 1, unchanged: 0 });
    expect(await handle.db.select().from(contactEmbeddingQueue).where(eq(contactEmbeddingQueue.workspaceId, ctx.workspaceId))).toEqual([]);
    expect(await hashOf()).not.toBe(before);
    const [updated] = (await semanticSearchContacts(ctx, { query: "technology leadership", filters: { field: "id", operator: "eq", value: tom!.id } })).nodes;
    expect(updated?.explanation).toContain("title “Chief Information Officer”");
  });

  it("asks for a backfill when the model changes", async () => {
    const fresh = await findEmbeddingFreshness(handle.db, ctx.workspaceId, "some-other-model", 10);
    expect(fresh.needsBackfill).toBe(true);
    expect((await findEmbeddingFreshness(handle.db, ctx.workspaceId, (await getEmbeddingProvider()).name, 10)).needsBackfill).toBe(false);
  });

  it("composes with filters", async () => {
    const result = await semanticSearchContacts(ctx, { query: "decision makers at tech companies", filters: { field: "title", operator: "contains", value: "florist" } });
    expect(result.nodes.map((n) => n.fullName)).toEqual(["Rosa Diaz"]);
  });
});

describe("without pgvector", () => {
  it("answers PRECONDITION_FAILED for semantic search, and everything else works", async () => {
    const db = testDatabaseKind() === "postgres" ? handle : await openTestDatabase();
    try {
      if (testDatabaseKind() === "pglite") {
        // PGlite always has pgvector: take away what the migrator would have deferred.
        await db.db.execute(sql`drop table contact_embeddings`);
      } else {
        expect(await queryRows(db.db, sql`select 1 from pg_extension where extname = 'vector'`)).toEqual([]);
      }
      const ctx = await createTestWorkspace(db.db);
      expect(await getSearchCapabilities(ctx)).toEqual({ semantic: false });
      await expect(semanticSearchContacts(ctx, { query: "anyone" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/pgvector/) });
      await db.db.insert(contacts).values({ workspaceId: ctx.workspaceId, email: "plain@example.org", firstName: "Plain", lastName: "Textsearch" });
      await db.db.insert(notes).values({ workspaceId: ctx.workspaceId, body: "no vectors here", contactId: (await db.db.select().from(contacts).where(eq(contacts.workspaceId, ctx.workspaceId)))[0]!.id });
      expect((await searchContacts(ctx, { query: "textsearch" })).nodes.map((n) => n.fullName)).toEqual(["Plain Textsearch"]);
      expect(await db.db.select().from(contactEmbeddingQueue)).toEqual([]);
    } finally {
      if (db !== handle) await db.close();
    }
  });

  it.runIf(testDatabaseKind() === "pglite")("reports semantic search available where pgvector is", async () => {
    const ctx = await createTestWorkspace(handle.db);
    expect(await getSearchCapabilities(ctx)).toEqual({ semantic: true });
  });
});
