"use client";

import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { useSearchPalette } from "@/components/search-palette/palette-provider";
import { Avatar } from "@/components/ui/avatar";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ThemeToggle } from "./theme-toggle";
import type { CurrentWorkspace } from "./types";
import { UserMenu } from "./user-menu";

export function TopBar({ initialCurrent }: { initialCurrent: CurrentWorkspace }) {
  const trpc = useTRPC();
  // Seeded from the server render so the workspace name is there on first paint; refetches keep it fresh after renames.
  const { data: current } = useQuery({ ...trpc.workspaces.current.queryOptions(), initialData: initialCurrent });
  const workspaceName = current.workspace?.name ?? "No workspace";
  const palette = useSearchPalette();
  const isHydrated = useHydrated();
  // Known only in the browser; the server render says Ctrl, as most keyboards do.
  const isMac = isHydrated && /Mac|iPhone|iPad/.test(navigator.platform);

  return (
    <header className="flex h-12 shrink-0 items-center justify-between gap-4 border-b border-border bg-background px-4">
      <div className="flex min-w-0 items-center gap-2" data-testid="workspace-name">
        <Avatar name={workspaceName} shape="square" />
        <span className="truncate text-[13px] font-semibold">{workspaceName}</span>
        {current.workspace ? (
          <span className="rounded bg-muted px-1.5 py-0.5 text-[11px] text-muted-foreground capitalize">{current.workspace.role}</span>
        ) : null}
      </div>
      <button
        type="button"
        onClick={() => palette.open()}
        disabled={!isHydrated}
        className="flex h-8 w-full max-w-sm items-center gap-2 rounded-md border border-border bg-muted/40 px-2.5 text-[13px] text-muted-foreground hover:bg-accent"
      >
        <Search className="size-3.5" />
        <span className="flex-1 text-left">Search contacts…</span>
        <kbd className="rounded border border-border bg-background px-1 font-sans text-[11px]">{isMac ? "⌘K" : "Ctrl K"}</kbd>
      </button>
      <div className="flex items-center gap-1">
        <ThemeToggle />
        <UserMenu current={current} />
      </div>
    </header>
  );
}
