import type { ReactNode } from "react";

// Reads the session on every request (signed-in visitors are sent on); never prerendered.
export const dynamic = "force-dynamic";

export default function SignedOutLayout({ children }: { children: ReactNode }) {
  return <main className="flex min-h-dvh items-center justify-center bg-surface px-4 py-12">{children}</main>;
}
