import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestAuth, createTestWorkspace, openTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import type { Identity } from "./identity";
import { appRouter } from "./root";

let handle: DatabaseHandle;
let ctx: ServiceContext;
let identity: Identity;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = await createTestWorkspace(handle.db);
  identity = {
    userId: ctx.actor.userId, userName: ctx.actor.name, userEmail: null, via: "session",
    workspace: { id: ctx.workspaceId, name: "Test", actor: ctx.actor },
  };
});
afterAll(async () => handle?.close());

/** Calls a procedure over HTTP exactly as the browser does, so the error formatter is part of what is tested. */
async function call(path: string, input: unknown, kind: "query" | "mutation") {
  const auth = createTestAuth(handle.db);
  const encoded = JSON.stringify({ json: input });
  const req =
    kind === "query"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(encoded)}`)
      : new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body: encoded, headers: { "content-type": "application/json" } });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ db: handle.db, auth, headers: req.headers, identity }),
  });
  const body = (await res.json()) as { error?: { json: { message: string; data: { code: string; httpStatus: number; fieldErrors: Record<string, string> | null } } }; result?: unknown };
  return { status: res.status, error: body.error?.json, body };
}

const malformed: Array<[string, "query" | "mutation", unknown, string]> = [
  ["contacts.create", "mutation", { email: "not-an-email" }, "email"],
  ["contacts.create", "mutation", {}, "email"],
  ["contacts.create", "mutation", { email: "a@b.co", score: "high" }, "score"],
  ["contacts.create", "mutation", { email: "a@b.co", score: 1000 }, "score"],
  ["contacts.create", "mutation", { email: "a@b.co", lifecycleStage: "hot" }, "lifecycleStage"],
  ["contacts.create", "mutation", { email: "a@b.co", website: "not a url" }, "website"],
  ["contacts.create", "mutation", { email: "a@b.co", phone: "call me" }, "phone"],
  ["contacts.create", "mutation", { email: "a@b.co", companyId: "42" }, "companyId"],
  ["contacts.create", "mutation", { email: "a@b.co", shoeSize: 44 }, "shoeSize"],
  ["contacts.create", "mutation", "just a string", "input"],
  ["contacts.update", "mutation", { id: "nope", patch: {} }, "id"],
  ["contacts.update", "mutation", { id: crypto.randomUUID(), patch: { email: "x" } }, "patch.email"],
  ["contacts.get", "query", { id: "1 or 1=1" }, "id"],
  ["contacts.get", "query", null, "input"],
  ["contacts.list", "query", { first: -5 }, "first"],
  ["contacts.list", "query", { first: "ten" }, "first"],
  ["contacts.list", "query", { after: "garbage" }, "after"],
  ["contacts.delete", "mutation", { id: 7 }, "id"],
  ["contacts.restore", "mutation", {}, "id"],
  ["contacts.history", "query", { id: "x" }, "id"],
];

describe("malformed input over HTTP", () => {
  it.each(malformed)("%s %#: BAD_REQUEST naming the field", async (path, kind, input, field) => {
    const { status, error } = await call(path, input, kind);
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(error?.message.startsWith(`${field}: `) || error?.message.includes(`; ${field}: `)).toBe(true);
  });

  it("reports every invalid field at once with fieldErrors", async () => {
    const { error } = await call("contacts.create", { email: "bad", score: -1 }, "mutation");
    expect(error?.data.fieldErrors).toMatchObject({ email: expect.any(String), score: expect.any(String) });
  });

  it("answers a duplicate with CONFLICT and the existing contact's id", async () => {
    const first = await call("contacts.create", { email: "http-dup@example.com" }, "mutation");
    expect(first.status).toBe(200);
    const second = await call("contacts.create", { email: " HTTP-DUP@example.com" }, "mutation");
    expect(second.status).toBe(409);
    expect(second.error?.message).toMatch(/^email: /);
    expect((second.error?.data as unknown as { existingId: string }).existingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers UNAUTHORIZED without a session or key", async () => {
    const saved = identity;
    identity = null as unknown as Identity;
    try {
      const { status, error } = await call("contacts.list", {}, "query");
      expect(status).toBe(401);
      expect(error?.data.code).toBe("UNAUTHORIZED");
    } finally {
      identity = saved;
    }
  });
});
