import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { users, workspaces, type MemberRole } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Auth } from "@/server/auth/auth";
import { findMembershipsOfUser, insertMembership, updateWorkspaceName } from "@/server/workspaces/queries";
import { createWorkspaceWithAdmin } from "@/server/workspaces/service";

export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

export async function findUserByEmail(db: Database, email: string) {
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, email)).limit(1);
  return rows[0] ?? null;
}

/**
 * Signs a user up through better-auth, exactly as the sign-up page does (hashed password, account row,
 * and the databaseHook that gives them a workspace of their own as admin). Returns null when the email
 * is already taken, which is how a second server starting at the same moment finds out it lost the race.
 */
export async function signUpUser(db: Database, auth: Auth, input: { email: string; name: string; password: string }) {
  try {
    const result = await auth.api.signUpEmail({ body: { email: input.email, password: input.password, name: input.name } });
    return { id: result.user.id, name: result.user.name, email: result.user.email };
  } catch (error) {
    if (await findUserByEmail(db, input.email)) return null;
    throw error;
  }
}

/** The workspace the sign-up hook created for a user: their first membership. */
export async function firstWorkspaceOf(db: Database, userId: string) {
  const [first] = await findMembershipsOfUser(db, userId);
  return first ?? null;
}

export async function findUserWorkspaceByName(db: Database, userId: string, name: string) {
  const memberships = await findMembershipsOfUser(db, userId);
  return memberships.find((membership) => membership.name === name && membership.role === "admin") ?? null;
}

export async function renameWorkspace(db: Database, workspaceId: string, name: string) {
  await updateWorkspaceName(db, { id: workspaceId, name });
}

export async function createWorkspaceFor(db: Database, userId: string, name: string) {
  return db.transaction((tx) => createWorkspaceWithAdmin(tx, { name, adminUserId: userId }));
}

export async function addMember(db: Database, workspaceId: string, userId: string, role: MemberRole) {
  await insertMembership(db, { workspaceId, userId, role });
}

export async function workspaceCreatedAt(db: Database, workspaceId: string): Promise<Date> {
  const rows = await db.select({ createdAt: workspaces.createdAt }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!rows[0]) throw new Error(`workspace ${workspaceId} not found`);
  return rows[0].createdAt;
}
