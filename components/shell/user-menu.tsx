"use client";

import { useState } from "react";
import { Check, ChevronsUpDown, LogOut, Monitor, Moon, Sun } from "lucide-react";
import { useTheme, type Theme } from "@/components/providers/theme";
import { Avatar } from "@/components/ui/avatar";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { authClient } from "./auth-client";
import type { CurrentWorkspace } from "./types";
import { setWorkspaceCookie } from "./workspace-cookie";

const themes: Array<{ value: Theme; label: string; icon: typeof Sun }> = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
];

function switchWorkspace(workspaceId: string) {
  setWorkspaceCookie(workspaceId);
  // A record page of the old workspace would be NOT_FOUND in the new one, so land on its section list.
  const section = window.location.pathname.split("/")[1] ?? "contacts";
  window.location.assign(`/${section}`);
}

export function UserMenu({ current }: { current: CurrentWorkspace }) {
  const { theme, setTheme } = useTheme();
  const [isSigningOut, setIsSigningOut] = useState(false);
  const { user, workspace, workspaces } = current;

  const signOut = async () => {
    setIsSigningOut(true);
    try {
      await authClient.signOut();
    } finally {
      // A full navigation drops every cached query of the signed-out user.
      window.location.assign("/sign-in");
    }
  };

  return (
    <Menu>
      <MenuTrigger
        aria-label="User menu"
        data-testid="user-menu"
        className="flex h-8 items-center gap-2 rounded-md px-1.5 text-[13px] hover:bg-accent"
      >
        <Avatar name={user.name || user.email || "?"} />
        <span className="max-w-40 truncate font-medium">{user.name}</span>
        <ChevronsUpDown aria-hidden className="size-3.5 text-muted-foreground" />
      </MenuTrigger>
      <MenuContent className="w-64">
        <div className="px-2 py-1.5">
          <div className="truncate text-[13px] font-medium">{user.name}</div>
          {user.email ? <div className="truncate text-[12px] text-muted-foreground">{user.email}</div> : null}
        </div>
        <MenuSeparator />
        <MenuLabel>Workspaces</MenuLabel>
        {workspaces.map((item) => {
          const isCurrent = item.workspaceId === workspace?.id;
          return (
            <MenuItem key={item.workspaceId} onSelect={isCurrent ? undefined : () => switchWorkspace(item.workspaceId)}>
              <Avatar name={item.name} size="xs" shape="square" />
              <span className="flex-1 truncate">{item.name}</span>
              <span className="text-[11px] text-muted-foreground capitalize">{item.role}</span>
              {isCurrent ? <Check aria-label="Current workspace" /> : <span className="w-4" />}
            </MenuItem>
          );
        })}
        <MenuSeparator />
        <MenuLabel>Theme</MenuLabel>
        {themes.map((option) => (
          <MenuItem key={option.value} onSelect={() => setTheme(option.value)}>
            <option.icon />
            <span className="flex-1">{option.label}</span>
            {theme === option.value ? <Check aria-label="Selected" /> : null}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem onSelect={signOut} disabled={isSigningOut}>
          <LogOut />
          Sign out
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
