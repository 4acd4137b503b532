"use client";

import { Plus, TriangleExclamationPoint } from "lucide-react";
import { useRef, useState } from "react";
import { AnchoredPopover } from "@/components/data-table/anchored-popover";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { cn } from "@/components/ui/cn";
import { TagChip, type TagLike } from "./tag-chip";
import { TagPicker } from "./tag-picker";
import { useContactTagging } from "./use-contact-tagging";

/**
 * A contact's tags as chips, each removable, with "+" opening an autocomplete to add one (managers
 * can create a new tag from it). Used in table cells (`compact`: one line) and on the profile.
 */
export function ContactTags({ contactId, tags, compact }: { contactId: string; tags: readonly TagLike[]; compact?: boolean }) {
  const [isAdding, setIsAdding] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const { isManager } = useWorkspaceRole();
  const tagging = useContactTagging(contactId);

  return (
    <div className={cn("flex min-w-0 items-center gap-1", compact ? "flex-nowrap overflow-hidden" : "flex-wrap")} data-testid="contact-tags">
      <ul className={cn("flex min-w-0 gap-1", compact ? "flex-nowrap overflow-hidden" : "flex-wrap")} aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag.id} className="flex">
            <TagChip tag={tag} onRemove={() => void tagging.remove(tag.id)} />
          </li>
        ))}
      </ul>
      <button
        ref={anchor}
        type="button"
        aria-label="Add tag"
        aria-expanded={isAdding}
        onClick={() => {
          tagging.clearError();
          setIsAdding((open) => !open);
        }}
        className={cn(
          "inline-flex h-5 shrink-0 items-center gap-1 rounded-md border border-dashed border-border px-1 text-[12px] text-muted-foreground hover:border-foreground/40 hover:text-foreground",
          // In a table row the button shows on hover or focus, so a column of empty cells does not read "+ Tag" 100 times.
          compact && "opacity-0 group-hover/row:opacity-100 focus-visible:opacity-100 aria-expanded:opacity-100",
        )}
      >
        <Plus className="size-3" />
        {tags.length === 0 ? <span>Tag</span> : null}
      </button>
      {tagging.error ? (
        <span role="alert" title={tagging.error} className="inline-flex min-w-0 items-center gap-1 truncate text-[12px] text-destructive">
          <TriangleExclamationPoint className="size-3 shrink-0" />
          <span className="truncate">{tagging.error}</span>
        </span>
      ) : null}
      {isAdding ? (
        <AnchoredPopover anchor={anchor} label="Add a tag" onClose={() => setIsAdding(false)}>
          <TagPicker
            autoFocus
            canCreate={isManager}
            excludeIds={tags.map((tag) => tag.id)}
            onPick={(tag) => void tagging.add(tag)}
            onCreate={(name) => void tagging.create(name)}
          />
        </AnchoredPopover>
      ) : null}
    </div>
  );
}
