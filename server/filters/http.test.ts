import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { addTestMember, createTestAuth, createTestWorkspace, openTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import type { Identity } from "../trpc/identity";
import { appRouter } from "../trpc/root";

/**
 * The issue-4 procedures over HTTP, as the browser calls them: wired into the app router, behind
 * workspaceProcedure (401 without identity, 403 without a workspace), with path-named BAD_REQUESTs.
 */
let handle: DatabaseHandle;
let admin: ServiceContext;
let rep: ServiceContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  admin = await createTestWorkspace(handle.db, { role: "admin" });
  rep = await addTestMember(handle.db, admin.workspaceId, "rep");
});
afterAll(async () => handle?.close());

const identityOf = (ctx: ServiceContext): Identity => ({
  userId: ctx.actor.userId, userName: ctx.actor.name, userEmail: null, via: "session",
  workspace: { id: ctx.workspaceId, name: "Test", actor: ctx.actor },
});

async function call(identity: Identity | null, path: string, input: unknown, kind: "query" | "mutation") {
  const auth = createTestAuth(handle.db);
  const encoded = JSON.stringify({ json: input });
  const req = kind === "query"
    ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(encoded)}`)
    : new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body: encoded, headers: { "content-type": "application/json" } });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: async () => ({ db: handle.db, auth, headers: req.headers, identity }) });
  const body = (await res.json()) as { error?: { json: { message: string; data: { code: string } } }; result?: { data: { json: unknown } } };
  return { status: res.status, error: body.error?.json, data: body.result?.data.json };
}

const uuid = "00000000-0000-4000-8000-000000000000";
const procedures: Array<[string, "query" | "mutation", unknown]> = [
  ["customFields.listCustomFields", "query", {}],
  ["customFields.createCustomField", "mutation", { fieldName: "x", label: "X", fieldType: "text" }],
  ["customFields.updateCustomField", "mutation", { id: uuid, patch: {} }],
  ["customFields.deleteCustomField", "mutation", { id: uuid }],
  ["customFields.restoreCustomField", "mutation", { id: uuid }],
  ["tags.listTags", "query", {}],
  ["tags.createTag", "mutation", { name: "x" }],
  ["tags.updateTag", "mutation", { id: uuid, patch: {} }],
  ["tags.renameTag", "mutation", { id: uuid, name: "x" }],
  ["tags.mergeTags", "mutation", { sourceId: uuid, targetId: "00000000-0000-4000-8000-000000000001" }],
  ["tags.deleteTag", "mutation", { id: uuid }],
  ["tags.tagContacts", "mutation", { contactIds: [uuid], tagIds: [uuid] }],
  ["tags.untagContacts", "mutation", { contactIds: [uuid], tagIds: [uuid] }],
  ["tags.contactsByTag", "query", { tagId: uuid }],
  ["segments.listSegments", "query", undefined],
  ["segments.getSegment", "query", { id: uuid }],
  ["segments.createSegment", "mutation", { name: "x" }],
  ["segments.updateSegment", "mutation", { id: uuid, patch: {} }],
  ["segments.deleteSegment", "mutation", { id: uuid }],
  ["segments.addMembers", "mutation", { id: uuid, contactIds: [uuid] }],
  ["segments.removeMembers", "mutation", { id: uuid, contactIds: [uuid] }],
  ["views.listViews", "query", {}],
  ["views.getView", "query", { id: uuid }],
  ["views.saveView", "mutation", { name: "x" }],
  ["views.updateView", "mutation", { id: uuid, patch: {} }],
  ["views.renameView", "mutation", { id: uuid, name: "x" }],
  ["views.duplicateView", "mutation", { id: uuid }],
  ["views.deleteView", "mutation", { id: uuid }],
  ["insights.contactInsights", "query", {}],
  ["filters.filterFields", "query", undefined],
];

describe("issue-4 procedures over HTTP", () => {
  it.each(procedures)("%s needs a signed-in member of a workspace", async (path, kind, input) => {
    expect((await call(null, path, input, kind)).status).toBe(401);
    const stranger: Identity = { ...identityOf(admin), workspace: null };
    const { status, error } = await call(stranger, path, input, kind);
    expect(status).toBe(403);
    expect(error?.message).toBe("You are not a member of any workspace");
  });

  it("answers a malformed filter tree with 400 and the path, on every filter-taking procedure", async () => {
    const tree = { and: [{ field: "score", operator: "gte", value: 1 }, { field: "city", operator: "eq", value: "x" }, { or: [{ field: "score", operator: "eq", value: "high" }] }] };
    for (const [path, kind, input] of [
      ["contacts.list", "query", { filters: tree }],
      ["segments.createSegment", "mutation", { name: "Bad", criteria: tree }],
      ["views.saveView", "mutation", { name: "Bad", filters: tree }],
      ["insights.contactInsights", "query", { filters: tree }],
    ] as const) {
      const { status, error } = await call(identityOf(admin), path, input, kind);
      expect(status, path).toBe(400);
      expect(error?.message, path).toBe("and[2].or[0].value: expected a number for score");
    }
  });

  it("reports zod-level problems with the field path too", async () => {
    const { status, error } = await call(identityOf(admin), "contacts.list", { filters: "score > 5" }, "query");
    expect(status).toBe(400);
    expect(error?.message).toMatch(/^filters: expected \{and/);
    const sort = await call(identityOf(admin), "contacts.list", { sort: [{ field: "score", direction: "up" }] }, "query");
    expect(sort.error?.message).toBe("sort.0.direction: expected asc or desc");
  });

  it("describes every filterable field, live custom fields included, for the filter builder", async () => {
    const ws = await createTestWorkspace(handle.db, { role: "admin" });
    await call(identityOf(ws), "customFields.createCustomField", { fieldName: "plan", label: "Plan", fieldType: "select", options: [{ value: "pro", label: "Pro" }] }, "mutation");
    const archived = await call(identityOf(ws), "customFields.createCustomField", { fieldName: "old", label: "Old", fieldType: "number" }, "mutation");
    await call(identityOf(ws), "customFields.deleteCustomField", { id: (archived.data as { id: string }).id }, "mutation");
    const { data } = await call(identityOf(ws), "filters.filterFields", undefined, "query");
    const fields = (data as { fields: Array<{ key: string; kind: string; operators: string[]; enumValues: string[] | null; isSortable: boolean }> }).fields;
    const byKey = new Map(fields.map((f) => [f.key, f]));
    expect(byKey.get("score")).toMatchObject({ kind: "number", isSortable: true, operators: expect.arrayContaining(["between", "gte"]) });
    expect(byKey.get("lifecycleStage")?.operators).toContain("gte");
    expect(byKey.get("tags")).toMatchObject({ kind: "set", isSortable: false, operators: ["includes", "includesAll", "excludes", "isEmpty", "isNotEmpty"] });
    expect(byKey.get("company.industry")).toMatchObject({ kind: "text" });
    expect(byKey.get("customFields.plan")).toMatchObject({ kind: "enum", enumValues: ["pro"] });
    expect(byKey.has("customFields.old")).toBe(false);
  });

  it("runs the spec's flow end to end with role checks", async () => {
    const field = await call(identityOf(admin), "customFields.createCustomField", { fieldName: "budget", label: "Budget", fieldType: "currency", currency: "eur" }, "mutation");
    expect(field.status).toBe(200);
    expect(field.data).toMatchObject({ fieldName: "budget", fieldType: "currency", currency: "EUR" });
    expect((await call(identityOf(rep), "customFields.createCustomField", { fieldName: "x", label: "X", fieldType: "text" }, "mutation")).status).toBe(403);
    const contact = await call(identityOf(rep), "contacts.create", { email: "http@example.com", score: 90, customFields: { budget: 20000 } }, "mutation");
    expect(contact.status).toBe(200);
    const badValue = await call(identityOf(rep), "contacts.create", { email: "bad@example.com", customFields: { budget: "lots" } }, "mutation");
    expect(badValue.status).toBe(400);
    expect(badValue.error?.message).toBe("customFields.budget: expected an amount (a number, or {amount, currency})");
    expect((await call(identityOf(rep), "tags.createTag", { name: "technology" }, "mutation")).status).toBe(403);
    const tag = await call(identityOf(admin), "tags.createTag", { name: "technology", color: "#123456" }, "mutation");
    const tagId = (tag.data as { id: string }).id;
    const contactId = (contact.data as { id: string }).id;
    expect((await call(identityOf(rep), "tags.tagContacts", { contactIds: [contactId], tagIds: [tagId] }, "mutation")).data).toEqual({ success: true, taggedCount: 1 });
    const segment = await call(identityOf(admin), "segments.createSegment", {
      name: "High-Value Leads", isDynamic: true,
      criteria: { and: [{ field: "score", operator: "gte", value: 80 }, { field: "customFields.budget", operator: "gte", value: 10000 }] },
    }, "mutation");
    expect(segment.data).toMatchObject({ name: "High-Value Leads", isDynamic: true, contactCount: 1 });
    const list = await call(identityOf(rep), "contacts.list", { filters: { field: "tags", operator: "includes", value: ["Technology"] }, sort: [{ field: "customFields.budget", direction: "desc" }] }, "query");
    expect(list.data).toMatchObject({ totalCount: 1, totalCountIsEstimate: false, nodes: [{ email: "http@example.com", tags: [{ name: "technology" }] }] });
  });
});
