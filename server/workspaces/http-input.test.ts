import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestAuth, createTestWorkspace, openTestDatabase } from "@/test/db";
import type { Identity } from "../trpc/identity";
import { appRouter } from "../trpc/root";
import { sessionIdentityFor } from "./test-helpers";

let handle: DatabaseHandle;
let identity: Identity;

beforeAll(async () => {
  handle = await openTestDatabase();
  identity = await sessionIdentityFor(handle.db, await createTestWorkspace(handle.db));
});
afterAll(async () => handle?.close());

/** Over HTTP, as the browser calls it, so the error formatter's "field: reason" message is what is checked. */
async function call(path: string, input: unknown, kind: "query" | "mutation") {
  const encoded = JSON.stringify({ json: input });
  const req =
    kind === "query"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(encoded)}`)
      : new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body: encoded, headers: { "content-type": "application/json" } });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ db: handle.db, auth: createTestAuth(handle.db), headers: req.headers, identity }),
  });
  const body = (await res.json()) as { error?: { json: { message: string; data: { code: string } } } };
  return { status: res.status, error: body.error?.json };
}

const malformed: Array<[string, "query" | "mutation", unknown, string]> = [
  ["workspaces.rename", "mutation", { name: "   " }, "name"],
  ["workspaces.rename", "mutation", { name: "x".repeat(81) }, "name"],
  ["workspaces.rename", "mutation", { name: "Ok", plan: "enterprise" }, "plan"],
  ["workspaces.invite", "mutation", { email: "not-an-email", role: "rep" }, "email"],
  ["workspaces.invite", "mutation", { email: "a@b.co", role: "owner" }, "role"],
  ["workspaces.invite", "mutation", { role: "rep" }, "email"],
  ["workspaces.changeRole", "mutation", { userId: "", role: "rep" }, "userId"],
  ["workspaces.changeRole", "mutation", { userId: "u1", role: "boss" }, "role"],
  ["workspaces.removeMember", "mutation", {}, "userId"],
  ["workspaces.invitations.revoke", "mutation", { id: 12 }, "id"],
  ["workspaces.invitation", "query", { token: "short" }, "token"],
  ["workspaces.acceptInvite", "mutation", { token: 42 }, "token"],
  ["apiKeys.create", "mutation", { name: "", role: "rep" }, "name"],
  ["apiKeys.create", "mutation", { name: "Zap", role: "root" }, "role"],
  ["apiKeys.revoke", "mutation", { id: "not-a-uuid" }, "id"],
];

describe("malformed input to the workspace, member and API key procedures", () => {
  it.each(malformed)("%s %#: BAD_REQUEST naming the field", async (path, kind, input, field) => {
    const { status, error } = await call(path, input, kind);
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(error?.message.startsWith(`${field}: `) || error?.message.includes(`; ${field}: `)).toBe(true);
  });
});
