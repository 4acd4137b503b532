import { and, asc, eq } from "drizzle-orm";
import { memberships, workspaces, type MemberRole, type WorkspaceSettings } from "@/db/schema";
import type { Executor } from "@/db/types";

export async function insertWorkspace(db: Executor, values: { name: string; slug: string }) {
  const [row] = await db.insert(workspaces).values(values).returning();
  return row!;
}

export async function insertMembership(db: Executor, values: { workspaceId: string; userId: string; role: MemberRole }) {
  await db.insert(memberships).values(values).onConflictDoUpdate({
    target: [memberships.workspaceId, memberships.userId],
    set: { role: values.role },
  });
}

export async function findMembership(db: Executor, params: { workspaceId: string; userId: string }) {
  const rows = await db
    .select({ role: memberships.role, workspaceId: memberships.workspaceId, workspaceName: workspaces.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, params.workspaceId), eq(memberships.userId, params.userId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findMembershipsOfUser(db: Executor, userId: string) {
  return db
    .select({ workspaceId: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export async function findWorkspaceById(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select({ id: workspaces.id, name: workspaces.name, settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function updateWorkspaceName(db: Executor, params: { id: string; name: string }) {
  await db.update(workspaces).set({ name: params.name, updatedAt: new Date() }).where(eq(workspaces.id, params.id));
}

export async function updateWorkspaceSettingsRow(db: Executor, params: { id: string; settings: WorkspaceSettings }) {
  await db.update(workspaces).set({ settings: params.settings, updatedAt: new Date() }).where(eq(workspaces.id, params.id));
}
