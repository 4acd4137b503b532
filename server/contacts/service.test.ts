import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { createTestWorkspace, openTestDatabase } from "@/test/db";
import { createCustomFieldSchema } from "../custom-fields/schemas";
import { createCustomField } from "../custom-fields/service";
import { createContactSchema } from "./schemas";
import * as service from "./service";

let handle: DatabaseHandle;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = await createTestWorkspace(handle.db);
  // Custom field values are validated against their definitions; these are the two the tests write.
  await createCustomField(ctx, createCustomFieldSchema.parse({ fieldName: "budget", label: "Budget", fieldType: "number" }));
  await createCustomField(ctx, createCustomFieldSchema.parse({ fieldName: "region", label: "Region", fieldType: "text" }));
});
afterAll(async () => handle?.close());

const create = (input: Record<string, unknown>, context: ServiceContext = ctx) =>
  service.createContact(context, createContactSchema.parse(input));

async function auditRows(contactId: string) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, ctx.workspaceId), eq(auditLog.entityId, contactId)));
}

describe("creating contacts", () => {
  it("normalises email, names and phone, and records who created it", async () => {
    const contact = await create({ email: "  Ada.Lovelace@Example.COM ", firstName: "  Ada ", lastName: "Lovelace", phone: "(415) 555-2671" });
    expect(contact.email).toBe("ada.lovelace@example.com");
    expect(contact.firstName).toBe("Ada");
    expect(contact.phone).toBe("+14155552671");
    expect(contact.source).toBe("manual");
    expect(contact.createdBy).toBe(ctx.actor.userId);
    expect(contact.ownerId).toBe(ctx.actor.userId);
  });

  it.each([
    ["exact", "dup@example.com"],
    ["upper case", "DUP@EXAMPLE.COM"],
    ["surrounding whitespace", "  dup@example.com\t"],
    ["mixed", " Dup@Example.Com "],
  ])("refuses a second contact with the same email (%s) with a CONFLICT naming the first", async (_label, email) => {
    const first = (await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.email, "dup@example.com"))))[0]
      ?? (await create({ email: "dup@example.com", firstName: "First" }));
    const error = await create({ email }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).message).toContain(first.id);
    const rows = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.email, "dup@example.com")));
    expect(rows).toHaveLength(1);
  });

  it("allows the same email in another workspace", async () => {
    const other = await createTestWorkspace(handle.db);
    await create({ email: "shared@example.com" });
    const contact = await create({ email: "shared@example.com" }, other);
    expect(contact.workspaceId).toBe(other.workspaceId);
  });

  it("writes a create audit row with every set field", async () => {
    const contact = await create({ email: "audit@example.com", firstName: "Audit", score: 42 });
    const rows = await auditRows(contact.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe("create");
    expect(rows[0]!.changes.email).toEqual({ old: null, new: "audit@example.com" });
    expect(rows[0]!.changes.score).toEqual({ old: null, new: 42 });
    expect(rows[0]!.actorId).toBe(ctx.actor.userId);
  });

  it("refuses a company or owner from outside the workspace", async () => {
    const error = await create({ email: "ref@example.com", companyId: crypto.randomUUID() }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/^companyId: /);
    const stranger = await createTestWorkspace(handle.db);
    const ownerError = await create({ email: "ref@example.com", ownerId: stranger.actor.userId }).catch((e: unknown) => e);
    expect((ownerError as TRPCError).message).toMatch(/^ownerId: /);
  });
});

describe("updating contacts", () => {
  it("records a field-level diff and merges custom fields key by key", async () => {
    const contact = await create({ email: "upd@example.com", title: "Engineer", customFields: { budget: 100, region: "EU" } });
    const updated = await service.updateContact(ctx, { id: contact.id, patch: { title: "CTO", customFields: { budget: 200 } } });
    expect(updated.title).toBe("CTO");
    expect(updated.customFields).toEqual({ budget: 200, region: "EU" });
    const rows = (await auditRows(contact.id)).filter((r) => r.action === "update");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.changes).toEqual({
      title: { old: "Engineer", new: "CTO" },
      "customFields.budget": { old: 100, new: 200 },
    });
  });

  it("writes no audit row when nothing changed", async () => {
    const contact = await create({ email: "same@example.com", title: "Same" });
    await service.updateContact(ctx, { id: contact.id, patch: { title: "Same" } });
    expect((await auditRows(contact.id)).filter((r) => r.action === "update")).toHaveLength(0);
  });

  it("refuses changing the email to one another contact has", async () => {
    await create({ email: "taken@example.com" });
    const contact = await create({ email: "free@example.com" });
    const error = await service.updateContact(ctx, { id: contact.id, patch: { email: "taken@example.com" } }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("CONFLICT");
  });

  it("rolls the contact change back when the audit write fails, and vice versa", async () => {
    const contact = await create({ email: "atomic@example.com", title: "Before" });
    // The same database, except that inside the transaction any insert into audit_log fails.
    const broken: ServiceContext = {
      ...ctx,
      db: new Proxy(ctx.db, {
        get(target, prop, receiver) {
          if (prop !== "transaction") return Reflect.get(target, prop, receiver);
          return (fn: (tx: unknown) => Promise<unknown>) =>
            target.transaction(async (tx) =>
              fn(new Proxy(tx, {
                get(t, p, r) {
                  if (p !== "insert") return Reflect.get(t, p, r);
                  return (table: unknown) => {
                    if (table === auditLog) throw new Error("audit store unavailable");
                    return t.insert(table as typeof auditLog);
                  };
                },
              })),
            );
        },
      }),
    };
    await expect(service.updateContact(broken, { id: contact.id, patch: { title: "After" } })).rejects.toThrow("audit store unavailable");
    const [row] = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, contact.id)));
    expect(row!.title).toBe("Before");
    expect((await auditRows(contact.id)).filter((r) => r.action === "update")).toHaveLength(0);

    await expect(service.deleteContact(broken, { id: contact.id })).rejects.toThrow("audit store unavailable");
    const [still] = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, contact.id)));
    expect(still!.deletedAt).toBeNull();
  });
});

describe("deleting and restoring", () => {
  it("soft-deletes, hides from the list, frees the email, and restores", async () => {
    const contact = await create({ email: "gone@example.com" });
    await service.deleteContact(ctx, { id: contact.id });
    const list = await service.listContacts(ctx, { first: 500 });
    expect(list.nodes.map((n) => n.id)).not.toContain(contact.id);
    const profile = await service.getContactProfile(ctx, { id: contact.id });
    expect(profile.deletedAt).not.toBeNull();
    const restored = await service.restoreContact(ctx, { id: contact.id });
    expect(restored.deletedAt).toBeNull();
    const actions = (await auditRows(contact.id)).map((r) => r.action).sort();
    expect(actions).toEqual(["create", "delete", "restore"]);
  });

  it("refuses to restore when another active contact took the email meanwhile", async () => {
    const contact = await create({ email: "reuse@example.com" });
    await service.deleteContact(ctx, { id: contact.id });
    const replacement = await create({ email: "reuse@example.com" });
    const error = await service.restoreContact(ctx, { id: contact.id }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).message).toContain(replacement.id);
  });
});

describe("listing with keyset pagination", () => {
  it("walks every contact exactly once, newest first, with a stable total", async () => {
    const ws = await createTestWorkspace(handle.db);
    // Same created_at for many rows: the id tiebreak must keep pages disjoint.
    const now = new Date();
    await handle.db.insert(contacts).values(
      Array.from({ length: 57 }, (_, i) => ({ workspaceId: ws.workspaceId, email: `p${i}@example.com`, createdAt: i < 30 ? now : new Date(now.getTime() - i * 1000) })),
    );
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await service.listContacts(ws, { first: 10, after });
      expect(page.totalCount).toBe(57);
      seen.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(57);
  });

  it("rejects a forged cursor with BAD_REQUEST naming `after`", async () => {
    const error = await service.listContacts(ctx, { first: 10, after: "not-a-cursor" }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/^after: /);
  });
});
