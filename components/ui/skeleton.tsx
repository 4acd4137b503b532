import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  // cn() does not resolve conflicting utilities, so the default radius steps aside when the caller sets one.
  const hasRadius = /(^|\s)rounded(-|\s|$)/.test(className ?? "");
  return <div aria-hidden className={cn("animate-pulse bg-muted", !hasRadius && "rounded-md", className)} {...props} />;
}
