import type { MemberRole } from "@/db/schema";
import type { Database, Executor } from "@/db/types";
import { recordAudit } from "../audit/service";
import type { ServiceContext } from "../context";
import { requireRole } from "../lib/authorize";
import { notFound } from "../lib/errors";
import { findWorkspaceById, insertMembership, insertWorkspace, updateWorkspaceName, updateWorkspaceSettingsRow } from "./queries";
import type { RenameWorkspaceInput, UpdateWorkspaceSettingsInput } from "./schemas";

function slugify(text: string): string {
  const base = text.toLowerCase().normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/[\s_-]+/g, "-").slice(0, 40);
  return `${base || "workspace"}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function createWorkspaceWithAdmin(db: Executor, input: { name: string; adminUserId: string }) {
  const workspace = await insertWorkspace(db, { name: input.name, slug: slugify(input.name) });
  await insertMembership(db, { workspaceId: workspace.id, userId: input.adminUserId, role: "admin" });
  return workspace;
}

export async function createWorkspaceForNewUser(db: Database, user: { userId: string; name: string; email: string }) {
  const owner = user.name.trim() || user.email.split("@")[0] || "My";
  return db.transaction((tx) => createWorkspaceWithAdmin(tx, { name: `${owner}'s workspace`, adminUserId: user.userId }));
}

export async function renameWorkspace(ctx: ServiceContext, input: RenameWorkspaceInput) {
  requireRole(ctx, "admin", "rename the workspace");
  return ctx.db.transaction(async (tx) => {
    const workspace = await findWorkspaceById(tx, ctx.workspaceId, { forUpdate: true });
    if (!workspace) throw notFound("Workspace", ctx.workspaceId);
    if (workspace.name !== input.name) {
      await updateWorkspaceName(tx, { id: ctx.workspaceId, name: input.name });
      await recordAudit(tx, ctx, {
        entityType: "workspace", entityId: ctx.workspaceId, action: "update", changes: { name: { old: workspace.name, new: input.name } },
      });
    }
    return { id: ctx.workspaceId, name: input.name };
  });
}

const DEFAULT_EXPORT_ROLES: MemberRole[] = ["admin"];

/** The workspace's policies, readable by every member (the UI hides what a role may not do). */
export async function getWorkspaceSettings(ctx: ServiceContext) {
  const workspace = await findWorkspaceById(ctx.db, ctx.workspaceId);
  if (!workspace) throw notFound("Workspace", ctx.workspaceId);
  return { exportRoles: workspace.settings.exportRoles ?? DEFAULT_EXPORT_ROLES };
}

export async function updateWorkspaceSettings(ctx: ServiceContext, input: UpdateWorkspaceSettingsInput) {
  requireRole(ctx, "admin", "change workspace settings");
  return ctx.db.transaction(async (tx) => {
    const workspace = await findWorkspaceById(tx, ctx.workspaceId, { forUpdate: true });
    if (!workspace) throw notFound("Workspace", ctx.workspaceId);
    const before = workspace.settings.exportRoles ?? DEFAULT_EXPORT_ROLES;
    if (before.join() !== input.exportRoles.join()) {
      await updateWorkspaceSettingsRow(tx, { id: ctx.workspaceId, settings: { ...workspace.settings, exportRoles: input.exportRoles } });
      await recordAudit(tx, ctx, {
        entityType: "workspace", entityId: ctx.workspaceId, action: "update", changes: { exportRoles: { old: before, new: input.exportRoles } },
      });
    }
    return { exportRoles: input.exportRoles };
  });
}
