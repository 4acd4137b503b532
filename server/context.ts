import type { MemberRole } from "@/db/schema";
import type { Executor } from "@/db/types";

export type Actor =
  | { type: "user"; userId: string; name: string; role: MemberRole }
  | { type: "api_key"; keyId: string; userId: string; name: string; role: MemberRole };

/** What every service receives: the database (or a transaction), the caller's workspace, and who acts. */
export interface ServiceContext {
  db: Executor;
  workspaceId: string;
  actor: Actor;
}

const roleRank: Record<MemberRole, number> = { rep: 1, manager: 2, admin: 3 };

export function hasRole(actor: Actor, minimum: MemberRole): boolean {
  return roleRank[actor.role] >= roleRank[minimum];
}
