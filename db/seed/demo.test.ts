import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, contacts, memberships, users, workspaces } from "@/db/schema";
import type { Auth } from "@/server/auth/auth";
import type { ServiceContext } from "@/server/context";
import { getContactProfile, listContacts } from "@/server/contacts/service";
import { createTestAuth, openTestDatabase } from "@/test/db";
import { DEMO_EMAIL, DEMO_WORKSPACE, ensureDemoWorkspace } from "./demo";

let handle: DatabaseHandle;
let auth: Auth;
let dataDir: string;
const messages: string[] = [];
const log = (message: string) => messages.push(message);

beforeAll(async () => {
  handle = await openTestDatabase();
  auth = createTestAuth(handle.db);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-demo-"));
  await ensureDemoWorkspace(handle.db, auth, { dataDir, log });
}, 120_000);
afterAll(async () => {
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function demoContext(): Promise<ServiceContext> {
  const [row] = await handle.db
    .select({ workspaceId: workspaces.id, userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, DEMO_EMAIL), eq(workspaces.name, DEMO_WORKSPACE)));
  return { db: handle.db, workspaceId: row!.workspaceId, actor: { type: "user", userId: row!.userId, name: row!.name, role: "admin" } };
}

describe("the demo workspace", () => {
  it("prints how to sign in, with a password kept only in a private file, and the password works", async () => {
    const password = fs.readFileSync(path.join(dataDir, "demo-password"), "utf8").trim();
    expect(fs.statSync(path.join(dataDir, "demo-password")).mode & 0o777).toBe(0o600);
    expect(messages.at(-1)).toBe(`Demo workspace: sign in as ${DEMO_EMAIL} with password ${password}`);
    const signIn = await auth.api.signInEmail({ body: { email: DEMO_EMAIL, password } });
    expect(signIn.user.email).toBe(DEMO_EMAIL);
  });

  it("has the admin and four teammates (a manager and reps) in one workspace, and no stray workspaces", async () => {
    const ctx = await demoContext();
    const members = await handle.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, ctx.workspaceId));
    expect(members.map((m) => m.role).sort()).toEqual(["admin", "manager", "rep", "rep", "rep"]);
    expect((await handle.db.select({ n: count() }).from(workspaces))[0]!.n).toBe(1);
  });

  it("fills it with 2,000 contacts, each audited once, browsable through the contacts service", async () => {
    const ctx = await demoContext();
    const page = await listContacts(ctx, { first: 50 });
    expect(page.totalCount).toBe(2000);
    expect(page.nodes).toHaveLength(50);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const audits = await handle.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.workspaceId, ctx.workspaceId), eq(auditLog.action, "create"), eq(auditLog.actorType, "system")));
    expect(audits[0]!.n).toBe(2000);

    const [busiest] = await handle.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.lifecycleStage, "customer")))
      .limit(1);
    const profile = await getContactProfile(ctx, { id: busiest!.id });
    expect(profile.companyRecord?.id).toBe(profile.companyId);
    expect(profile.activities.length).toBeGreaterThan(0);
    expect(profile.customFieldDefinitions.length).toBe(7);
    expect(profile.lastActivityAt?.getTime()).toBe(profile.activities[0]!.occurredAt.getTime());
  });

  it("does nothing but print on the next start, and explains how to reset when the password file is gone", async () => {
    const before = (await handle.db.select({ n: count() }).from(contacts))[0]!.n;
    messages.length = 0;
    await ensureDemoWorkspace(handle.db, auth, { dataDir, log });
    expect((await handle.db.select({ n: count() }).from(contacts))[0]!.n).toBe(before);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Demo workspace: sign in as demo@haste\.local with password \S+$/);

    fs.rmSync(path.join(dataDir, "demo-password"));
    messages.length = 0;
    await ensureDemoWorkspace(handle.db, auth, { dataDir, log });
    expect(messages[0]).toContain("password file");
    expect(messages[0]).toMatch(/delete .*\/|delete the user/);
  });
});
