import { Lock } from "lucide-react";
import type { ReactNode } from "react";

export function ReadOnlyNotice({ children }: { children: ReactNode }) {
  return (
    <div role="note" className="flex items-start gap-2 rounded-md border border-border bg-surface px-3 py-2 text-[13px] text-muted-foreground">
      <Lock aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <span>{children}</span>
    </div>
  );
}
