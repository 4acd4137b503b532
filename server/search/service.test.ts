import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contacts, contactTags, notes, tags } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { ServiceContext } from "@/server/context";
import { createTestWorkspace, openTestDatabase } from "@/test/db";
import { searchContacts } from "./service";

type NewContact = Omit<typeof contacts.$inferInsert, "workspaceId">;

let handle: DatabaseHandle;
let ctx: ServiceContext;
let other: ServiceContext;
let counter = 0;

async function addContact(target: ServiceContext, values: Partial<NewContact> = {}) {
  const [row] = await handle.db
    .insert(contacts)
    .values({ email: `person${++counter}@example.org`, ...values, workspaceId: target.workspaceId })
    .returning();
  return row!;
}

const search = (query: string, extra: Partial<Parameters<typeof searchContacts>[1]> = {}) => searchContacts(ctx, { query, ...extra });
const names = async (query: string) => (await search(query)).nodes.map((node) => node.fullName);

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = await createTestWorkspace(handle.db);
  other = await createTestWorkspace(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe("searchContacts: matching", () => {
  it("folds accents both ways", async () => {
    await addContact(ctx, { firstName: "José", lastName: "García" });
    await addContact(ctx, { firstName: "Zoe", lastName: "Muller" });
    expect(await names("jose garcia")).toEqual(["José García"]);
    expect(await names("GARCÍA")).toEqual(["José García"]);
    expect(await names("müller")).toEqual(["Zoe Muller"]);
  });

  it("matches the last word as a prefix while typing, and whole once a space follows", async () => {
    await addContact(ctx, { firstName: "Johnathan", lastName: "Prefixson" });
    expect(await names("prefi")).toEqual(["Johnathan Prefixson"]);
    expect(await names("johnathan prefixs")).toEqual(["Johnathan Prefixson"]);
    expect(await names("prefi ")).toEqual([]);
  });

  it("finds emails by local part and by domain", async () => {
    await addContact(ctx, { firstName: "Dana", lastName: "Mailer", email: "dana.mailer@quuxcorp.io" });
    expect(await names("quuxcorp")).toEqual(["Dana Mailer"]);
    expect(await names("quuxcorp.io")).toEqual(["Dana Mailer"]);
    expect(await names("dana.mailer@quuxcorp.io")).toEqual(["Dana Mailer"]);
    const [node] = (await search("quuxcorp")).nodes;
    expect(node?.highlights).toContainEqual({ field: "email", snippet: "dana.mailer@<mark>quuxcorp</mark>.io" });
  });

  it("finds phones by their digits, however they are typed", async () => {
    await addContact(ctx, { firstName: "Phil", lastName: "Phoneman", phone: "+1 (415) 555-0199", mobile: "+44 20 7946 0321" });
    for (const query of ["555-0199", "4155550199", "+1 415 555 0199", "0199", "7946 0321", "020 7946 0321"]) {
      expect(await names(query), query).toEqual(["Phil Phoneman"]);
    }
    const [node] = (await search("555 0199")).nodes;
    expect(node?.highlights).toContainEqual({ field: "phone", snippet: "+1 (415) <mark>555-0199</mark>" });
  });

  it("tolerates typos in names and companies", async () => {
    await addContact(ctx, { firstName: "John", lastName: "Smith" });
    await addContact(ctx, { firstName: "Priya", lastName: "Raman", company: "Stripe" });
    const typo = await search("jonh smiht");
    expect(typo.nodes.map((n) => n.fullName)).toEqual(["John Smith"]);
    expect(typo.corrections).toEqual(expect.arrayContaining([{ word: "jonh", suggestions: expect.arrayContaining(["john"]) }]));
    expect(typo.nodes[0]?.highlights).toContainEqual({ field: "fullName", snippet: "<mark>John</mark> <mark>Smith</mark>" });
    expect(await names("stirpe")).toEqual(["Priya Raman"]);
    expect(await names("priay")).toEqual(["Priya Raman"]);
  });

  it("ranks names above email and company, above title, above notes", async () => {
    const inNotes = await addContact(ctx, { firstName: "Nora", lastName: "Notes" });
    await handle.db.insert(notes).values({ workspaceId: ctx.workspaceId, contactId: inNotes.id, body: "Met at the Quillon summit, wants a demo" });
    await addContact(ctx, { firstName: "Tina", lastName: "Title", title: "Head of Quillon partnerships" });
    await addContact(ctx, { firstName: "Carl", lastName: "Company", company: "Quillon Labs" });
    await addContact(ctx, { firstName: "Quillon", lastName: "Named" });
    expect(await names("quillon")).toEqual(["Quillon Named", "Carl Company", "Tina Title", "Nora Notes"]);
    const [, , , notesNode] = (await search("quillon")).nodes;
    expect(notesNode?.highlights).toEqual([{ field: "notes", snippet: "Met at the <mark>Quillon</mark> summit, wants a demo" }]);
  });

  it("escapes markup in snippets: only <mark> is HTML", async () => {
    await addContact(ctx, { firstName: "<script>alert(1)</script>", lastName: "Xsspayload", company: `"Evil" & <b>Co</b>` });
    const [node] = (await search("xsspayload")).nodes;
    expect(node?.highlights[0]).toEqual({
      field: "fullName",
      snippet: "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Xsspayload</mark>",
    });
    const [company] = (await search("evil")).nodes;
    expect(company?.highlights).toContainEqual({ field: "company", snippet: "&quot;<mark>Evil</mark>&quot; &amp; &lt;b&gt;Co&lt;/b&gt;" });
  });

  it("follows edits, soft deletes, restores and notes through the triggers", async () => {
    const contact = await addContact(ctx, { firstName: "Vera", lastName: "Oldname" });
    await handle.db.update(contacts).set({ lastName: "Newname" }).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, contact.id)));
    expect(await names("oldname")).toEqual([]);
    expect(await names("newname")).toEqual(["Vera Newname"]);
    await handle.db.update(contacts).set({ deletedAt: new Date() }).where(eq(contacts.id, contact.id));
    expect(await names("newname")).toEqual([]);
    await handle.db.update(contacts).set({ deletedAt: null }).where(eq(contacts.id, contact.id));
    expect(await names("newname")).toEqual(["Vera Newname"]);
    const [note] = await handle.db.insert(notes).values({ workspaceId: ctx.workspaceId, contactId: contact.id, body: "Discussed the Zephyrine rollout" }).returning();
    expect(await names("zephyrine")).toEqual(["Vera Newname"]);
    await handle.db.delete(notes).where(eq(notes.id, note!.id));
    expect(await names("zephyrine")).toEqual([]);
  });

  it("never returns another workspace's contacts", async () => {
    await addContact(other, { firstName: "Hidden", lastName: "Elsewhereson" });
    expect(await names("elsewhereson")).toEqual([]);
    expect((await searchContacts(other, { query: "elsewhereson" })).nodes).toHaveLength(1);
  });

  it("returns nothing for a query without words", async () => {
    expect(await search("  ,.- ")).toMatchObject({ nodes: [], totalCount: 0, facets: null });
  });
});

describe("searchContacts: facets, filters and pages", () => {
  let workspace: ServiceContext;
  beforeAll(async () => {
    workspace = await createTestWorkspace(handle.db);
    const [vip, partner] = await handle.db.insert(tags).values([
      { workspaceId: workspace.workspaceId, name: "vip" },
      { workspaceId: workspace.workspaceId, name: "partner" },
    ]).returning();
    const companies = ["Initech", "Initech", "Initech", "Globex", "Globex", null];
    const sources = ["import", "manual", "api"] as const;
    for (let i = 0; i < 30; i++) {
      const row = await addContact(workspace, {
        firstName: `Member${i}`, lastName: "Zorblax", company: companies[i % companies.length], source: sources[i % 3], score: i * 3,
      });
      const links = [...(i % 2 === 0 ? [vip!] : []), ...(i % 5 === 0 ? [partner!] : [])];
      if (links.length > 0) await handle.db.insert(contactTags).values(links.map((tag) => ({ workspaceId: workspace.workspaceId, contactId: row.id, tagId: tag.id })));
    }
    // Matches through a note only, and a non-match with the same company.
    const noted = await addContact(workspace, { firstName: "Olga", lastName: "Other", company: "Globex", source: "website" });
    await handle.db.insert(notes).values({ workspaceId: workspace.workspaceId, contactId: noted.id, body: "Introduced by the Zorblax team" });
    await addContact(workspace, { firstName: "Nick", lastName: "Nomatch", company: "Initech" });
  });

  const sqlCounts = async (column: "company" | "source") =>
    queryRows<{ value: string; n: number }>(handle.db, sql`
      select ${sql.raw(column)}::text as value, count(*)::int as n from contacts c
      where c.workspace_id = ${workspace.workspaceId} and c.deleted_at is null and ${sql.raw(column)} is not null
        and (c.last_name = 'Zorblax' or exists (select 1 from notes n where n.contact_id = c.id and n.body ilike '%zorblax%'))
      group by 1 order by 2 desc, 1`);

  it("counts facets over the whole match set, equal to plain SQL counts", async () => {
    const result = await searchContacts(workspace, { query: "zorblax", first: 5 });
    expect(result.totalCount).toBe(31);
    expect(result.totalCountIsEstimate).toBe(false);
    expect(result.nodes).toHaveLength(5);
    expect(result.facets?.isApproximate).toBe(false);
    expect(result.facets?.companies).toEqual((await sqlCounts("company")).map((r) => ({ value: r.value, count: r.n })));
    expect(result.facets?.sources).toEqual((await sqlCounts("source")).map((r) => ({ value: r.value, count: r.n })));
    const tagCounts = await queryRows<{ value: string; n: number }>(handle.db, sql`
      select t.name as value, count(*)::int as n from contact_tags ct join tags t on t.id = ct.tag_id
      join contacts c on c.workspace_id = ct.workspace_id and c.id = ct.contact_id
      where ct.workspace_id = ${workspace.workspaceId} and c.last_name = 'Zorblax' group by 1 order by 2 desc, 1`);
    expect(result.facets?.tags.map(({ value, count }) => ({ value, count }))).toEqual(tagCounts.map((r) => ({ value: r.value, count: r.n })));
  });

  it("keeps tag facets current when tags are added and removed", async () => {
    const before = (await searchContacts(workspace, { query: "zorblax" })).facets!.tags.find((t) => t.value === "partner")!.count;
    const [extra] = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, workspace.workspaceId), eq(contacts.firstName, "Member1")));
    const [partner] = await handle.db.select().from(tags).where(and(eq(tags.workspaceId, workspace.workspaceId), eq(tags.name, "partner")));
    await handle.db.insert(contactTags).values({ workspaceId: workspace.workspaceId, contactId: extra!.id, tagId: partner!.id });
    expect((await searchContacts(workspace, { query: "zorblax" })).facets!.tags.find((t) => t.value === "partner")!.count).toBe(before + 1);
    await handle.db.delete(contactTags).where(and(eq(contactTags.contactId, extra!.id), eq(contactTags.tagId, partner!.id)));
    expect((await searchContacts(workspace, { query: "zorblax" })).facets!.tags.find((t) => t.value === "partner")!.count).toBe(before);
  });

  it("searches inside a filter (a view's criteria)", async () => {
    const result = await searchContacts(workspace, { query: "zorblax", filters: { field: "score", operator: "gte", value: 60 }, first: 50 });
    expect(result.totalCount).toBe(10);
    expect(result.nodes.map((n) => n.score).every((score) => score >= 60)).toBe(true);
    expect(result.facets?.sources.reduce((sum, s) => sum + s.count, 0)).toBe(10);
    await expect(searchContacts(workspace, { query: "zorblax", filters: { field: "nope", operator: "eq", value: 1 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("pages through the ranked matches without repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<typeof searchContacts>> = await searchContacts(workspace, { query: "zorblax", first: 7, after, includeFacets: false });
      seen.push(...result.nodes.map((n) => n.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    await expect(searchContacts(workspace, { query: "zorblax", after: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
