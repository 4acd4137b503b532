import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys, invitations, memberships } from "@/db/schema";
import { addTestMember, createTestAuth, createTestWorkspace, openTestDatabase } from "@/test/db";
import type { Auth } from "../auth/auth";
import type { ServiceContext } from "../context";
import { hashInviteToken } from "../members/invite-token";
import { resolveIdentity } from "../trpc/identity";
import { callerFor, expectTrpcError, identityFromHeaders, sessionIdentityFor, signUpThroughAuth } from "./test-helpers";

let handle: DatabaseHandle;
let auth: Auth;

beforeAll(async () => {
  handle = await openTestDatabase();
  auth = createTestAuth(handle.db);
});
afterAll(async () => handle?.close());

const callerOf = async (ctx: ServiceContext) => callerFor(handle.db, auth, await sessionIdentityFor(handle.db, ctx));
const tokenOf = (acceptUrl: string) => acceptUrl.replace(/^\/invite\//, "");
const roleIn = async (workspaceId: string, userId: string) =>
  (await handle.db.select({ role: memberships.role }).from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))))[0]?.role ?? null;

describe("what a rep and a manager may not do", () => {
  it("refuses invites, role changes, removals and renames with FORBIDDEN", async () => {
    const admin = await createTestWorkspace(handle.db);
    for (const role of ["rep", "manager"] as const) {
      const member = await addTestMember(handle.db, admin.workspaceId, role);
      const caller = await callerOf(member);
      await expectTrpcError(caller.workspaces.invite({ email: "friend@test.local", role: "rep" }), "FORBIDDEN", /Only admins can invite members/);
      await expectTrpcError(caller.workspaces.changeRole({ userId: member.userId, role: "admin" }), "FORBIDDEN");
      await expectTrpcError(caller.workspaces.removeMember({ userId: admin.userId }), "FORBIDDEN");
      await expectTrpcError(caller.workspaces.rename({ name: "Mine now" }), "FORBIDDEN");
      await expectTrpcError(caller.workspaces.invitations.list(), "FORBIDDEN");
      expect(await roleIn(admin.workspaceId, member.userId)).toBe(role);
      // Reading the member list is fine for everyone.
      expect((await caller.workspaces.members.list()).map((m) => m.userId)).toContain(admin.userId);
    }
    const [pending] = await handle.db.select().from(invitations).where(eq(invitations.workspaceId, admin.workspaceId));
    expect(pending).toBeUndefined();
  });
});

describe("inviting and accepting", () => {
  it("creates an invitation storing only the token's sha256 and returns the link", async () => {
    const admin = await createTestWorkspace(handle.db);
    const { invitation, acceptUrl } = await (await callerOf(admin)).workspaces.invite({ email: " New.Hire@Example.TEST ", role: "manager" });
    expect(acceptUrl).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({ email: "new.hire@example.test", role: "manager" });
    expect(invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    const [row] = await handle.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.tokenHash).toBe(hashInviteToken(tokenOf(acceptUrl)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(acceptUrl));
  });

  it("lets the invited person sign up, preview, accept and then act in the workspace with the invited role", async () => {
    const admin = await createTestWorkspace(handle.db, { name: "Acme" });
    const adminCaller = await callerOf(admin);
    const { acceptUrl } = await adminCaller.workspaces.invite({ email: "Invitee@Acme.test", role: "manager" });
    const token = tokenOf(acceptUrl);

    const anonymous = callerFor(handle.db, auth, null);
    expect(await anonymous.workspaces.invitation({ token })).toMatchObject({
      status: "pending", workspaceName: "Acme", email: "invitee@acme.test", role: "manager",
    });
    await expectTrpcError(anonymous.workspaces.acceptInvite({ token }), "UNAUTHORIZED");

    const invitee = await signUpThroughAuth(auth, { name: "Ivy Invitee", email: "invitee@acme.test" });
    const invitedCaller = callerFor(handle.db, auth, await identityFromHeaders(handle.db, auth, invitee.headers));
    const accepted = await invitedCaller.workspaces.acceptInvite({ token });
    expect(accepted).toEqual({ workspaceId: admin.workspaceId, workspaceName: "Acme", role: "manager", alreadyMember: false });
    expect(await roleIn(admin.workspaceId, invitee.userId)).toBe("manager");

    // The client switches by cookie; the session now resolves into Acme as a manager.
    const headers = new Headers(invitee.headers);
    headers.set("cookie", `${invitee.headers.get("cookie")}; hastecrm_workspace=${admin.workspaceId}`);
    const inAcme = await identityFromHeaders(handle.db, auth, headers);
    expect(inAcme.workspace).toMatchObject({ id: admin.workspaceId, actor: { role: "manager" } });
    const current = await callerFor(handle.db, auth, inAcme).workspaces.current();
    expect(current.workspaces.map((w) => w.name).sort()).toEqual(["Acme", "Ivy Invitee's workspace"]);

    expect((await adminCaller.workspaces.members.list()).find((m) => m.userId === invitee.userId)).toMatchObject({ role: "manager" });
    expect(await adminCaller.workspaces.invitations.list()).toEqual([]);
    expect((await anonymous.workspaces.invitation({ token }))?.status).toBe("accepted");

    // Following one's own link again is harmless.
    expect(await invitedCaller.workspaces.acceptInvite({ token })).toMatchObject({ alreadyMember: true, role: "manager" });
  });

  it("refuses a signed-in user whose email is not the invited one", async () => {
    const admin = await createTestWorkspace(handle.db);
    const { acceptUrl } = await (await callerOf(admin)).workspaces.invite({ email: "right@test.local", role: "rep" });
    const stranger = await signUpThroughAuth(auth, { email: "wrong@test.local" });
    const caller = callerFor(handle.db, auth, await identityFromHeaders(handle.db, auth, stranger.headers));
    await expectTrpcError(caller.workspaces.acceptInvite({ token: tokenOf(acceptUrl) }), "FORBIDDEN", /right@test\.local/);
    expect(await roleIn(admin.workspaceId, stranger.userId)).toBeNull();
  });

  it("refuses an expired invitation, an unknown token and a replaced link", async () => {
    const admin = await createTestWorkspace(handle.db);
    const adminCaller = await callerOf(admin);
    const invitee = await signUpThroughAuth(auth, { email: "late@test.local" });
    const caller = callerFor(handle.db, auth, await identityFromHeaders(handle.db, auth, invitee.headers));

    const expired = await adminCaller.workspaces.invite({ email: "late@test.local", role: "rep" });
    await handle.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitation.id));
    await expectTrpcError(caller.workspaces.acceptInvite({ token: tokenOf(expired.acceptUrl) }), "BAD_REQUEST", /expired/);
    expect((await callerFor(handle.db, auth, null).workspaces.invitation({ token: tokenOf(expired.acceptUrl) }))?.status).toBe("expired");

    await expectTrpcError(caller.workspaces.acceptInvite({ token: "A".repeat(43) }), "NOT_FOUND", /not valid/);

    const first = await adminCaller.workspaces.invite({ email: "late@test.local", role: "rep" });
    const second = await adminCaller.workspaces.invite({ email: "late@test.local", role: "manager" });
    await expectTrpcError(caller.workspaces.acceptInvite({ token: tokenOf(first.acceptUrl) }), "NOT_FOUND");
    expect((await caller.workspaces.acceptInvite({ token: tokenOf(second.acceptUrl) })).role).toBe("manager");
    expect(await roleIn(admin.workspaceId, invitee.userId)).toBe("manager");
  });

  it("refuses a used link to anyone but the member who used it", async () => {
    const admin = await createTestWorkspace(handle.db);
    const { acceptUrl } = await (await callerOf(admin)).workspaces.invite({ email: "once@test.local", role: "rep" });
    const invitee = await signUpThroughAuth(auth, { email: "once@test.local" });
    const caller = callerFor(handle.db, auth, await identityFromHeaders(handle.db, auth, invitee.headers));
    await caller.workspaces.acceptInvite({ token: tokenOf(acceptUrl) });
    // Removed afterwards, the same person cannot walk back in with the old link.
    await (await callerOf(admin)).workspaces.removeMember({ userId: invitee.userId });
    await expectTrpcError(caller.workspaces.acceptInvite({ token: tokenOf(acceptUrl) }), "BAD_REQUEST", /already been used/);
    expect(await roleIn(admin.workspaceId, invitee.userId)).toBeNull();
  });

  it("refuses inviting someone who is already a member", async () => {
    const admin = await createTestWorkspace(handle.db);
    const member = await signUpThroughAuth(auth, { email: "already@test.local" });
    await handle.db.insert(memberships).values({ workspaceId: admin.workspaceId, userId: member.userId, role: "rep" });
    await expectTrpcError((await callerOf(admin)).workspaces.invite({ email: "ALREADY@test.local", role: "admin" }), "CONFLICT");
  });

  it("lets an admin revoke a pending invitation", async () => {
    const admin = await createTestWorkspace(handle.db);
    const adminCaller = await callerOf(admin);
    const { invitation, acceptUrl } = await adminCaller.workspaces.invite({ email: "revoked@test.local", role: "rep" });
    await adminCaller.workspaces.invitations.revoke({ id: invitation.id });
    expect(await callerFor(handle.db, auth, null).workspaces.invitation({ token: tokenOf(acceptUrl) })).toBeNull();
    await expectTrpcError(adminCaller.workspaces.invitations.revoke({ id: invitation.id }), "NOT_FOUND");
  });

  it("refuses invitations from an admin API key", async () => {
    const admin = await createTestWorkspace(handle.db);
    const { key } = await (await callerOf(admin)).apiKeys.create({ name: "Admin key", role: "admin" });
    const headers = new Headers({ authorization: `Bearer ${key}` });
    const caller = callerFor(handle.db, auth, await resolveIdentity(handle.db, auth, headers));
    await expectTrpcError(caller.workspaces.invite({ email: "x@test.local", role: "admin" }), "FORBIDDEN", /API keys cannot/);
  });
});

describe("roles and removal", () => {
  it("changes a member's role", async () => {
    const admin = await createTestWorkspace(handle.db);
    const rep = await addTestMember(handle.db, admin.workspaceId, "rep");
    const caller = await callerOf(admin);
    expect(await caller.workspaces.changeRole({ userId: rep.userId, role: "manager" })).toEqual({ userId: rep.userId, role: "manager" });
    expect(await roleIn(admin.workspaceId, rep.userId)).toBe("manager");
    await expectTrpcError(caller.workspaces.changeRole({ userId: "no-such-user", role: "rep" }), "NOT_FOUND");
  });

  it("keeps the last admin: no self-demotion or self-removal while alone", async () => {
    const admin = await createTestWorkspace(handle.db);
    await addTestMember(handle.db, admin.workspaceId, "manager");
    const caller = await callerOf(admin);
    await expectTrpcError(caller.workspaces.changeRole({ userId: admin.userId, role: "manager" }), "BAD_REQUEST", /at least one admin/);
    await expectTrpcError(caller.workspaces.removeMember({ userId: admin.userId }), "BAD_REQUEST", /at least one admin/);
    expect(await roleIn(admin.workspaceId, admin.userId)).toBe("admin");
  });

  it("lets an admin step down once another admin exists", async () => {
    const admin = await createTestWorkspace(handle.db);
    const other = await addTestMember(handle.db, admin.workspaceId, "admin");
    await (await callerOf(admin)).workspaces.changeRole({ userId: admin.userId, role: "rep" });
    expect(await roleIn(admin.workspaceId, admin.userId)).toBe("rep");
    await expectTrpcError((await callerOf(other)).workspaces.changeRole({ userId: other.userId, role: "rep" }), "BAD_REQUEST");
  });

  it("never leaves the workspace without an admin when two admins demote each other at once", async () => {
    const first = await createTestWorkspace(handle.db);
    const second = await addTestMember(handle.db, first.workspaceId, "admin");
    const results = await Promise.allSettled([
      (await callerOf(first)).workspaces.changeRole({ userId: second.userId, role: "rep" }),
      (await callerOf(second)).workspaces.changeRole({ userId: first.userId, role: "rep" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = [await roleIn(first.workspaceId, first.userId), await roleIn(first.workspaceId, second.userId)];
    expect(roles.filter((role) => role === "admin")).toHaveLength(1);
  });

  it("removes a member, revokes the keys they created, and their session loses the workspace", async () => {
    const admin = await createTestWorkspace(handle.db);
    const adminCaller = await callerOf(admin);
    const leaver = await signUpThroughAuth(auth, { email: "leaver@test.local" });
    await handle.db.insert(memberships).values({ workspaceId: admin.workspaceId, userId: leaver.userId, role: "admin" });
    const leaverHeaders = new Headers({ cookie: `${leaver.headers.get("cookie")}; hastecrm_workspace=${admin.workspaceId}` });
    const leaverCaller = callerFor(handle.db, auth, await identityFromHeaders(handle.db, auth, leaverHeaders));
    const { key } = await leaverCaller.apiKeys.create({ name: "Leaver's sync", role: "admin" });

    expect(await adminCaller.workspaces.removeMember({ userId: leaver.userId })).toEqual({ userId: leaver.userId, revokedApiKeys: 1 });
    expect(await roleIn(admin.workspaceId, leaver.userId)).toBeNull();
    const [keyRow] = await handle.db.select().from(apiKeys).where(eq(apiKeys.workspaceId, admin.workspaceId));
    expect(keyRow!.revokedAt).toBeInstanceOf(Date);
    expect(await resolveIdentity(handle.db, auth, new Headers({ authorization: `Bearer ${key}` }))).toBeNull();
    // The cookie still names the old workspace; the session falls back to the leaver's own.
    expect((await identityFromHeaders(handle.db, auth, leaverHeaders)).workspace?.id).not.toBe(admin.workspaceId);
    await expectTrpcError(adminCaller.workspaces.removeMember({ userId: leaver.userId }), "NOT_FOUND");
  });
});
