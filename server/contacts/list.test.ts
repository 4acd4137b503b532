import { type TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { queryRows } from "@/db/sql";
import { companies, contacts, contactTags, tags } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { createTestWorkspace, openTestDatabase, testDatabaseKind } from "@/test/db";
import { createCustomFieldSchema } from "../custom-fields/schemas";
import { createCustomField } from "../custom-fields/service";
import type { FilterNode, SortKey } from "../filters/types";
import { decodeCursor, encodeCursor } from "./cursor";
import { countContactsCapped } from "./queries";
import { EXACT_COUNT_LIMIT, listContacts } from "./service";

let handle: DatabaseHandle;
let ws: ServiceContext;
const DAY = 86_400_000;
const base = new Date("2025-01-01T00:00:00.000Z");

beforeAll(async () => {
  handle = await openTestDatabase();
  ws = await createTestWorkspace(handle.db);
  for (const input of [
    { fieldName: "budget", label: "Budget", fieldType: "number" },
    { fieldName: "renewal", label: "Renewal", fieldType: "date" },
    { fieldName: "notes", label: "Notes", fieldType: "multiselect", options: [{ value: "a", label: "A" }] },
  ]) await createCustomField(ws, createCustomFieldSchema.parse(input));
  const [acme, zeta] = await handle.db.insert(companies).values([
    { workspaceId: ws.workspaceId, name: "Acme" },
    { workspaceId: ws.workspaceId, name: "Zeta" },
  ]).returning();
  const [technology] = await handle.db.insert(tags).values({ workspaceId: ws.workspaceId, name: "technology" }).returning();
  // 90 contacts: budgets 0..9 and 10..99 (a text sort would put 10 before 9), some missing; renewal days
  // around the turn of a month; several share a created_at so the id tiebreak matters.
  const rows = await handle.db.insert(contacts).values(Array.from({ length: 90 }, (_, i) => ({
    workspaceId: ws.workspaceId,
    email: `list${i}@example.com`,
    lastName: ["Alpha", "Bravo", "Charlie"][i % 3]!,
    company: i % 4 === 0 ? "Techno Corp" : "Other",
    companyId: i % 5 === 0 ? null : i % 2 === 0 ? acme!.id : zeta!.id,
    score: (i * 37) % 101,
    lastActivityAt: i % 6 === 0 ? null : new Date(base.getTime() + ((i * 13) % 40) * DAY),
    createdAt: new Date(base.getTime() - Math.floor(i / 3) * DAY),
    customFields: i % 7 === 0 ? {} : { budget: (i * 11) % 100, renewal: new Date(base.getTime() + ((i * 3) % 60) * DAY).toISOString().slice(0, 10) },
  }))).returning();
  await handle.db.insert(contactTags).values(rows.filter((_, i) => i % 3 === 1).map((r) => ({ workspaceId: ws.workspaceId, contactId: r.id, tagId: technology!.id })));
});
afterAll(async () => handle?.close());

async function walk(ctx: ServiceContext, input: { sort?: SortKey[]; filters?: unknown; first?: number }) {
  const seen: Array<Awaited<ReturnType<typeof listContacts>>["nodes"][number]> = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: Awaited<ReturnType<typeof listContacts>> = await listContacts(ctx, { first: input.first ?? 7, after, sort: input.sort, filters: input.filters as never });
    seen.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return seen;
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);

describe("contacts.list with filters", () => {
  it("returns the spec's complex filter with an exact count and each contact's tags", async () => {
    const filters: FilterNode = {
      and: [
        { field: "score", operator: "between", value: [30, 100] },
        { field: "lastActivityAt", operator: "gte", value: "2025-01-10" },
        { or: [{ field: "company", operator: "contains", value: "Tech" }, { field: "tags", operator: "includes", value: ["technology"] }] },
      ],
    };
    const page = await listContacts(ws, { first: 500, filters });
    const all = await handle.db.select().from(contacts).where(eq(contacts.workspaceId, ws.workspaceId));
    const tagged = new Set((await handle.db.select().from(contactTags).where(eq(contactTags.workspaceId, ws.workspaceId))).map((l) => l.contactId));
    const expected = all.filter((c) => c.score >= 30 && c.lastActivityAt && c.lastActivityAt >= new Date("2025-01-10") && (c.company?.includes("Tech") || tagged.has(c.id)));
    expect(expected.length).toBeGreaterThan(3);
    expect(page.nodes.map((n) => n.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(page.totalCount).toBe(expected.length);
    expect(page.totalCountIsEstimate).toBe(false);
    for (const node of page.nodes) expect(node.tags.map((t) => t.name)).toEqual(tagged.has(node.id) ? ["technology"] : []);
  });

  it("answers a malformed tree with BAD_REQUEST naming the path", async () => {
    const error = await failure(listContacts(ws, { first: 10, filters: { and: [{ field: "score", operator: "gte", value: 1 }, { or: [{ field: "score", operator: "eq", value: "high" }] }] } }));
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error?.message).toBe("and[1].or[0].value: expected a number for score");
  });
});

describe("contacts.list sorting", () => {
  it("sorts custom numbers numerically and custom dates chronologically, NULLs last both ways, stable by id", async () => {
    const all = await walk(ws, { first: 500 });
    const budget = (c: (typeof all)[number]) => (typeof c.customFields.budget === "number" ? c.customFields.budget : null);
    for (const direction of ["asc", "desc"] as const) {
      const walked = await walk(ws, { sort: [{ field: "customFields.budget", direction }, { field: "lastName", direction: "asc" }] });
      expect(walked).toHaveLength(90);
      expect(new Set(walked.map((c) => c.id)).size).toBe(90);
      const values = walked.map(budget);
      const present = values.filter((v): v is number => v !== null);
      expect(present).toEqual([...present].sort((a, b) => (direction === "asc" ? a - b : b - a)));
      expect(values.slice(present.length).every((v) => v === null)).toBe(true);
      // Within equal budgets, lastName ascending, then id (the last key's direction).
      for (let i = 1; i < walked.length; i++) {
        const [a, b] = [walked[i - 1]!, walked[i]!];
        if (budget(a) === budget(b)) {
          expect(a.lastName! <= b.lastName!).toBe(true);
          if (a.lastName === b.lastName) expect(a.id < b.id).toBe(true);
        }
      }
    }
    const byRenewal = await walk(ws, { sort: [{ field: "customFields.renewal", direction: "desc" }] });
    const days = byRenewal.map((c) => c.customFields.renewal as string | undefined).filter(Boolean) as string[];
    expect(days).toEqual([...days].sort().reverse());
    expect(all).toHaveLength(90);
  });

  it("pages through nullable standard fields and company fields without skipping or repeating", async () => {
    for (const sort of [
      [{ field: "lastActivityAt", direction: "desc" }],
      [{ field: "lastActivityAt", direction: "asc" }, { field: "score", direction: "desc" }],
      [{ field: "company.name", direction: "asc" }, { field: "createdAt", direction: "desc" }],
      [{ field: "score", direction: "asc" }],
      [{ field: "lifecycleStage", direction: "desc" }, { field: "email", direction: "desc" }],
    ] as SortKey[][]) {
      const paged = await walk(ws, { sort, first: 4 });
      const whole = (await listContacts(ws, { first: 500, sort })).nodes;
      expect(paged.map((c) => c.id), JSON.stringify(sort)).toEqual(whole.map((c) => c.id));
      expect(new Set(paged.map((c) => c.id)).size).toBe(90);
    }
  });

  it("keeps the default order (createdAt desc, id desc) and its cursor format", async () => {
    const first = await listContacts(ws, { first: 5 });
    const last = first.nodes.at(-1)!;
    const [row] = await queryRows<{ t: string }>(handle.db, sql`select created_at::text as t from contacts where id = ${last.id}::uuid`);
    expect(decodeCursor(first.pageInfo.endCursor!)).toMatchObject({ createdAt: row!.t, id: last.id });
    // A cursor in the original two-field form still pages on (and simply counts again).
    const legacy = await listContacts(ws, { first: 5, after: encodeCursor({ createdAt: row!.t, id: last.id }) });
    const carried = await listContacts(ws, { first: 5, after: first.pageInfo.endCursor });
    expect(legacy.nodes.map((n) => n.id)).toEqual(carried.nodes.map((n) => n.id));
    expect(legacy.totalCount).toBe(90);
    const explicit = await listContacts(ws, { first: 5, sort: [{ field: "createdAt", direction: "desc" }] });
    expect(explicit.nodes.map((n) => n.id)).toEqual(first.nodes.map((n) => n.id));
  });

  it("counts with the first page and carries the total in the cursor, unless the filters change", async () => {
    const carry = await createTestWorkspace(handle.db);
    await handle.db.insert(contacts).values(Array.from({ length: 12 }, (_, i) => ({ workspaceId: carry.workspaceId, email: `carry${i}@example.com`, score: i })));
    let existing = 12;
    for (const sort of [undefined, [{ field: "score", direction: "desc" }] as SortKey[]]) {
      const first = await listContacts(carry, { first: 5, sort });
      expect(first.totalCount).toBe(existing);
      await handle.db.insert(contacts).values({ workspaceId: carry.workspaceId, email: `late-${sort ? "sorted" : "default"}@example.com` });
      const second = await listContacts(carry, { first: 5, sort, after: first.pageInfo.endCursor });
      expect(second.totalCount).toBe(existing);
      const refiltered = await listContacts(carry, { first: 5, sort, after: first.pageInfo.endCursor, filters: { field: "score", operator: "gte", value: 0 } });
      expect(refiltered.totalCount).toBe(existing + 1);
      existing++;
    }
  });

  it("refuses a cursor from another sort, and unknown or unsortable fields", async () => {
    const page = await listContacts(ws, { first: 5, sort: [{ field: "score", direction: "desc" }] });
    expect((await failure(listContacts(ws, { first: 5, after: page.pageInfo.endCursor, sort: [{ field: "score", direction: "asc" }] })))?.message)
      .toBe("after: this cursor belongs to a different sort; start again from the first page");
    expect((await failure(listContacts(ws, { first: 5, sort: [{ field: "nope", direction: "asc" }] })))?.message).toBe('sort[0].field: unknown field "nope"');
    expect((await failure(listContacts(ws, { first: 5, sort: [{ field: "tags", direction: "asc" }] })))?.message).toBe("sort[0].field: tags cannot be sorted on");
    expect((await failure(listContacts(ws, { first: 5, sort: [{ field: "customFields.notes", direction: "asc" }] })))?.message).toBe("sort[0].field: customFields.notes cannot be sorted on");
  });

  it("stays correct while rows are inserted, deleted and re-sorted between pages", async () => {
    const live = await createTestWorkspace(handle.db);
    await createCustomField(live, createCustomFieldSchema.parse({ fieldName: "budget", label: "Budget", fieldType: "number" }));
    const original = await handle.db.insert(contacts).values(Array.from({ length: 40 }, (_, i) => ({
      workspaceId: live.workspaceId, email: `move${i}@example.com`, score: i % 10, customFields: i % 4 === 0 ? {} : { budget: i % 9 },
    }))).returning();
    const sort: SortKey[] = [{ field: "customFields.budget", direction: "desc" }, { field: "score", direction: "asc" }];
    const seen: string[] = [];
    const deleted = new Set<string>();
    const moved = new Set<string>();
    let after: string | null = null;
    for (let round = 0; round < 50; round++) {
      const page: Awaited<ReturnType<typeof listContacts>> = await listContacts(live, { first: 6, after, sort });
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      // Meanwhile: a new contact arrives, one not yet seen is deleted, one not yet seen changes its sort value.
      await handle.db.insert(contacts).values({ workspaceId: live.workspaceId, email: `late${round}@example.com`, customFields: { budget: round % 9 } });
      const unseen = original.filter((c) => !seen.includes(c.id) && !deleted.has(c.id) && !moved.has(c.id));
      if (unseen[0]) {
        await handle.db.update(contacts).set({ deletedAt: new Date() }).where(and(eq(contacts.workspaceId, live.workspaceId), eq(contacts.id, unseen[0].id)));
        deleted.add(unseen[0].id);
      }
      if (unseen[1]) {
        await handle.db.update(contacts).set({ customFields: { budget: 100 } }).where(and(eq(contacts.workspaceId, live.workspaceId), eq(contacts.id, unseen[1].id)));
        moved.add(unseen[1].id);
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    const untouched = original.filter((c) => !deleted.has(c.id) && !moved.has(c.id));
    for (const contact of untouched) expect(seen).toContain(contact.id);
    for (const id of deleted) expect(seen).not.toContain(id);
  });
});

describe("contacts.list counting", () => {
  it("counts exactly up to the threshold, then reports a labelled estimate (or an exact count on request)", async () => {
    const big = await createTestWorkspace(handle.db);
    const total = 600;
    const cap = 250;
    await handle.db.execute(sql`insert into contacts (workspace_id, email, score)
      select ${big.workspaceId}::uuid, 'bulk' || g || '@example.com', g % 101 from generate_series(1, ${total}::int) g`);
    await handle.db.execute(sql`analyze contacts`);
    const scope = { workspaceId: big.workspaceId, includeDeleted: false };
    expect(await countContactsCapped(handle.db, { ...scope, cap: 1000 })).toEqual({ count: total, isEstimate: false });
    const estimated = await countContactsCapped(handle.db, { ...scope, cap });
    expect(estimated.isEstimate).toBe(true);
    expect(estimated.count).toBeGreaterThan(cap);
    // A narrow filter stays exact.
    const narrow = await countContactsCapped(handle.db, { ...scope, cap, condition: sql`${contacts.score} = 100` });
    expect(narrow).toEqual({ count: Math.floor(total / 101), isEstimate: false });
    // Past its time budget a count gives up and estimates (PostgreSQL; PGlite has no statement_timeout).
    if (testDatabaseKind() === "postgres") {
      const slow = await countContactsCapped(handle.db, { ...scope, cap, timeBudgetMs: 1, condition: sql`(select pg_sleep(0.2)) is not null` });
      expect(slow.isEstimate).toBe(true);
    }
    // Through the procedure: small lists are exact, and exactCount asks for an exact count whatever the size.
    expect(await listContacts(big, { first: 10 })).toMatchObject({ totalCount: total, totalCountIsEstimate: false });
    expect(await listContacts(big, { first: 10, exactCount: true })).toMatchObject({ totalCount: total, totalCountIsEstimate: false });
    expect(EXACT_COUNT_LIMIT).toBeGreaterThanOrEqual(1000);
  });
});
