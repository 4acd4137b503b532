import type { ReactNode } from "react";
import { SearchPaletteProvider } from "@/components/search-palette/palette-provider";
import { Sidebar } from "./sidebar";
import { TopBar } from "./top-bar";
import type { CurrentWorkspace } from "./types";

export function AppShell({ current, children }: { current: CurrentWorkspace; children: ReactNode }) {
  return (
    <SearchPaletteProvider workspaceId={current.workspace?.id ?? null}>
      <div className="flex h-dvh overflow-hidden">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <TopBar initialCurrent={current} />
          <main className="min-h-0 flex-1 overflow-y-auto">{children}</main>
        </div>
      </div>
    </SearchPaletteProvider>
  );
}
