"use client";

import { Moon, Sun } from "lucide-react";
import { useTheme } from "@/components/providers/theme";
import { Button } from "@/components/ui/button";

export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const next = resolvedTheme === "dark" ? "light" : "dark";
  return (
    <Button variant="ghost" size="icon" aria-label={`Switch to ${next} theme`} title={`Switch to ${next} theme`} onClick={() => setTheme(next)}>
      {resolvedTheme === "dark" ? <Sun /> : <Moon />}
    </Button>
  );
}
