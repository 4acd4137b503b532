import { type TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { savedViews } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { createCustomFieldSchema } from "../custom-fields/schemas";
import * as customFields from "../custom-fields/service";
import { saveViewSchema } from "./schemas";
import * as service from "./service";

let handle: DatabaseHandle;
let admin: ServiceContext;
let manager: ServiceContext;
let rep: ServiceContext;
let otherRep: ServiceContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  admin = await createTestWorkspace(handle.db, { role: "admin" });
  manager = await addTestMember(handle.db, admin.workspaceId, "manager");
  rep = await addTestMember(handle.db, admin.workspaceId, "rep");
  otherRep = await addTestMember(handle.db, admin.workspaceId, "rep");
  await customFields.createCustomField(admin, createCustomFieldSchema.parse({ fieldName: "budget", label: "Budget", fieldType: "number" }));
});
afterAll(async () => handle?.close());

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);
const save = (ctx: ServiceContext, input: Record<string, unknown>) => service.saveView(ctx, saveViewSchema.parse(input));
const hot = { and: [{ field: "score", operator: "gte", value: 80 }, { field: "customFields.budget", operator: "gte", value: 10000 }] };

describe("saved views", () => {
  it("saves filters, columns and sort, and opens them again", async () => {
    const view = await save(rep, {
      name: "Hot leads", filters: hot, columns: ["fullName", "email", "customFields.budget"],
      sortBy: [{ field: "customFields.budget", direction: "desc" }], isDefault: true,
    });
    expect(view).toMatchObject({ name: "Hot leads", filters: hot, columns: ["fullName", "email", "customFields.budget"], isDefault: true, visibility: "private", isMine: true, canEdit: true, dropped: [] });
    expect((await service.getView(rep, { id: view.id })).filters).toEqual(hot);
  });

  it("refuses what does not resolve at save time, with the path", async () => {
    expect((await failure(save(rep, { name: "Bad", filters: { and: [{ field: "score", operator: "gte", value: "x" }] } })))?.message).toBe("and[0].value: expected a number for score");
    expect((await failure(save(rep, { name: "Bad", sortBy: [{ field: "customFields.nope", direction: "asc" }] })))?.message).toBe('sort[0].field: no custom field "nope" on contacts');
    expect((await failure(save(rep, { name: "Bad", columns: ["customFields.nope"] })))?.message).toBe('columns[0]: no live custom field "nope"');
  });

  it("keeps one default per user", async () => {
    const first = await save(otherRep, { name: "Mine 1", isDefault: true });
    const second = await save(otherRep, { name: "Mine 2", isDefault: true });
    const defaults = (await service.listViews(otherRep, { objectType: "contact" })).filter((v) => v.isDefault).map((v) => v.id);
    expect(defaults).toEqual([second.id]);
    await service.updateView(otherRep, { id: first.id, patch: { isDefault: true } });
    const rows = await handle.db.select().from(savedViews).where(and(eq(savedViews.workspaceId, admin.workspaceId), eq(savedViews.ownerId, otherRep.actor.userId), eq(savedViews.isDefault, true)));
    expect(rows.map((r) => r.id)).toEqual([first.id]);
  });

  it("shares only from managers up; shared views are visible to all and edited by owner or managers", async () => {
    expect((await failure(save(rep, { name: "Team", visibility: "shared" })))?.code).toBe("FORBIDDEN");
    const own = await save(rep, { name: "Private one" });
    expect((await failure(service.updateView(rep, { id: own.id, patch: { visibility: "shared" } })))?.code).toBe("FORBIDDEN");

    const shared = await save(manager, { name: "Team pipeline", visibility: "shared", filters: hot, isDefault: true });
    const seenByRep = (await service.listViews(rep, { objectType: "contact" })).find((v) => v.id === shared.id)!;
    expect(seenByRep).toMatchObject({ isMine: false, canEdit: false, isDefault: false, visibility: "shared" });
    expect((await failure(service.renameView(rep, { id: shared.id, name: "Mine now" })))?.code).toBe("FORBIDDEN");
    expect((await failure(service.deleteView(rep, { id: shared.id })))?.code).toBe("FORBIDDEN");
    expect((await service.renameView(admin, { id: shared.id, name: "Team pipeline v2" })).name).toBe("Team pipeline v2");
    expect((await failure(service.updateView(admin, { id: shared.id, patch: { isDefault: true } })))?.message).toMatch(/^patch\.isDefault: only the view's owner/);

    // Private views stay private: another user cannot see, open, copy or change them.
    expect((await service.listViews(otherRep, { objectType: "contact" })).map((v) => v.id)).not.toContain(own.id);
    for (const attempt of [
      () => service.getView(otherRep, { id: own.id }),
      () => service.duplicateView(otherRep, { id: own.id }),
      () => service.renameView(admin, { id: own.id, name: "x" }),
      () => service.deleteView(manager, { id: own.id }),
    ]) expect((await failure(attempt()))?.code).toBe("NOT_FOUND");
  });

  it("duplicates any visible view into a private copy", async () => {
    const shared = await save(manager, { name: "Shared base", visibility: "shared", columns: ["email"] });
    const copy = await service.duplicateView(rep, { id: shared.id });
    expect(copy).toMatchObject({ name: "Shared base (copy)", visibility: "private", isMine: true, isDefault: false, columns: ["email"] });
    const named = await service.duplicateView(rep, { id: shared.id, name: "My take" });
    expect(named.name).toBe("My take");
    await service.deleteView(rep, { id: named.id });
    expect((await service.listViews(rep, { objectType: "contact" })).map((v) => v.id)).not.toContain(named.id);
  });

  it("opens a view naming an archived or deleted custom field, and says what it dropped", async () => {
    await customFields.createCustomField(admin, createCustomFieldSchema.parse({ fieldName: "nps", label: "NPS", fieldType: "number" }));
    const view = await save(rep, {
      name: "NPS",
      filters: { and: [{ field: "score", operator: "gte", value: 10 }, { or: [{ field: "customFields.nps", operator: "gte", value: 8 }] }] },
      columns: ["email", "customFields.nps"],
      sortBy: [{ field: "customFields.nps", direction: "desc" }, { field: "score", direction: "asc" }],
    });
    const nps = (await customFields.listCustomFields(admin, { objectType: "contact", includeArchived: false })).find((d) => d.fieldName === "nps")!;
    await customFields.deleteCustomField(admin, { id: nps.id });

    const opened = await service.getView(rep, { id: view.id });
    expect(opened.filters).toEqual({ and: [{ field: "score", operator: "gte", value: 10 }] });
    expect(opened.columns).toEqual(["email"]);
    expect(opened.sortBy).toEqual([{ field: "score", direction: "asc" }]);
    expect(opened.dropped).toEqual([
      { path: "filters.and[1].or[0].field", field: "customFields.nps", reason: 'custom field "nps" is archived; restore it or remove this condition' },
      { path: "sortBy[0]", field: "customFields.nps", reason: 'custom field "nps" is archived' },
      { path: "columns[1]", field: "customFields.nps", reason: 'custom field "nps" is archived' },
    ]);
    // The stored view is untouched, so restoring the field brings everything back.
    await customFields.restoreCustomField(admin, { id: nps.id });
    const restored = await service.getView(rep, { id: view.id });
    expect(restored.dropped).toEqual([]);
    expect(restored.columns).toEqual(["email", "customFields.nps"]);
  });

  it("never reaches another workspace's views", async () => {
    const other = await createTestWorkspace(handle.db, { role: "admin" });
    const theirs = await save(other, { name: "Theirs", visibility: "shared" });
    expect((await service.listViews(admin, { objectType: "contact" })).map((v) => v.id)).not.toContain(theirs.id);
    for (const attempt of [
      () => service.getView(admin, { id: theirs.id }),
      () => service.updateView(admin, { id: theirs.id, patch: { name: "x" } }),
      () => service.renameView(admin, { id: theirs.id, name: "x" }),
      () => service.duplicateView(admin, { id: theirs.id }),
      () => service.deleteView(admin, { id: theirs.id }),
    ]) expect((await failure(attempt()))?.code).toBe("NOT_FOUND");
  });
});
