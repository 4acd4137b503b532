import { X } from "lucide-react";
import { cn } from "@/components/ui/cn";

export interface TagLike {
  id: string;
  name: string;
  color: string | null;
}

/** A tag as a small chip with its colour dot; `onRemove` adds a remove button named after the tag. */
export function TagChip({ tag, onRemove, className }: { tag: TagLike; onRemove?: () => void; className?: string }) {
  return (
    <span
      className={cn("inline-flex h-5 max-w-40 shrink-0 items-center gap-1 rounded-md border border-border bg-background px-1.5 text-[12px]", className)}
      data-testid="tag-chip"
    >
      <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: tag.color ?? "var(--muted-foreground)" }} />
      <span className="truncate">{tag.name}</span>
      {onRemove ? (
        <button
          type="button"
          aria-label={`Remove tag ${tag.name}`}
          onClick={onRemove}
          className="-mr-0.5 rounded text-muted-foreground hover:text-foreground"
        >
          <X className="size-3" />
        </button>
      ) : null}
    </span>
  );
}
