import { TRPCError } from "@trpc/server";
import type { Database } from "@/db/types";
import { recordAudit } from "../audit/service";
import type { Actor, ServiceContext } from "../context";
import { requireRole } from "../lib/authorize";
import { badRequest, forbidden, notFound } from "../lib/errors";
import { generateInviteToken, hashInviteToken, INVITATION_TTL_MS, invitationPath } from "./invite-token";
import {
  deleteInvitation, deleteMembership, deletePendingInvitations, findInvitationByTokenHash, findMember, findMemberByEmail, findMembers,
  findPendingInvitations, insertInvitation, insertMembershipIfAbsent, lockAdmins, markInvitationAccepted, revokeKeysCreatedBy,
  updateMemberRole,
} from "./queries";
import type { ChangeRoleInput, InviteMemberInput } from "./schemas";

function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

/**
 * Who belongs to a workspace is decided by signed-in admins only: an API key that could invite or
 * promote would let a leaked key plant access that outlives its revocation.
 */
export function requireSignedInAdmin(ctx: Pick<ServiceContext, "actor">, action: string): void {
  requireRole(ctx, "admin", action);
  if (ctx.actor.type !== "user") throw forbidden(`API keys cannot ${action}; sign in as an admin to do it`);
}

export async function listMembers(ctx: ServiceContext) {
  const rows = await findMembers(ctx.db, ctx.workspaceId);
  return rows.map((row) => ({ ...row, isYou: row.userId === ctx.actor.userId }));
}

export async function inviteMember(ctx: ServiceContext, input: InviteMemberInput) {
  requireSignedInAdmin(ctx, "invite members");
  return inTransaction(ctx, async (tx) => {
    if (await findMemberByEmail(tx.db, { workspaceId: ctx.workspaceId, email: input.email })) {
      throw new TRPCError({ code: "CONFLICT", message: `email: ${input.email} is already a member of this workspace` });
    }
    await deletePendingInvitations(tx.db, { workspaceId: ctx.workspaceId, email: input.email });
    const { token, hash } = generateInviteToken();
    const invitation = await insertInvitation(tx.db, {
      workspaceId: ctx.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedBy: ctx.actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await recordAudit(tx.db, ctx, {
      entityType: "invitation", entityId: invitation.id, action: "create",
      changes: { email: { old: null, new: input.email }, role: { old: null, new: input.role } },
    });
    // The plaintext token exists only in this response; the admin hands the link over themselves.
    return { invitation, acceptUrl: invitationPath(token) };
  });
}

export async function listInvitations(ctx: ServiceContext) {
  requireRole(ctx, "admin", "see pending invitations");
  return findPendingInvitations(ctx.db, { workspaceId: ctx.workspaceId, now: new Date() });
}

export async function revokeInvitation(ctx: ServiceContext, input: { id: string }) {
  requireSignedInAdmin(ctx, "revoke invitations");
  return inTransaction(ctx, async (tx) => {
    const deleted = await deleteInvitation(tx.db, { workspaceId: ctx.workspaceId, id: input.id });
    if (!deleted) throw notFound("Pending invitation", input.id);
    await recordAudit(tx.db, ctx, { entityType: "invitation", entityId: deleted.id, action: "delete", changes: { email: { old: deleted.email, new: null } } });
    return { id: deleted.id };
  });
}

const lastAdminReason = "the workspace needs at least one admin; make another member admin first";

export async function changeMemberRole(ctx: ServiceContext, input: ChangeRoleInput) {
  requireSignedInAdmin(ctx, "change members' roles");
  return inTransaction(ctx, async (tx) => {
    const admins = await lockAdmins(tx.db, ctx.workspaceId);
    const member = await findMember(tx.db, { workspaceId: ctx.workspaceId, userId: input.userId, forUpdate: true });
    if (!member) throw notFound("Member", input.userId);
    if (member.role === input.role) return { userId: member.userId, role: member.role };
    if (member.role === "admin" && admins.length <= 1) throw badRequest("role", lastAdminReason);
    await updateMemberRole(tx.db, { workspaceId: ctx.workspaceId, userId: member.userId, role: input.role });
    await recordAudit(tx.db, ctx, {
      entityType: "member", entityId: null, action: "update",
      changes: { role: { old: member.role, new: input.role } }, metadata: { userId: member.userId, email: member.email },
    });
    return { userId: member.userId, role: input.role };
  });
}

/** Also revokes the API keys the member created: a departed colleague's integrations should not keep running in their name. */
export async function removeMember(ctx: ServiceContext, input: { userId: string }) {
  requireSignedInAdmin(ctx, "remove members");
  return inTransaction(ctx, async (tx) => {
    const admins = await lockAdmins(tx.db, ctx.workspaceId);
    const member = await findMember(tx.db, { workspaceId: ctx.workspaceId, userId: input.userId, forUpdate: true });
    if (!member) throw notFound("Member", input.userId);
    if (member.role === "admin" && admins.length <= 1) throw badRequest("userId", lastAdminReason);
    await deleteMembership(tx.db, { workspaceId: ctx.workspaceId, userId: member.userId });
    const revokedKeyIds = await revokeKeysCreatedBy(tx.db, { workspaceId: ctx.workspaceId, userId: member.userId, now: new Date() });
    await recordAudit(tx.db, ctx, {
      entityType: "member", entityId: null, action: "delete",
      changes: { role: { old: member.role, new: null } },
      metadata: { userId: member.userId, email: member.email, revokedApiKeyIds: revokedKeyIds },
    });
    return { userId: member.userId, revokedApiKeys: revokedKeyIds.length };
  });
}

export type InvitationStatus = "pending" | "accepted" | "expired";

/** What the invitation page shows before anyone signs in; null when the token matches nothing. */
export async function previewInvitation(db: Database, input: { token: string }) {
  const invitation = await findInvitationByTokenHash(db, { tokenHash: hashInviteToken(input.token) });
  if (!invitation) return null;
  const status: InvitationStatus = invitation.acceptedAt ? "accepted" : invitation.expiresAt <= new Date() ? "expired" : "pending";
  return {
    status,
    workspaceName: invitation.workspaceName,
    email: invitation.email,
    role: invitation.role,
    invitedByName: invitation.invitedByName,
    expiresAt: invitation.expiresAt,
  };
}

/** Not a ServiceContext: the user is not a member of the workspace yet, which is the point. */
export async function acceptInvitation(
  db: Database,
  input: { token: string; user: { id: string; email: string | null; name: string; via: "session" | "api_key" } },
) {
  if (input.user.via !== "session") throw forbidden("Invitations are accepted by a signed-in person, not an API key");
  return db.transaction(async (tx) => {
    const invitation = await findInvitationByTokenHash(tx, { tokenHash: hashInviteToken(input.token), forUpdate: true });
    if (!invitation) {
      throw new TRPCError({ code: "NOT_FOUND", message: "token: this invitation link is not valid; ask an admin of the workspace for a new one" });
    }
    if (input.user.email?.toLowerCase() !== invitation.email) {
      throw forbidden(`This invitation was sent to ${invitation.email}; sign in with that address to accept it`);
    }
    const existing = await findMember(tx, { workspaceId: invitation.workspaceId, userId: input.user.id });
    const result = { workspaceId: invitation.workspaceId, workspaceName: invitation.workspaceName };
    if (invitation.acceptedAt) {
      // Following one's own link a second time is harmless; anyone else's second use is refused.
      if (existing) return { ...result, role: existing.role, alreadyMember: true };
      throw badRequest("token", "this invitation has already been used; ask an admin for a new one");
    }
    if (invitation.expiresAt <= new Date()) {
      throw badRequest("token", `this invitation expired on ${invitation.expiresAt.toISOString().slice(0, 10)}; ask an admin for a new one`);
    }
    await markInvitationAccepted(tx, { workspaceId: invitation.workspaceId, id: invitation.id, now: new Date() });
    // An existing member keeps their role: an old invitation must never demote anyone.
    const isNewMember = await insertMembershipIfAbsent(tx, { workspaceId: invitation.workspaceId, userId: input.user.id, role: invitation.role });
    const actor: Actor = { type: "user", userId: input.user.id, name: input.user.name, role: existing?.role ?? invitation.role };
    if (isNewMember) {
      await recordAudit(tx, { workspaceId: invitation.workspaceId, actor }, {
        entityType: "member", entityId: null, action: "create",
        changes: { role: { old: null, new: invitation.role } },
        metadata: { userId: input.user.id, email: invitation.email, invitationId: invitation.id },
      });
    }
    return { ...result, role: existing?.role ?? invitation.role, alreadyMember: !isNewMember };
  });
}
