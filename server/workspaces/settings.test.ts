import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { addTestMember, createTestAuth, createTestWorkspace, openTestDatabase } from "@/test/db";
import type { Auth } from "../auth/auth";
import type { ServiceContext } from "../context";
import { callerFor, expectTrpcError, sessionIdentityFor } from "./test-helpers";

let handle: DatabaseHandle;
let auth: Auth;

beforeAll(async () => {
  handle = await openTestDatabase();
  auth = createTestAuth(handle.db);
});
afterAll(async () => handle?.close());

const callerOf = async (ctx: ServiceContext) => callerFor(handle.db, auth, await sessionIdentityFor(handle.db, ctx));

describe("workspace settings: who may export", () => {
  it("defaults to admins, lets an admin widen it with an audit entry, and refuses everyone else", async () => {
    const admin = await createTestWorkspace(handle.db);
    const manager = await addTestMember(handle.db, admin.workspaceId, "manager");
    const adminCaller = await callerOf(admin);
    const managerCaller = await callerOf(manager);

    expect(await managerCaller.workspaces.settings()).toEqual({ exportRoles: ["admin"] });
    await expectTrpcError(managerCaller.workspaces.updateSettings({ exportRoles: ["admin", "manager"] }), "FORBIDDEN");

    // Stored in role order, whatever order the form sent.
    expect(await adminCaller.workspaces.updateSettings({ exportRoles: ["manager", "admin"] })).toEqual({ exportRoles: ["admin", "manager"] });
    expect(await managerCaller.workspaces.settings()).toEqual({ exportRoles: ["admin", "manager"] });
    const audits = await handle.db.select().from(auditLog)
      .where(and(eq(auditLog.workspaceId, admin.workspaceId), eq(auditLog.entityType, "workspace")));
    expect(audits.map((entry) => entry.changes)).toEqual([{ exportRoles: { old: ["admin"], new: ["admin", "manager"] } }]);
  });

  it("names the field and the reason for a bad list", async () => {
    const admin = await createTestWorkspace(handle.db);
    const caller = await callerOf(admin);
    const issuesOf = async (promise: Promise<unknown>) => {
      const error = await expectTrpcError(promise, "BAD_REQUEST");
      return (error.cause as unknown as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(await issuesOf(caller.workspaces.updateSettings({ exportRoles: ["manager"] }))).toEqual(["exportRoles: must include admin: admins can always export"]);
    expect(await issuesOf(caller.workspaces.updateSettings({ exportRoles: ["admin", "owner" as "admin"] }))).toEqual(["exportRoles.1: must be one of admin, manager, rep"]);
    expect(await caller.workspaces.settings()).toEqual({ exportRoles: ["admin"] });
  });

  it("keeps one workspace's setting out of another's", async () => {
    const first = await createTestWorkspace(handle.db);
    const second = await createTestWorkspace(handle.db);
    await (await callerOf(first)).workspaces.updateSettings({ exportRoles: ["admin", "manager", "rep"] });
    expect(await (await callerOf(second)).workspaces.settings()).toEqual({ exportRoles: ["admin"] });
  });
});
