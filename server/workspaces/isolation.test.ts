import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import { createTestAuth, openTestDatabase } from "@/test/db";
import type { Auth } from "../auth/auth";
import { callerFor, expectTrpcError, identityFromHeaders, signUpThroughAuth } from "./test-helpers";

let handle: DatabaseHandle;
let auth: Auth;
let callerA: ReturnType<typeof callerFor>;
let callerB: ReturnType<typeof callerFor>;
let workspaceB: string;
let liveB: { id: string; email: string };
let deletedB: { id: string; email: string };
let ownA: { id: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  auth = createTestAuth(handle.db);
  // Both users sign up for real, so each identity comes from a session cookie through resolveIdentity.
  const a = await signUpThroughAuth(auth, { name: "Alice A" });
  const b = await signUpThroughAuth(auth, { name: "Bob B" });
  const identityA = await identityFromHeaders(handle.db, auth, a.headers);
  const identityB = await identityFromHeaders(handle.db, auth, b.headers);
  expect(identityA.workspace!.id).not.toBe(identityB.workspace!.id);
  workspaceB = identityB.workspace!.id;
  callerA = callerFor(handle.db, auth, identityA, a.headers);
  callerB = callerFor(handle.db, auth, identityB, b.headers);

  liveB = await callerB.contacts.create({ email: "secret-lead@b-corp.test", firstName: "Secret", lastName: "Lead" });
  deletedB = await callerB.contacts.create({ email: "gone@b-corp.test", firstName: "Gone" });
  await callerB.contacts.delete({ id: deletedB.id });
  ownA = await callerA.contacts.create({ email: "mine@a-corp.test", firstName: "Mine" });
});
afterAll(async () => handle?.close());

async function contactRowOfB(id: string) {
  const [row] = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceB), eq(contacts.id, id)));
  return row!;
}

describe("a member of workspace A reaching for workspace B's contacts", () => {
  it("gets NOT_FOUND from contacts.get", async () => {
    await expectTrpcError(callerA.contacts.get({ id: liveB.id }), "NOT_FOUND");
    await expectTrpcError(callerA.contacts.get({ id: deletedB.id }), "NOT_FOUND");
  });

  it("gets NOT_FOUND from contacts.update, and B's contact is unchanged", async () => {
    await expectTrpcError(callerA.contacts.update({ id: liveB.id, patch: { firstName: "Hijacked" } }), "NOT_FOUND");
    expect((await contactRowOfB(liveB.id)).firstName).toBe("Secret");
  });

  it("gets NOT_FOUND from contacts.delete, and B's contact stays live", async () => {
    await expectTrpcError(callerA.contacts.delete({ id: liveB.id }), "NOT_FOUND");
    expect((await contactRowOfB(liveB.id)).deletedAt).toBeNull();
  });

  it("gets NOT_FOUND from contacts.restore, and B's deleted contact stays deleted", async () => {
    await expectTrpcError(callerA.contacts.restore({ id: deletedB.id }), "NOT_FOUND");
    await expectTrpcError(callerA.contacts.restore({ id: liveB.id }), "NOT_FOUND");
    expect((await contactRowOfB(deletedB.id)).deletedAt).not.toBeNull();
  });

  it("gets NOT_FOUND from contacts.history", async () => {
    await expectTrpcError(callerA.contacts.history({ id: liveB.id }), "NOT_FOUND");
    await expectTrpcError(callerA.contacts.history({ id: deletedB.id }), "NOT_FOUND");
  });

  it("never sees B's rows in contacts.list, deleted ones included", async () => {
    for (const includeDeleted of [false, true]) {
      const page = await callerA.contacts.list({ first: 500, includeDeleted, exactCount: true });
      expect(page.nodes.map((node) => node.id)).toEqual([ownA.id]);
      expect(page.totalCount).toBe(1);
    }
  });

  it("left no audit entry in B for any of the refused attempts", async () => {
    const entries = await handle.db
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, workspaceB), eq(auditLog.entityType, "contact")));
    // B's own create, create and delete; nothing from A.
    expect(entries.map((e) => e.action).sort()).toEqual(["create", "create", "delete"]);
  });

  it("can still create a contact with B's email in A: workspaces do not share an email namespace", async () => {
    const twin = await callerA.contacts.create({ email: liveB.email });
    expect(twin.id).not.toBe(liveB.id);
    expect(twin.workspaceId).not.toBe(workspaceB);
  });

  it("B itself still reads its contact (the refusals above were not a broken lookup)", async () => {
    const profile = await callerB.contacts.get({ id: liveB.id });
    expect(profile.id).toBe(liveB.id);
    expect(profile.firstName).toBe("Secret");
  });
});
