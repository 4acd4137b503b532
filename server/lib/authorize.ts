import type { MemberRole } from "@/db/schema";
import { hasRole, type ServiceContext } from "../context";
import { forbidden } from "./errors";

export function requireRole(ctx: Pick<ServiceContext, "actor">, minimum: MemberRole, action: string): void {
  if (!hasRole(ctx.actor, minimum)) {
    throw forbidden(`Only ${minimum === "admin" ? "admins" : "managers and admins"} can ${action}; your role is ${ctx.actor.role}`);
  }
}
