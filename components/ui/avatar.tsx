import { cn } from "./cn";

export function initials(name: string): string {
  const parts = name.trim().split(/[\s@._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts.at(-1)![0]}` : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

const sizes = { xs: "size-5 text-[10px]", sm: "size-6 text-[10px]", md: "size-8 text-[12px]", lg: "size-12 text-[16px]" };

/** Initials in a circle (`shape="square"` for organisations); decorative, so hidden from screen readers. */
export function Avatar({
  name,
  size = "sm",
  shape = "circle",
  className,
}: {
  name: string;
  size?: keyof typeof sizes;
  shape?: "circle" | "square";
  className?: string;
}) {
  return (
    <span
      aria-hidden
      className={cn(
        "flex shrink-0 items-center justify-center bg-muted font-semibold text-muted-foreground ring-1 ring-border",
        shape === "circle" ? "rounded-full" : "rounded-md",
        sizes[size],
        className,
      )}
    >
      {initials(name || "?")}
    </span>
  );
}
