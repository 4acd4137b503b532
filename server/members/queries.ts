import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { apiKeys, invitations, memberships, users, workspaces, type MemberRole } from "@/db/schema";
import type { Executor } from "@/db/types";

export async function findMembers(db: Executor, workspaceId: string) {
  return db
    .select({ userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt), asc(users.email));
}

export async function findMember(db: Executor, params: { workspaceId: string; userId: string; forUpdate?: boolean }) {
  const query = db
    .select({ userId: memberships.userId, role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, params.workspaceId), eq(memberships.userId, params.userId)))
    .limit(1);
  const rows = params.forUpdate ? await query.for("update", { of: memberships }) : await query;
  return rows[0] ?? null;
}

export async function findMemberByEmail(db: Executor, params: { workspaceId: string; email: string }) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, params.workspaceId), sql`lower(${users.email}) = ${params.email}`))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Locks the workspace's admin memberships and returns their user ids. Two admins demoting each other
 * at once would otherwise both see "another admin remains" and leave the workspace with none.
 */
export async function lockAdmins(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "admin")))
    .for("update");
  return rows.map((row) => row.userId);
}

export async function updateMemberRole(db: Executor, params: { workspaceId: string; userId: string; role: MemberRole }) {
  await db
    .update(memberships)
    .set({ role: params.role })
    .where(and(eq(memberships.workspaceId, params.workspaceId), eq(memberships.userId, params.userId)));
}

export async function deleteMembership(db: Executor, params: { workspaceId: string; userId: string }) {
  await db.delete(memberships).where(and(eq(memberships.workspaceId, params.workspaceId), eq(memberships.userId, params.userId)));
}

export async function insertMembershipIfAbsent(db: Executor, values: { workspaceId: string; userId: string; role: MemberRole }) {
  const rows = await db.insert(memberships).values(values).onConflictDoNothing().returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function revokeKeysCreatedBy(db: Executor, params: { workspaceId: string; userId: string; now: Date }) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: params.now })
    .where(and(eq(apiKeys.workspaceId, params.workspaceId), eq(apiKeys.createdBy, params.userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.map((row) => row.id);
}

export async function insertInvitation(
  db: Executor,
  values: { workspaceId: string; email: string; role: MemberRole; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  const [row] = await db.insert(invitations).values(values).returning({
    id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt,
  });
  return row!;
}

/** A new invitation to an address replaces any still pending, so only the latest link works. */
export async function deletePendingInvitations(db: Executor, params: { workspaceId: string; email: string }) {
  await db
    .delete(invitations)
    .where(and(eq(invitations.workspaceId, params.workspaceId), eq(invitations.email, params.email), isNull(invitations.acceptedAt)));
}

export async function deleteInvitation(db: Executor, params: { workspaceId: string; id: string }) {
  const rows = await db
    .delete(invitations)
    .where(and(eq(invitations.workspaceId, params.workspaceId), eq(invitations.id, params.id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id, email: invitations.email });
  return rows[0] ?? null;
}

export async function findPendingInvitations(db: Executor, params: { workspaceId: string; now: Date }) {
  return db
    .select({
      id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt, invitedByName: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.workspaceId, params.workspaceId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, params.now)))
    .orderBy(desc(invitations.createdAt));
}

/**
 * Looked up by token alone: whoever holds the link does not know the workspace yet. The unique index
 * leads with workspace_id, so this scans invitations, a table of a few rows per workspace.
 */
export async function findInvitationByTokenHash(db: Executor, params: { tokenHash: string; forUpdate?: boolean }) {
  const query = db
    .select({
      workspaceId: invitations.workspaceId, id: invitations.id, email: invitations.email, role: invitations.role,
      acceptedAt: invitations.acceptedAt, expiresAt: invitations.expiresAt, workspaceName: workspaces.name, invitedByName: users.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, params.tokenHash))
    .limit(1);
  const rows = params.forUpdate ? await query.for("update", { of: invitations }) : await query;
  return rows[0] ?? null;
}

export async function markInvitationAccepted(db: Executor, params: { workspaceId: string; id: string; now: Date }) {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: params.now })
    .where(and(eq(invitations.workspaceId, params.workspaceId), eq(invitations.id, params.id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
