import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import { addTestMember, createTestAuth, createTestWorkspace, openTestDatabase, testDatabaseKind } from "@/test/db";
import { callerFor, expectTrpcError, sessionIdentityFor } from "../workspaces/test-helpers";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe("search router", () => {
  it("serves search.contacts, search.capabilities and guards reindexing by role", async () => {
    const auth = createTestAuth(handle.db);
    const admin = await createTestWorkspace(handle.db);
    await handle.db.insert(contacts).values({ workspaceId: admin.workspaceId, email: "ada@analytical.example", firstName: "Ada", lastName: "Lovelace" });
    const caller = callerFor(handle.db, auth, await sessionIdentityFor(handle.db, admin));

    const result = await caller.search.contacts({ query: "lovel" });
    expect(result).toMatchObject({ totalCount: 1, nodes: [{ fullName: "Ada Lovelace", highlights: [{ field: "fullName", snippet: "Ada <mark>Lovelace</mark>" }] }] });
    await expectTrpcError(caller.search.contacts({ query: "x", first: 500 }), "BAD_REQUEST");

    expect(await caller.search.capabilities()).toEqual({ semantic: testDatabaseKind() === "pglite" });

    const rep = await addTestMember(handle.db, admin.workspaceId, "rep");
    const repCaller = callerFor(handle.db, auth, await sessionIdentityFor(handle.db, rep));
    await expectTrpcError(repCaller.search.reindexEmbeddings(), "FORBIDDEN");
    if (testDatabaseKind() === "postgres") {
      await expectTrpcError(caller.search.semantic({ query: "analysts" }), "PRECONDITION_FAILED", /pgvector/);
      expect(await caller.search.embeddingStatus()).toMatchObject({ available: false });
    } else {
      expect(await caller.search.embeddingStatus()).toMatchObject({ available: true, liveContacts: 1 });
    }
  });
});
