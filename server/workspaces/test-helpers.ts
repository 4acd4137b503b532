import { expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Auth } from "../auth/auth";
import type { ServiceContext } from "../context";
import { resolveIdentity, type Identity } from "../trpc/identity";
import { createCallerFactory } from "../trpc/init";
import { appRouter } from "../trpc/root";

const createCaller = createCallerFactory(appRouter);

export function callerFor(db: Database, auth: Auth, identity: Identity | null, headers = new Headers()) {
  return createCaller({ db, auth, headers, identity });
}

/** The identity a signed-in member gets for `ctx`'s workspace, with their real email (invitations match on it). */
export async function sessionIdentityFor(db: Database, ctx: ServiceContext): Promise<Identity> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId));
  return {
    userId: ctx.actor.userId, userName: ctx.actor.name, userEmail: user?.email ?? null, via: "session",
    workspace: { id: ctx.workspaceId, name: "Test", actor: ctx.actor },
  };
}

let signUpCounter = 0;

/**
 * Signs a new user up through better-auth and returns the request headers their browser would send
 * (the session cookie), so identities are built by resolveIdentity exactly as on a real request.
 */
export async function signUpThroughAuth(auth: Auth, options: { name?: string; email?: string } = {}) {
  const n = ++signUpCounter;
  const email = options.email ?? `signup${n}-${crypto.randomUUID().slice(0, 8)}@test.local`;
  const name = options.name ?? `Signed Up ${n}`;
  const { headers: responseHeaders, response } = await auth.api.signUpEmail({
    body: { name, email, password: "correct horse battery" },
    returnHeaders: true,
  });
  const cookie = responseHeaders
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { userId: response.user.id, email, name, headers: new Headers({ cookie }) };
}

export async function identityFromHeaders(db: Database, auth: Auth, headers: Headers): Promise<Identity> {
  const identity = await resolveIdentity(db, auth, headers);
  if (!identity) throw new Error("expected the headers to identify someone");
  return identity;
}

export async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}
