import { type TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, companies, companyTags, contacts } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { createContactSchema } from "../contacts/schemas";
import * as contactsService from "../contacts/service";
import { createSegmentSchema } from "../segments/schemas";
import { createSegment, getSegment } from "../segments/service";
import { saveViewSchema } from "../views/schemas";
import { getView, saveView } from "../views/service";
import { createTagSchema } from "./schemas";
import * as service from "./service";

let handle: DatabaseHandle;
let manager: ServiceContext;
let rep: ServiceContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  manager = await createTestWorkspace(handle.db, { role: "manager" });
  rep = await addTestMember(handle.db, manager.workspaceId, "rep");
});
afterAll(async () => handle?.close());

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);
const newTag = (ctx: ServiceContext, name: string, extra: Record<string, unknown> = {}) => service.createTag(ctx, createTagSchema.parse({ name, ...extra }));
const newContact = (ctx: ServiceContext, email: string) => contactsService.createContact(ctx, createContactSchema.parse({ email }));

async function tagAudit(ctx: ServiceContext, contactId: string) {
  const rows = await handle.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ctx.workspaceId), eq(auditLog.entityId, contactId), eq(auditLog.entityType, "contact"))).orderBy(auditLog.createdAt);
  return rows.filter((r) => r.changes.tags).map((r) => r.changes.tags);
}

describe("tags", () => {
  it("creates a tag with its contactCount, refusing a case-insensitive duplicate", async () => {
    const tag = await newTag(manager, "Technology", { color: "#0ea5e9", description: "Tech buyers" });
    expect(tag).toMatchObject({ name: "Technology", color: "#0ea5e9", description: "Tech buyers", contactCount: 0 });
    const error = await failure(newTag(manager, "  technology "));
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toContain(tag.id);
  });

  it("tags and untags contacts, counting, auditing old and new names, idempotently", async () => {
    const vip = await newTag(manager, "VIP");
    const cold = await newTag(manager, "Cold");
    const a = await newContact(manager, "tag-a@example.com");
    const b = await newContact(manager, "tag-b@example.com");
    // Reps tag the contacts they can edit.
    expect(await service.tagContacts(rep, { contactIds: [a.id, b.id], tagIds: [vip.id] })).toEqual({ success: true, taggedCount: 2 });
    expect(await service.tagContacts(rep, { contactIds: [a.id], tagIds: [vip.id, cold.id] })).toEqual({ success: true, taggedCount: 1 });
    expect(await service.tagContacts(rep, { contactIds: [a.id], tagIds: [vip.id] })).toEqual({ success: true, taggedCount: 0 });
    expect(await tagAudit(manager, a.id)).toEqual([{ old: [], new: ["VIP"] }, { old: ["VIP"], new: ["Cold", "VIP"] }]);

    const profile = await contactsService.getContactProfile(manager, { id: a.id });
    expect(profile.tags.map((t) => t.name)).toEqual(["Cold", "VIP"]);
    expect((await service.listTags(manager, { prefix: "v", first: 10 })).map((t) => [t.name, t.contactCount])).toEqual([["VIP", 2]]);

    expect(await service.untagContacts(rep, { contactIds: [a.id, b.id], tagIds: [cold.id] })).toEqual({ success: true, untaggedCount: 1 });
    expect((await tagAudit(manager, a.id)).at(-1)).toEqual({ old: ["Cold", "VIP"], new: ["VIP"] });
  });

  it("lists contacts by tag with pagination and a total", async () => {
    const tag = await newTag(manager, "Paged");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await newContact(manager, `paged${i}@example.com`)).id);
    await service.tagContacts(manager, { contactIds: ids, tagIds: [tag.id] });
    const first = await service.contactsByTag(rep, { tagId: tag.id, first: 2 });
    expect(first.totalCount).toBe(5);
    expect(first.nodes).toHaveLength(2);
    expect(first.nodes[0]).toHaveProperty("fullName");
    const rest = await service.contactsByTag(rep, { tagId: tag.id, first: 10, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...rest.nodes].map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(rest.pageInfo.hasNextPage).toBe(false);
    // A deleted contact leaves the tag's count.
    await contactsService.deleteContact(manager, { id: ids[0]! });
    expect((await service.listTags(manager, { prefix: "paged", first: 5 }))[0]!.contactCount).toBe(4);
  });

  it("renames, merges and deletes, keeping contacts' tags and history right", async () => {
    const source = await newTag(manager, "Customers");
    const target = await newTag(manager, "Clients");
    const both = await newContact(manager, "both@example.com");
    const onlySource = await newContact(manager, "src@example.com");
    await service.tagContacts(manager, { contactIds: [both.id, onlySource.id], tagIds: [source.id] });
    await service.tagContacts(manager, { contactIds: [both.id], tagIds: [target.id] });
    const [company] = await handle.db.insert(companies).values({ workspaceId: manager.workspaceId, name: "Tagged Co" }).returning();
    await handle.db.insert(companyTags).values({ workspaceId: manager.workspaceId, companyId: company!.id, tagId: source.id });

    const renamed = await service.renameTag(manager, { id: target.id, name: "Accounts" });
    expect(renamed).toMatchObject({ name: "Accounts", contactCount: 1 });
    expect((await failure(service.renameTag(manager, { id: target.id, name: "customers" })))?.code).toBe("CONFLICT");

    const merged = await service.mergeTags(manager, { sourceId: source.id, targetId: target.id });
    expect(merged).toMatchObject({ id: target.id, name: "Accounts", contactCount: 2 });
    expect((await service.listTags(manager, { prefix: "customers", first: 5 }))).toEqual([]);
    expect((await tagAudit(manager, onlySource.id)).at(-1)).toEqual({ old: ["Customers"], new: ["Accounts"] });
    expect((await tagAudit(manager, both.id)).at(-1)).toEqual({ old: ["Accounts", "Customers"], new: ["Accounts"] });
    const companyLinks = await handle.db.select().from(companyTags).where(eq(companyTags.companyId, company!.id));
    expect(companyLinks.map((l) => l.tagId)).toEqual([target.id]);

    const deleted = await service.deleteTag(manager, { id: target.id });
    expect(deleted).toEqual({ success: true, id: target.id, untaggedCount: 2 });
    expect((await tagAudit(manager, both.id)).at(-1)).toEqual({ old: ["Accounts"], new: [] });
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, both.id));
    expect(row!.updatedAt.getTime()).toBeGreaterThanOrEqual(row!.createdAt.getTime());
  });

  it("keeps saved segments and views pointing at the right tag through renames and merges", async () => {
    const old = await newTag(manager, "Prospect");
    const keeper = await newTag(manager, "Lead list");
    const contact = await newContact(manager, "prospect@example.com");
    await service.tagContacts(manager, { contactIds: [contact.id], tagIds: [old.id] });
    const segment = await createSegment(manager, createSegmentSchema.parse({ name: "Prospects", criteria: { field: "tags", operator: "includes", value: ["prospect"] } }));
    // The name was stored as the tag's id.
    expect(segment.criteria).toEqual({ field: "tags", operator: "includes", value: [old.id] });
    const view = await saveView(manager, saveViewSchema.parse({ name: "Prospects", filters: { field: "tags", operator: "includes", value: ["Prospect"] } }));
    await service.renameTag(manager, { id: old.id, name: "Prospective" });
    expect((await getSegment(manager, { id: segment.id })).contactCount).toBe(1);
    await service.mergeTags(manager, { sourceId: old.id, targetId: keeper.id });
    expect((await getSegment(manager, { id: segment.id })).criteria).toEqual({ field: "tags", operator: "includes", value: [keeper.id] });
    expect((await getSegment(manager, { id: segment.id })).contactCount).toBe(1);
    expect((await getView(manager, { id: view.id })).filters).toEqual({ field: "tags", operator: "includes", value: [keeper.id] });
  });

  it("leaves managing tags to managers and admins", async () => {
    const tag = await newTag(manager, "Guarded");
    expect((await failure(newTag(rep, "Mine")))?.code).toBe("FORBIDDEN");
    expect((await failure(service.updateTag(rep, { id: tag.id, patch: { color: "#000000" } })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.renameTag(rep, { id: tag.id, name: "x" })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.mergeTags(rep, { sourceId: tag.id, targetId: tag.id })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.deleteTag(rep, { id: tag.id })))?.code).toBe("FORBIDDEN");
  });

  it("never reaches another workspace's tags or contacts", async () => {
    const other = await createTestWorkspace(handle.db, { role: "admin" });
    const theirTag = await newTag(other, "Theirs");
    const theirContact = await newContact(other, "their@example.com");
    const myTag = await newTag(manager, "Mine only");
    const myContact = await newContact(manager, "mine@example.com");
    expect((await failure(service.tagContacts(manager, { contactIds: [myContact.id], tagIds: [theirTag.id] })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.tagContacts(manager, { contactIds: [theirContact.id], tagIds: [myTag.id] })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.untagContacts(manager, { contactIds: [theirContact.id], tagIds: [myTag.id] })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.contactsByTag(manager, { tagId: theirTag.id, first: 5 })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.updateTag(manager, { id: theirTag.id, patch: { name: "Stolen" } })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.mergeTags(manager, { sourceId: theirTag.id, targetId: myTag.id })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.deleteTag(manager, { id: theirTag.id })))?.code).toBe("NOT_FOUND");
    expect((await service.listTags(manager, { first: 500 })).map((t) => t.id)).not.toContain(theirTag.id);
    // Filtering by a tag name only ever resolves this workspace's tags.
    const page = await contactsService.listContacts(manager, { first: 50, filters: { field: "tags", operator: "includes", value: ["Theirs"] } });
    expect(page.nodes).toEqual([]);
  });
});
