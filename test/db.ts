import fs from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { memberships, users, workspaces, type MemberRole } from "@/db/schema";
import type { Database } from "@/db/types";
import { createAuth } from "@/server/auth/auth";
import type { Actor, ServiceContext } from "@/server/context";

let cloneCounter = 0;

/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's template dump, or,
 * when the run targets PostgreSQL, a new database cloned from the migrated template.
 * Close it in afterAll, or Node never exits.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const pg = inject("postgresTemplate");
  if (pg) {
    const name = `hastecrm_t_${process.ppid}_${process.pid}_${Date.now()}_${cloneCounter++}`;
    const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${name}" template "${pg.templateName}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(pg.adminUrl);
    url.pathname = `/${name}`;
    const handle = openPostgres(url.toString(), { max: 4 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const dropper = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
        await dropper.end();
      },
    };
  }
  const dump = fs.readFileSync(inject("pgliteTemplatePath"));
  return openPglite({ loadDataDir: new Blob([dump]) });
}

export const testDatabaseKind = () => (inject("postgresTemplate") ? "postgres" : "pglite");

let userCounter = 0;

export async function createTestUser(db: Database, name = "Test User") {
  const n = ++userCounter;
  const id = crypto.randomUUID();
  const [user] = await db
    .insert(users)
    .values({ id, name: `${name} ${n}`, email: `user${n}-${id.slice(0, 8)}@test.local`, emailVerified: true })
    .returning();
  return user!;
}

/** A workspace with one member of `role`; returns the ServiceContext that member's requests get. */
export async function createTestWorkspace(
  db: Database,
  options: { role?: MemberRole; name?: string } = {},
): Promise<ServiceContext & { userId: string }> {
  const user = await createTestUser(db);
  const [workspace] = await db
    .insert(workspaces)
    .values({ name: options.name ?? "Test workspace", slug: `ws-${crypto.randomUUID()}` })
    .returning();
  const role = options.role ?? "admin";
  await db.insert(memberships).values({ workspaceId: workspace!.id, userId: user.id, role });
  const actor: Actor = { type: "user", userId: user.id, name: user.name, role };
  return { db, workspaceId: workspace!.id, actor, userId: user.id };
}

/** Adds a member with `role` to an existing workspace and returns their context. */
export async function addTestMember(db: Database, workspaceId: string, role: MemberRole): Promise<ServiceContext & { userId: string }> {
  const user = await createTestUser(db);
  await db.insert(memberships).values({ workspaceId, userId: user.id, role });
  return { db, workspaceId, actor: { type: "user", userId: user.id, name: user.name, role }, userId: user.id };
}

export function createTestAuth(db: Database) {
  return createAuth(db, { secret: "test-secret-test-secret-test-secret-0123", baseURL: "http://localhost:3000" });
}
