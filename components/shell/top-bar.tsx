"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { ThemeToggle } from "./theme-toggle";
import type { CurrentWorkspace } from "./types";
import { UserMenu } from "./user-menu";

export function TopBar({ initialCurrent }: { initialCurrent: CurrentWorkspace }) {
  const trpc = useTRPC();
  // Seeded from the server render so the workspace name is there on first paint; refetches keep it fresh after renames.
  const { data: current } = useQuery({ ...trpc.workspaces.current.queryOptions(), initialData: initialCurrent });
  const workspaceName = current.workspace?.name ?? "No workspace";

  return (
    <header className="flex h-12 shrink-0 items-center justify-between gap-4 border-b border-border bg-background px-4">
      <div className="flex min-w-0 items-center gap-2" data-testid="workspace-name">
        <Avatar name={workspaceName} shape="square" />
        <span className="truncate text-[13px] font-semibold">{workspaceName}</span>
        {current.workspace ? (
          <span className="rounded bg-muted px-1.5 py-0.5 text-[11px] text-muted-foreground capitalize">{current.workspace.role}</span>
        ) : null}
      </div>
      <div className="flex items-center gap-1">
        <ThemeToggle />
        <UserMenu current={current} />
      </div>
    </header>
  );
}
