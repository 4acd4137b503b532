"use client";

import type { ReactNode } from "react";
import { ThemeProvider } from "./theme";
import { TrpcProvider } from "./trpc";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider>
      <TrpcProvider>{children}</TrpcProvider>
    </ThemeProvider>
  );
}
