import type { inferRouterOutputs } from "@trpc/server";
import type { MemberRole } from "@/db/schema";
import type { AppRouter } from "@/server/trpc/root";

type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Member = RouterOutputs["workspaces"]["members"]["list"][number];
export type PendingInvitation = RouterOutputs["workspaces"]["invitations"]["list"][number];
export type ApiKeyItem = RouterOutputs["apiKeys"]["list"][number];
export type { MemberRole };

export const roleOptions: ReadonlyArray<{ value: MemberRole; label: string; description: string }> = [
  { value: "admin", label: "Admin", description: "Everything, plus members, API keys, custom fields, imports and exports" },
  { value: "manager", label: "Manager", description: "Contacts, plus segments, shared views, tags and bulk actions" },
  { value: "rep", label: "Rep", description: "Views and edits contacts" },
];

export const roleLabel = (role: MemberRole) => roleOptions.find((option) => option.value === role)?.label ?? role;

/** A server error without its leading `field: `, for messages shown away from any field. */
export function errorText(error: { message: string } | null | undefined): string | null {
  if (!error) return null;
  const text = error.message.replace(/^[A-Za-z.]+: /, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
