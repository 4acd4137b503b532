import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { addTestMember, createTestAuth, openTestDatabase } from "@/test/db";
import type { Auth } from "../auth/auth";
import { resolveIdentity } from "../trpc/identity";
import { callerFor, expectTrpcError, identityFromHeaders, sessionIdentityFor, signUpThroughAuth } from "../workspaces/test-helpers";
import { hashApiKey } from "./hash";

let handle: DatabaseHandle;
let auth: Auth;
let adminA: ReturnType<typeof callerFor>;
let adminB: ReturnType<typeof callerFor>;
let workspaceA: string;
let workspaceB: string;
let contactA: { id: string };
let contactB: { id: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  auth = createTestAuth(handle.db);
  const a = await signUpThroughAuth(auth, { name: "Ann Admin" });
  const b = await signUpThroughAuth(auth, { name: "Ben Admin" });
  const identityA = await identityFromHeaders(handle.db, auth, a.headers);
  const identityB = await identityFromHeaders(handle.db, auth, b.headers);
  workspaceA = identityA.workspace!.id;
  workspaceB = identityB.workspace!.id;
  adminA = callerFor(handle.db, auth, identityA);
  adminB = callerFor(handle.db, auth, identityB);
  contactA = await adminA.contacts.create({ email: "a-only@a.test" });
  contactB = await adminB.contacts.create({ email: "b-only@b.test", firstName: "Bee" });
});
afterAll(async () => handle?.close());

/** A caller whose identity comes from the Authorization header, the way the tRPC route builds it. */
async function callerWithKey(key: string, extra: Record<string, string> = {}) {
  const headers = new Headers({ authorization: `Bearer ${key}`, ...extra });
  return callerFor(handle.db, auth, await resolveIdentity(handle.db, auth, headers), headers);
}

describe("creating a key", () => {
  it("returns the plaintext once and stores only its sha256 and prefix", async () => {
    const { key, apiKey } = await adminA.apiKeys.create({ name: "Zapier", role: "rep" });
    expect(key).toMatch(/^hck_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 12));
    expect(apiKey).not.toHaveProperty("keyHash");

    const [row] = await handle.db.select().from(apiKeys).where(and(eq(apiKeys.workspaceId, workspaceA), eq(apiKeys.id, apiKey.id)));
    expect(row!.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);

    const listed = await adminA.apiKeys.list();
    const entry = listed.find((item) => item.id === apiKey.id)!;
    expect(entry).toMatchObject({ name: "Zapier", role: "rep", prefix: apiKey.prefix, revokedAt: null, createdByName: "Ann Admin" });
    expect(JSON.stringify(listed)).not.toContain(key);
  });
});

describe("an API key of workspace A", () => {
  it("reads A's contacts and records its last use", async () => {
    const { key, apiKey } = await adminA.apiKeys.create({ name: "Reader", role: "rep" });
    const caller = await callerWithKey(key);
    const page = await caller.contacts.list({ exactCount: true });
    expect(page.nodes.map((node) => node.id)).toEqual([contactA.id]);
    const listed = await adminA.apiKeys.list();
    expect(listed.find((item) => item.id === apiKey.id)!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("gets NOT_FOUND for B's contact on every procedure and never lists it", async () => {
    const { key } = await adminA.apiKeys.create({ name: "Prober", role: "admin" });
    const caller = await callerWithKey(key);
    await expectTrpcError(caller.contacts.get({ id: contactB.id }), "NOT_FOUND");
    await expectTrpcError(caller.contacts.update({ id: contactB.id, patch: { firstName: "Stolen" } }), "NOT_FOUND");
    await expectTrpcError(caller.contacts.delete({ id: contactB.id }), "NOT_FOUND");
    await expectTrpcError(caller.contacts.restore({ id: contactB.id }), "NOT_FOUND");
    await expectTrpcError(caller.contacts.history({ id: contactB.id }), "NOT_FOUND");
    const page = await caller.contacts.list({ first: 500, includeDeleted: true });
    expect(page.nodes.some((node) => node.id === contactB.id)).toBe(false);
    expect((await adminB.contacts.get({ id: contactB.id })).firstName).toBe("Bee");
  });

  it("stays bound to A even when the request asks for workspace B", async () => {
    const { key } = await adminA.apiKeys.create({ name: "Header trick", role: "admin" });
    const caller = await callerWithKey(key, { "x-workspace-id": workspaceB, cookie: `hastecrm_workspace=${workspaceB}` });
    expect(await caller.workspaces.ping()).toEqual({ workspaceId: workspaceA });
    await expectTrpcError(caller.contacts.get({ id: contactB.id }), "NOT_FOUND");
  });

  it("cannot list or revoke B's keys", async () => {
    const { apiKey: keyOfB } = await adminB.apiKeys.create({ name: "B's integration", role: "rep" });
    const { key } = await adminA.apiKeys.create({ name: "Revoker", role: "admin" });
    const caller = await callerWithKey(key);
    expect((await caller.apiKeys.list()).some((item) => item.id === keyOfB.id)).toBe(false);
    await expectTrpcError(caller.apiKeys.revoke({ id: keyOfB.id }), "NOT_FOUND");
    await expectTrpcError(adminA.apiKeys.revoke({ id: keyOfB.id }), "NOT_FOUND");
    expect((await adminB.apiKeys.list()).find((item) => item.id === keyOfB.id)!.revokedAt).toBeNull();
  });
});

describe("revoked and unknown keys", () => {
  it("answers UNAUTHORIZED once a key is revoked", async () => {
    const { key, apiKey } = await adminA.apiKeys.create({ name: "Short-lived", role: "rep" });
    expect((await (await callerWithKey(key)).contacts.list({})).nodes).toHaveLength(1);

    await adminA.apiKeys.revoke({ id: apiKey.id });
    expect(await resolveIdentity(handle.db, auth, new Headers({ authorization: `Bearer ${key}` }))).toBeNull();
    await expectTrpcError((await callerWithKey(key)).contacts.list({}), "UNAUTHORIZED");
    expect((await adminA.apiKeys.list()).find((item) => item.id === apiKey.id)!.revokedAt).toBeInstanceOf(Date);
    await expectTrpcError(adminA.apiKeys.revoke({ id: apiKey.id }), "NOT_FOUND");
  });

  it("answers UNAUTHORIZED for a key that was never issued", async () => {
    await expectTrpcError((await callerWithKey(`hck_${"x".repeat(43)}`)).contacts.list({}), "UNAUTHORIZED");
  });
});

describe("who may manage keys", () => {
  it("refuses reps and managers, and lets them see the list without secrets", async () => {
    for (const role of ["rep", "manager"] as const) {
      const member = await addTestMember(handle.db, workspaceA, role);
      const caller = callerFor(handle.db, auth, await sessionIdentityFor(handle.db, member));
      await expectTrpcError(caller.apiKeys.create({ name: "Mine", role: "rep" }), "FORBIDDEN", /Only admins can create API keys/);
      const [anyKey] = await adminA.apiKeys.list();
      await expectTrpcError(caller.apiKeys.revoke({ id: anyKey!.id }), "FORBIDDEN");
      expect((await caller.apiKeys.list()).length).toBeGreaterThan(0);
    }
  });

  it("refuses an admin-role API key: keys are minted by signed-in admins only", async () => {
    const { key } = await adminA.apiKeys.create({ name: "Admin integration", role: "admin" });
    await expectTrpcError((await callerWithKey(key)).apiKeys.create({ name: "Child", role: "admin" }), "FORBIDDEN", /API keys cannot/);
  });

  it("rejects a bad name or role with BAD_REQUEST naming the field", async () => {
    await expectTrpcError(adminA.apiKeys.create({ name: "  ", role: "rep" }), "BAD_REQUEST");
    await expectTrpcError(adminA.apiKeys.create({ name: "x", role: "owner" as "rep" }), "BAD_REQUEST");
  });
});
