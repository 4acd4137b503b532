import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "blue" | "green" | "amber" | "red" | "purple" | "teal";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-muted text-muted-foreground border-border",
  blue: "bg-blue-500/10 text-blue-700 border-blue-500/20 dark:text-blue-300",
  green: "bg-emerald-500/10 text-emerald-700 border-emerald-500/20 dark:text-emerald-300",
  amber: "bg-amber-500/10 text-amber-700 border-amber-500/25 dark:text-amber-300",
  red: "bg-red-500/10 text-red-700 border-red-500/20 dark:text-red-300",
  purple: "bg-violet-500/10 text-violet-700 border-violet-500/20 dark:text-violet-300",
  teal: "bg-teal-500/10 text-teal-700 border-teal-500/20 dark:text-teal-300",
};

export function Badge({ tone = "neutral", className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded-md border px-1.5 text-[12px] leading-none font-medium whitespace-nowrap",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
