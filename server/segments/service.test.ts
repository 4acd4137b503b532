import { type TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { ServiceContext } from "@/server/context";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { createContactSchema } from "../contacts/schemas";
import * as contactsService from "../contacts/service";
import { createCustomFieldSchema } from "../custom-fields/schemas";
import * as customFields from "../custom-fields/service";
import { createSegmentSchema } from "./schemas";
import * as service from "./service";

let handle: DatabaseHandle;
let manager: ServiceContext;
let rep: ServiceContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  manager = await createTestWorkspace(handle.db, { role: "admin" });
  rep = await addTestMember(handle.db, manager.workspaceId, "rep");
  await customFields.createCustomField(manager, createCustomFieldSchema.parse({ fieldName: "budget", label: "Budget", fieldType: "currency" }));
  for (const [name, score, stage, budget] of [
    ["hot", 90, "lead", 20000], ["warm", 85, "MQL", 5000], ["rich", 40, "lead", 50000], ["cold", 10, "customer", null],
  ] as const) {
    const contact = await contactsService.createContact(manager, createContactSchema.parse({
      email: `${name}@example.com`, score, lifecycleStage: stage, customFields: budget === null ? {} : { budget },
    }));
    ids[name] = contact.id;
  }
});
afterAll(async () => handle?.close());

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);
const create = (ctx: ServiceContext, input: Record<string, unknown>) => service.createSegment(ctx, createSegmentSchema.parse(input));
const highValue = {
  and: [
    { field: "score", operator: "gte", value: 80 },
    { field: "lifecycleStage", operator: "in", value: ["lead", "MQL"] },
    { field: "customFields.budget", operator: "gte", value: 10000 },
  ],
};
const members = async (ctx: ServiceContext, id: string) =>
  (await contactsService.listContacts(ctx, { first: 100, filters: { field: "segment", operator: "eq", value: id } })).nodes.map((n) => n.email).sort();

describe("dynamic segments", () => {
  it("evaluates the spec's high-value leads at read time, so the count follows edits", async () => {
    const segment = await create(manager, { name: "High-Value Leads", isDynamic: true, criteria: highValue });
    expect(segment).toMatchObject({ name: "High-Value Leads", isDynamic: true, contactCount: 1, contactCountIsEstimate: false, problem: null });
    expect(segment.criteria).toEqual(highValue);
    expect(await members(rep, segment.id)).toEqual(["hot@example.com"]);

    await contactsService.updateContact(manager, { id: ids.warm!, patch: { customFields: { budget: 12000 } } });
    expect((await service.getSegment(rep, { id: segment.id })).contactCount).toBe(2);
    expect(await members(rep, segment.id)).toEqual(["hot@example.com", "warm@example.com"]);
    await contactsService.updateContact(manager, { id: ids.warm!, patch: { customFields: { budget: 5000 } } });
  });

  it("refuses malformed criteria with the path, and criteria that refer back to the segment", async () => {
    const bad = await failure(create(manager, { name: "Bad", criteria: { and: [{ field: "score", operator: "gte", value: "lots" }] } }));
    expect(bad?.code).toBe("BAD_REQUEST");
    expect(bad?.message).toBe("and[0].value: expected a number for score");
    const a = await create(manager, { name: "A", criteria: { field: "score", operator: "gte", value: 50 } });
    const b = await create(manager, { name: "B", criteria: { field: "segment", operator: "eq", value: a.id } });
    expect(b.contactCount).toBe(2);
    const cycle = await failure(service.updateSegment(manager, { id: a.id, patch: { criteria: { field: "segment", operator: "in", value: [b.id] } } }));
    expect(cycle?.message).toMatch(/segment "A" includes itself/);
    const used = await failure(service.deleteSegment(manager, { id: a.id }));
    expect(used?.code).toBe("CONFLICT");
    expect(used?.message).toContain('"B"');
    await service.deleteSegment(manager, { id: b.id });
    await service.deleteSegment(manager, { id: a.id });
  });

  it("reports a problem instead of a count when its criteria stop applying", async () => {
    await customFields.createCustomField(manager, createCustomFieldSchema.parse({ fieldName: "tier", label: "Tier", fieldType: "number" }));
    const segment = await create(manager, { name: "Tiered", criteria: { field: "customFields.tier", operator: "gte", value: 1 } });
    const tier = (await customFields.listCustomFields(manager, { objectType: "contact", includeArchived: false })).find((d) => d.fieldName === "tier")!;
    await customFields.deleteCustomField(manager, { id: tier.id });
    const broken = await service.getSegment(rep, { id: segment.id });
    expect(broken.contactCount).toBeNull();
    expect(broken.problem).toBe('field: custom field "tier" is archived; restore it or remove this condition');
    expect((await service.listSegments(rep)).find((s) => s.id === segment.id)?.problem).toBe(broken.problem);
    // Renaming still works while the criteria are broken.
    expect((await service.updateSegment(manager, { id: segment.id, patch: { name: "Tiered (old)" } })).name).toBe("Tiered (old)");
    await customFields.restoreCustomField(manager, { id: tier.id });
    expect((await service.getSegment(rep, { id: segment.id })).contactCount).toBe(0);
  });
});

describe("static segments", () => {
  it("freezes membership at creation and allows adding and removing by hand", async () => {
    const segment = await create(manager, { name: "Q3 list", isDynamic: false, criteria: { field: "score", operator: "gte", value: 80 } });
    expect(segment.contactCount).toBe(2);
    // Membership does not follow later edits.
    await contactsService.updateContact(manager, { id: ids.cold!, patch: { score: 99 } });
    expect((await service.getSegment(rep, { id: segment.id })).contactCount).toBe(2);
    await contactsService.updateContact(manager, { id: ids.cold!, patch: { score: 10 } });

    expect(await service.addMembers(manager, { id: segment.id, contactIds: [ids.cold!, ids.hot!] })).toEqual({ success: true, addedCount: 1, contactCount: 3 });
    expect(await service.removeMembers(manager, { id: segment.id, contactIds: [ids.warm!] })).toEqual({ success: true, removedCount: 1, contactCount: 2 });
    expect(await members(rep, segment.id)).toEqual(["cold@example.com", "hot@example.com"]);
    // A deleted contact leaves the count; restoring brings it back.
    await contactsService.deleteContact(manager, { id: ids.cold! });
    expect((await service.getSegment(rep, { id: segment.id })).contactCount).toBe(1);
    await contactsService.restoreContact(manager, { id: ids.cold! });

    const dynamic = await create(manager, { name: "Dyn", criteria: highValue });
    expect((await failure(service.addMembers(manager, { id: dynamic.id, contactIds: [ids.cold!] })))?.message).toMatch(/^id: a dynamic segment's members follow its criteria/);
  });

  it("switches between dynamic and static", async () => {
    const segment = await create(manager, { name: "Switch", criteria: { field: "score", operator: "lt", value: 50 } });
    const frozen = await service.updateSegment(manager, { id: segment.id, patch: { isDynamic: false } });
    expect(frozen).toMatchObject({ isDynamic: false, contactCount: 2 });
    await contactsService.updateContact(manager, { id: ids.rich!, patch: { score: 70 } });
    expect((await service.getSegment(manager, { id: segment.id })).contactCount).toBe(2);
    const live = await service.updateSegment(manager, { id: segment.id, patch: { isDynamic: true } });
    expect(live).toMatchObject({ isDynamic: true, contactCount: 1 });
    await contactsService.updateContact(manager, { id: ids.rich!, patch: { score: 40 } });
  });
});

describe("access", () => {
  it("lets reps read segments but not create or change them", async () => {
    const segment = await create(manager, { name: "Read only", criteria: highValue });
    expect((await service.listSegments(rep)).map((s) => s.id)).toContain(segment.id);
    expect((await service.getSegment(rep, { id: segment.id })).name).toBe("Read only");
    expect((await failure(create(rep, { name: "Mine", criteria: highValue })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.updateSegment(rep, { id: segment.id, patch: { name: "x" } })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.deleteSegment(rep, { id: segment.id })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.addMembers(rep, { id: segment.id, contactIds: [ids.hot!] })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.removeMembers(rep, { id: segment.id, contactIds: [ids.hot!] })))?.code).toBe("FORBIDDEN");
  });

  it("never reaches another workspace's segments or contacts", async () => {
    const other = await createTestWorkspace(handle.db, { role: "admin" });
    const theirs = await create(other, { name: "Theirs", isDynamic: false, criteria: {} });
    const mine = await create(manager, { name: "Mine", isDynamic: false, criteria: { field: "score", operator: "gt", value: 1000 } });
    const theirContact = await contactsService.createContact(other, createContactSchema.parse({ email: "their@example.com" }));
    expect((await failure(service.getSegment(manager, { id: theirs.id })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.updateSegment(manager, { id: theirs.id, patch: { name: "x" } })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.deleteSegment(manager, { id: theirs.id })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.addMembers(manager, { id: mine.id, contactIds: [theirContact.id] })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.addMembers(manager, { id: theirs.id, contactIds: [ids.hot!] })))?.code).toBe("NOT_FOUND");
    expect((await service.listSegments(manager)).map((s) => s.id)).not.toContain(theirs.id);
    const viaFilter = await failure(contactsService.listContacts(manager, { first: 10, filters: { field: "segment", operator: "eq", value: theirs.id } }));
    expect(viaFilter?.message).toBe(`value: no segment ${theirs.id} in this workspace`);
  });
});
