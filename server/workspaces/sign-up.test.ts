import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { memberships, users, workspaces } from "@/db/schema";
import { createTestAuth, openTestDatabase } from "@/test/db";
import type { Auth } from "../auth/auth";
import { callerFor, expectTrpcError, identityFromHeaders, signUpThroughAuth } from "./test-helpers";

let handle: DatabaseHandle;
let auth: Auth;

beforeAll(async () => {
  handle = await openTestDatabase();
  auth = createTestAuth(handle.db);
});
afterAll(async () => handle?.close());

const workspaceCount = async () => (await handle.db.select({ n: count() }).from(workspaces))[0]!.n;
const membershipsOf = (userId: string) =>
  handle.db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role, name: workspaces.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId));

describe("signing up through better-auth", () => {
  it("creates exactly one workspace, with the new user as its admin", async () => {
    const before = await workspaceCount();
    const { response } = await auth.api.signUpEmail({
      body: { name: "Grace Hopper", email: "Grace@Navy.test", password: "cobol-1959" },
      returnHeaders: true,
    });
    expect(await workspaceCount()).toBe(before + 1);
    const owned = await membershipsOf(response.user.id);
    expect(owned).toEqual([{ workspaceId: expect.any(String), role: "admin", name: "Grace Hopper's workspace" }]);
    const [user] = await handle.db.select().from(users).where(eq(users.id, response.user.id));
    expect(user!.email).toBe("grace@navy.test");
  });

  it("signs the user in: the session resolves to that workspace as admin", async () => {
    const account = await signUpThroughAuth(auth, { name: "Ada" });
    const identity = await identityFromHeaders(handle.db, auth, account.headers);
    const current = await callerFor(handle.db, auth, identity).workspaces.current();
    expect(current.user).toEqual({ id: account.userId, name: "Ada", email: account.email });
    expect(current.workspace).toMatchObject({ name: "Ada's workspace", role: "admin" });
    expect(current.workspaces).toHaveLength(1);
  });

  it("lets the new admin name the workspace right away, as the sign-up form does", async () => {
    const account = await signUpThroughAuth(auth, { name: "Linus" });
    const caller = callerFor(handle.db, auth, await identityFromHeaders(handle.db, auth, account.headers));
    const renamed = await caller.workspaces.rename({ name: "  Torvalds Kernel Co  " });
    expect(renamed.name).toBe("Torvalds Kernel Co");
    const again = callerFor(handle.db, auth, await identityFromHeaders(handle.db, auth, account.headers));
    expect((await again.workspaces.current()).workspace?.name).toBe("Torvalds Kernel Co");
    await expectTrpcError(caller.workspaces.rename({ name: "" }), "BAD_REQUEST");
  });

  it("refuses a second sign-up with the same email and creates no workspace for it", async () => {
    await auth.api.signUpEmail({ body: { name: "First", email: "taken@test.local", password: "password-1" } });
    const before = await workspaceCount();
    const error = await auth.api
      .signUpEmail({ body: { name: "Second", email: "TAKEN@test.local", password: "password-2" } })
      .then(() => null, (e: unknown) => e as { body?: { code?: string } });
    expect(error?.body?.code).toMatch(/^USER_ALREADY_EXISTS/);
    expect(await workspaceCount()).toBe(before);
  });

  it("creates no workspace on sign-in", async () => {
    await auth.api.signUpEmail({ body: { name: "Returning", email: "returning@test.local", password: "password-3" } });
    const before = await workspaceCount();
    const signedIn = await auth.api.signInEmail({ body: { email: "returning@test.local", password: "password-3" } });
    expect(signedIn.user.email).toBe("returning@test.local");
    expect(await workspaceCount()).toBe(before);
  });

  it("refuses a password shorter than 8 characters", async () => {
    const error = await auth.api
      .signUpEmail({ body: { name: "Short", email: "short@test.local", password: "1234567" } })
      .then(() => null, (e: unknown) => e as { body?: { code?: string } });
    expect(error?.body?.code).toBe("PASSWORD_TOO_SHORT");
  });
});
