"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** The caller's role in the current workspace, for hiding what the server would refuse anyway. */
export function useWorkspaceRole() {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const role = current.data?.workspace?.role ?? null;
  return {
    role,
    userId: current.data?.user.id ?? null,
    isManager: role === "manager" || role === "admin",
    isAdmin: role === "admin",
    isPending: current.isPending,
  };
}
