import { type TRPCError } from "@trpc/server";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, contacts, customFieldTypes } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { ServiceContext } from "@/server/context";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { createContactSchema } from "../contacts/schemas";
import * as contactsService from "../contacts/service";
import { compileContactFilter } from "../filters/filter";
import { findCustomFieldIndexNames } from "./queries";
import { createCustomFieldSchema } from "./schemas";
import * as service from "./service";
import { customFieldIndexName } from "./sql";

let handle: DatabaseHandle;
let admin: ServiceContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  admin = await createTestWorkspace(handle.db, { role: "admin" });
});
afterAll(async () => handle?.close());

const define = (ctx: ServiceContext, input: Record<string, unknown>) => service.createCustomField(ctx, createCustomFieldSchema.parse(input));
const createContact = (ctx: ServiceContext, input: Record<string, unknown>) => contactsService.createContact(ctx, createContactSchema.parse(input));
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);

describe("defining custom fields", () => {
  it("creates all 12 types, with options for the select types", async () => {
    const ws = await createTestWorkspace(handle.db);
    for (const fieldType of customFieldTypes) {
      const options = fieldType === "select" || fieldType === "multiselect" ? [{ value: "a", label: "A" }, { value: "b", label: "B" }] : [];
      const definition = await define(ws, { fieldName: `f_${fieldType}`, label: `Field ${fieldType}`, fieldType, options });
      expect(definition).toMatchObject({ fieldName: `f_${fieldType}`, fieldType, required: false, options, archivedAt: null });
    }
    const listed = await service.listCustomFields(ws, { objectType: "contact", includeArchived: false });
    expect(listed.map((d) => d.fieldType)).toEqual([...customFieldTypes]);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.workspaceId), eq(auditLog.entityType, "custom_field")));
    expect(audit).toHaveLength(12);
  });

  it("keeps fieldName unique per workspace and object type, naming the existing field", async () => {
    const first = await define(admin, { fieldName: "leadSource", label: "Lead source", fieldType: "text" });
    const error = await failure(define(admin, { fieldName: "leadSource", label: "Again", fieldType: "number" }));
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toContain(first.id);
    const onCompanies = await define(admin, { objectType: "company", fieldName: "leadSource", label: "Lead source", fieldType: "text" });
    expect(onCompanies.objectType).toBe("company");
  });

  it("validates names and options at the boundary", () => {
    const issues = (input: Record<string, unknown>) => createCustomFieldSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ fieldName: "2fast", label: "x", fieldType: "text" })).toEqual(["fieldName: must start with a letter and use only letters, digits and underscores"]);
    expect(issues({ fieldName: "budget-eur", label: "x", fieldType: "text" })?.[0]).toMatch(/^fieldName: /);
    expect(issues({ fieldName: "pick", label: "x", fieldType: "select" })).toEqual(["options: a select field needs at least one option"]);
    expect(issues({ fieldName: "n", label: "x", fieldType: "number", options: [{ value: "a", label: "A" }] })).toEqual(["options: only select and multiselect fields have options, not number"]);
    expect(issues({ fieldName: "s", label: "x", fieldType: "select", options: [{ value: "a", label: "A" }, { value: "a", label: "B" }] })).toEqual(['options.1.value: "a" appears twice']);
  });

  it("is for admins only", async () => {
    for (const role of ["manager", "rep"] as const) {
      const member = await addTestMember(handle.db, admin.workspaceId, role);
      const error = await failure(define(member, { fieldName: `by_${role}`, label: "x", fieldType: "text" }));
      expect(error?.code).toBe("FORBIDDEN");
      const existing = (await service.listCustomFields(member, { objectType: "contact", includeArchived: false }))[0]!;
      expect((await failure(service.updateCustomField(member, { id: existing.id, patch: { label: "Renamed" } })))?.code).toBe("FORBIDDEN");
      expect((await failure(service.deleteCustomField(member, { id: existing.id })))?.code).toBe("FORBIDDEN");
      expect((await failure(service.restoreCustomField(member, { id: existing.id })))?.code).toBe("FORBIDDEN");
    }
  });

  it("never reaches another workspace's definitions", async () => {
    const other = await createTestWorkspace(handle.db);
    const theirs = await define(other, { fieldName: "secret", label: "Secret", fieldType: "text" });
    expect((await failure(service.updateCustomField(admin, { id: theirs.id, patch: { label: "Mine now" } })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.deleteCustomField(admin, { id: theirs.id })))?.code).toBe("NOT_FOUND");
    expect((await failure(service.restoreCustomField(admin, { id: theirs.id })))?.code).toBe("NOT_FOUND");
    const mine = await service.listCustomFields(admin, { objectType: "contact", includeArchived: true });
    expect(mine.map((d) => d.id)).not.toContain(theirs.id);
  });

  it("updates label, required flag and options, but not the type", async () => {
    const field = await define(admin, { fieldName: "tier", label: "Tier", fieldType: "select", options: [{ value: "gold", label: "Gold" }] });
    const updated = await service.updateCustomField(admin, { id: field.id, patch: { label: "Customer tier", required: true, options: [{ value: "gold", label: "Gold" }, { value: "silver", label: "Silver" }] } });
    expect(updated).toMatchObject({ label: "Customer tier", required: true, fieldType: "select", fieldName: "tier" });
    expect((await failure(service.updateCustomField(admin, { id: field.id, patch: { options: [] } })))?.message).toBe("patch.options: a select field needs at least one option");
    await service.updateCustomField(admin, { id: field.id, patch: { required: false } });
  });
});

describe("values on every write path", () => {
  it("rejects a wrong type on create and on update, naming the field", async () => {
    const ws = await createTestWorkspace(handle.db);
    await define(ws, { fieldName: "budget", label: "Budget", fieldType: "number" });
    const onCreate = await failure(createContact(ws, { email: "typed@example.com", customFields: { budget: "a lot" } }));
    expect(onCreate?.code).toBe("BAD_REQUEST");
    expect(onCreate?.message).toBe("customFields.budget: expected a number");
    const contact = await createContact(ws, { email: "typed@example.com", customFields: { budget: "12,500" } });
    expect(contact.customFields).toEqual({ budget: 12500 });
    const onUpdate = await failure(contactsService.updateContact(ws, { id: contact.id, patch: { customFields: { budget: "more" } } }));
    expect(onUpdate?.message).toBe("customFields.budget: expected a number");
    const undefinedKey = await failure(contactsService.updateContact(ws, { id: contact.id, patch: { customFields: { shoeSize: 44 } } }));
    expect(undefinedKey?.message).toMatch(/^customFields\.shoeSize: is not a custom field/);
  });

  it("enforces required fields on create, and refuses clearing them", async () => {
    const ws = await createTestWorkspace(handle.db);
    await define(ws, { fieldName: "region", label: "Region", fieldType: "select", required: true, options: [{ value: "emea", label: "EMEA" }] });
    expect((await failure(createContact(ws, { email: "r@example.com" })))?.message).toBe("customFields.region: is required");
    const contact = await createContact(ws, { email: "r@example.com", customFields: { region: "EMEA" } });
    expect(contact.customFields).toEqual({ region: "emea" });
    expect((await failure(contactsService.updateContact(ws, { id: contact.id, patch: { customFields: { region: null } } })))?.message).toBe("customFields.region: is required");
  });
});

describe("archiving keeps the values", () => {
  it("hides an archived field, keeps its values in the data, and restores them", async () => {
    const ws = await createTestWorkspace(handle.db);
    const field = await define(ws, { fieldName: "nps", label: "NPS", fieldType: "number" });
    const contact = await createContact(ws, { email: "nps@example.com", customFields: { nps: 9 } });

    const archived = await service.deleteCustomField(ws, { id: field.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.keptValues).toBe(1);
    expect((await service.listCustomFields(ws, { objectType: "contact", includeArchived: false })).map((d) => d.id)).not.toContain(field.id);
    const profile = await contactsService.getContactProfile(ws, { id: contact.id });
    expect(profile.customFieldDefinitions.map((d) => d.fieldName)).not.toContain("nps");
    const [row] = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ws.workspaceId), eq(contacts.id, contact.id)));
    expect(row!.customFields).toEqual({ nps: 9 });
    expect((await failure(contactsService.updateContact(ws, { id: contact.id, patch: { customFields: { nps: 10 } } })))?.message)
      .toBe("customFields.nps: this field is archived; an admin can restore it");
    expect((await failure(compileContactFilter(ws, { field: "customFields.nps", operator: "gte", value: 5 })))?.message)
      .toBe('field: custom field "nps" is archived; restore it or remove this condition');
    // Editing other fields never drops the hidden value.
    await contactsService.updateContact(ws, { id: contact.id, patch: { title: "Buyer" } });

    const restored = await service.restoreCustomField(ws, { id: field.id });
    expect(restored.archivedAt).toBeNull();
    expect(restored.keptValues).toBe(1);
    const page = await contactsService.listContacts(ws, { first: 10, filters: { field: "customFields.nps", operator: "gte", value: 9 } });
    expect(page.nodes.map((n) => [n.id, n.customFields])).toEqual([[contact.id, { nps: 9 }]]);
    const history = await handle.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.workspaceId), eq(auditLog.entityId, field.id)));
    expect(history.map((h) => h.action).sort()).toEqual(["create", "delete", "restore"]);
  });
});

describe("expression indexes for range filters", () => {
  it("creates one per range-capable definition, drops it on archive and rebuilds it on restore", async () => {
    const ws = await createTestWorkspace(handle.db);
    const indexed = ["number", "currency", "date", "datetime", "boolean", "select"] as const;
    for (const fieldType of indexed) {
      await define(ws, { fieldName: `r_${fieldType}`, label: fieldType, fieldType, options: fieldType === "select" ? [{ value: "x", label: "X" }] : [] });
    }
    const text = await define(ws, { fieldName: "plain", label: "Plain", fieldType: "text" });
    const names = await findCustomFieldIndexNames(handle.db, { workspaceId: ws.workspaceId });
    expect(names.sort()).toEqual(indexed.map((t) => customFieldIndexName(ws.workspaceId, `r_${t}`)).sort());
    expect(names).not.toContain(customFieldIndexName(ws.workspaceId, text.fieldName));

    const number = (await service.listCustomFields(ws, { objectType: "contact", includeArchived: false })).find((d) => d.fieldName === "r_number")!;
    await service.deleteCustomField(ws, { id: number.id });
    expect(await findCustomFieldIndexNames(handle.db, { workspaceId: ws.workspaceId })).not.toContain(customFieldIndexName(ws.workspaceId, "r_number"));
    await service.restoreCustomField(ws, { id: number.id });
    expect(await findCustomFieldIndexNames(handle.db, { workspaceId: ws.workspaceId })).toContain(customFieldIndexName(ws.workspaceId, "r_number"));
  });

  it("is matched by the compiled filter (the planner can use it), and bad data never breaks a write", async () => {
    const ws = await createTestWorkspace(handle.db);
    await define(ws, { fieldName: "budget", label: "Budget", fieldType: "currency" });
    await define(ws, { fieldName: "renewal", label: "Renewal", fieldType: "date" });
    // Written around the validator, as legacy data would be: the guarded index expression reads it as NULL.
    await handle.db.insert(contacts).values([
      { workspaceId: ws.workspaceId, email: "bad@example.com", customFields: { budget: "n/a", renewal: 17 } },
      { workspaceId: ws.workspaceId, email: "good@example.com", customFields: { budget: { amount: 20000, currency: "USD" }, renewal: "2025-01-01" } },
    ]);
    for (const [tree, index] of [
      [{ field: "customFields.budget", operator: "gte", value: 10000 }, customFieldIndexName(ws.workspaceId, "budget")],
      [{ field: "customFields.renewal", operator: "lt", value: "2025-06-01" }, customFieldIndexName(ws.workspaceId, "renewal")],
    ] as const) {
      const condition = await compileContactFilter(ws, tree);
      const plan = await handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return queryRows<{ "QUERY PLAN": string }>(tx, sql`explain select id from ${contacts} where ${and(eq(contacts.workspaceId, ws.workspaceId), isNull(contacts.deletedAt), condition)}`);
      });
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain(index);
      const rows = await handle.db.select({ email: contacts.email }).from(contacts).where(and(eq(contacts.workspaceId, ws.workspaceId), condition));
      expect(rows.map((r) => r.email)).toEqual(["good@example.com"]);
    }
  });
});
