import { type TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { companies, contacts, contactTags, lifecycleStages, tags } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { listContacts } from "../contacts/service";
import type { FilterNode } from "../filters/types";
import { createSegmentSchema } from "../segments/schemas";
import { createSegment } from "../segments/service";
import { saveViewSchema } from "../views/schemas";
import { saveView } from "../views/service";
import { getContactInsights } from "./service";

let handle: DatabaseHandle;
let ws: ServiceContext;
let rep: ServiceContext;
const NOW = new Date("2025-06-18T10:00:00.000Z"); // a Wednesday
const DAY = 86_400_000;

beforeAll(async () => {
  handle = await openTestDatabase();
  ws = await createTestWorkspace(handle.db);
  rep = await addTestMember(handle.db, ws.workspaceId, "rep");
  const [acme, zeta] = await handle.db.insert(companies).values([
    { workspaceId: ws.workspaceId, name: "Acme" }, { workspaceId: ws.workspaceId, name: "Zeta" },
  ]).returning();
  const [vip, cold] = await handle.db.insert(tags).values([
    { workspaceId: ws.workspaceId, name: "VIP" }, { workspaceId: ws.workspaceId, name: "Cold" },
  ]).returning();
  const rows = await handle.db.insert(contacts).values(Array.from({ length: 60 }, (_, i) => ({
    workspaceId: ws.workspaceId,
    email: `ins${i}@example.com`,
    score: (i * 7) % 101,
    lifecycleStage: lifecycleStages[i % 4]!,
    companyId: i % 3 === 0 ? acme!.id : i % 3 === 1 ? zeta!.id : null,
    company: i % 3 === 2 && i % 2 === 0 ? "Freelance" : null,
    // Two a week for 30 weeks back from NOW: the oldest four weeks fall outside the 26-week window.
    createdAt: new Date(NOW.getTime() - Math.floor(i / 2) * 7 * DAY - DAY),
    deletedAt: i === 59 ? NOW : null,
  }))).returning();
  await handle.db.insert(contactTags).values([
    ...rows.filter((_, i) => i % 2 === 0).map((r) => ({ workspaceId: ws.workspaceId, contactId: r.id, tagId: vip!.id })),
    ...rows.filter((_, i) => i % 5 === 0).map((r) => ({ workspaceId: ws.workspaceId, contactId: r.id, tagId: cold!.id })),
  ]);
});
afterAll(async () => handle?.close());

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);
const count = async (filters: FilterNode) => (await listContacts(ws, { first: 1, filters, exactCount: true })).totalCount;

describe("contact insights", () => {
  it("draws the funnel, the score histogram, top companies and tags, and weekly additions for everyone", async () => {
    const insights = await getContactInsights(rep, { top: 10 }, NOW);
    expect(insights.total).toBe(59);
    expect(insights.funnel.map((f) => f.stage)).toEqual([...lifecycleStages]);
    expect(insights.funnel.map((f) => f.count)).toEqual([15, 15, 15, 14, 0, 0]);
    expect(insights.scoreHistogram).toHaveLength(10);
    expect(insights.scoreHistogram.reduce((sum, b) => sum + b.count, 0)).toBe(59);
    expect(insights.scoreHistogram.at(-1)).toMatchObject({ low: 90, high: 100 });
    expect(insights.topCompanies.map((c) => [c.name, c.count])).toEqual([["Acme", 20], ["Zeta", 20], ["Freelance", 10]]);
    expect(insights.topTags.map((t) => [t.name, t.count])).toEqual([["VIP", 30], ["Cold", 12]]);
    expect(insights.addedPerWeek).toHaveLength(26);
    expect(insights.addedPerWeek.at(-1)!.weekStart).toBe("2025-06-16");
    expect(insights.addedPerWeek.reduce((sum, w) => sum + w.count, 0)).toBe(52);
  });

  it("gives every bucket a filter that narrows the table to exactly that bucket", async () => {
    const insights = await getContactInsights(ws, { top: 10 }, NOW);
    for (const bucket of [...insights.funnel, ...insights.scoreHistogram, ...insights.topCompanies, ...insights.topTags, ...insights.addedPerWeek.slice(-3)]) {
      expect(await count(bucket.filter), JSON.stringify(bucket.filter)).toBe(bucket.count);
    }
  });

  it("computes the same charts for a filter, a segment or a saved view", async () => {
    const filters: FilterNode = { field: "tags", operator: "includes", value: ["VIP"] };
    const byFilter = await getContactInsights(ws, { filters, top: 10 }, NOW);
    expect(byFilter.total).toBe(await count(filters));
    expect(byFilter.topTags.find((t) => t.name === "VIP")?.count).toBe(byFilter.total);

    const segment = await createSegment(ws, createSegmentSchema.parse({ name: "High", criteria: { field: "score", operator: "gte", value: 50 } }));
    const bySegment = await getContactInsights(rep, { segmentId: segment.id, top: 10 }, NOW);
    expect(bySegment.total).toBe(segment.contactCount);
    expect(bySegment.scoreHistogram.slice(0, 5).every((b) => b.count === 0)).toBe(true);

    const view = await saveView(rep, saveViewSchema.parse({ name: "Leads", filters: { field: "lifecycleStage", operator: "eq", value: "lead" } }));
    const byView = await getContactInsights(rep, { viewId: view.id, filters, top: 10 }, NOW);
    expect(byView.funnel.filter((f) => f.stage !== "lead").every((f) => f.count === 0)).toBe(true);
    expect(byView.total).toBe(await count({ and: [filters, { field: "lifecycleStage", operator: "eq", value: "lead" }] }));
  });

  it("rejects bad filters with their path, and other workspaces' segments and views", async () => {
    expect((await failure(getContactInsights(ws, { filters: { or: [{ field: "score", operator: "gt", value: "x" }] }, top: 10 }, NOW)))?.message)
      .toBe("or[0].value: expected a number for score");
    const other = await createTestWorkspace(handle.db);
    const theirSegment = await createSegment(other, createSegmentSchema.parse({ name: "Theirs", criteria: {} }));
    const theirView = await saveView(other, saveViewSchema.parse({ name: "Theirs", visibility: "shared" }));
    expect((await failure(getContactInsights(ws, { segmentId: theirSegment.id, top: 10 }, NOW)))?.code).toBe("NOT_FOUND");
    expect((await failure(getContactInsights(ws, { viewId: theirView.id, top: 10 }, NOW)))?.code).toBe("NOT_FOUND");
  });
});
