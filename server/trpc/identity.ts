import type { Database } from "@/db/types";
import type { Actor } from "../context";
import type { Auth } from "../auth/auth";
import { API_KEY_PREFIX, hashApiKey } from "../api-keys/hash";
import { findActiveKeyByHash, touchKeyLastUsed } from "../api-keys/queries";
import { findMembership, findMembershipsOfUser } from "../workspaces/queries";

export const WORKSPACE_COOKIE = "hastecrm_workspace";
export const WORKSPACE_HEADER = "x-workspace-id";

export interface Identity {
  userId: string;
  userName: string;
  userEmail: string | null;
  /** Present when the caller is a member of a workspace (or holds a workspace API key). */
  workspace: { id: string; name: string; actor: Actor } | null;
  via: "session" | "api_key";
}

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who is calling: an API key (`Authorization: Bearer hck_…`, bound to one workspace) or a signed-in
 * session, whose workspace is the one chosen by header or cookie if the user belongs to it, else their first.
 */
export async function resolveIdentity(db: Database, auth: Auth, headers: Headers): Promise<Identity | null> {
  const authorization = headers.get("authorization");
  if (authorization?.startsWith(`Bearer ${API_KEY_PREFIX}`)) {
    const key = await findActiveKeyByHash(db, hashApiKey(authorization.slice("Bearer ".length).trim()));
    if (!key) return null;
    await touchKeyLastUsed(db, { workspaceId: key.workspaceId, id: key.id, now: new Date() });
    const actor: Actor = { type: "api_key", keyId: key.id, userId: key.createdBy, name: `API key ${key.name}`, role: key.role };
    return { userId: key.createdBy, userName: actor.name, userEmail: null, workspace: { id: key.workspaceId, name: "", actor }, via: "api_key" };
  }

  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  const requested = headers.get(WORKSPACE_HEADER) ?? readCookie(headers.get("cookie"), WORKSPACE_COOKIE);
  let membership = requested && uuidPattern.test(requested) ? await findMembership(db, { workspaceId: requested, userId: user.id }) : null;
  if (!membership) {
    const first = (await findMembershipsOfUser(db, user.id))[0];
    membership = first ? { workspaceId: first.workspaceId, workspaceName: first.name, role: first.role } : null;
  }
  return {
    userId: user.id,
    userName: user.name,
    userEmail: user.email,
    via: "session",
    workspace: membership
      ? { id: membership.workspaceId, name: membership.workspaceName, actor: { type: "user", userId: user.id, name: user.name, role: membership.role } }
      : null,
  };
}
