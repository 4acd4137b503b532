"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { cn } from "@/components/ui/cn";
import { inputClasses } from "@/components/ui/input";
import type { TagLike } from "./tag-chip";

/** `value`, once it has stopped changing for `delay` ms: one request per pause in typing, not per key. */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

type Item = { type: "tag"; tag: TagLike & { contactCount?: number } } | { type: "create"; name: string };

/**
 * Type to find a tag (names starting with the text), arrows and Enter to choose; managers also get
 * "Create …" when no tag has that exact name.
 */
export function TagPicker({
  excludeIds = [],
  onPick,
  onCreate,
  canCreate,
  autoFocus,
  label = "Find a tag",
}: {
  excludeIds?: readonly string[];
  onPick: (tag: TagLike) => void;
  onCreate?: (name: string) => void;
  canCreate: boolean;
  autoFocus?: boolean;
  label?: string;
}) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const prefix = query.trim();
  const asked = useDebounced(prefix, 150);
  const tags = useQuery({
    ...trpc.tags.listTags.queryOptions({ prefix: asked || undefined, first: 20 }),
    placeholderData: keepPreviousData,
  });
  // Filtered here too: while the next prefix loads, the previous answer is still shown.
  const startsWith = (name: string) => name.toLowerCase().startsWith(prefix.toLowerCase());
  const matches = (tags.data ?? []).filter((tag) => !excludeIds.includes(tag.id) && startsWith(tag.name));
  const isSettled = asked === prefix && !tags.isPlaceholderData && !tags.isPending;
  const exact = (tags.data ?? []).some((tag) => tag.name.toLowerCase() === prefix.toLowerCase());
  const items: Item[] = [
    ...matches.map((tag): Item => ({ type: "tag", tag })),
    // Offered once the answer for this exact text is in, so "Create" never shadows a tag still loading.
    ...(canCreate && onCreate && prefix && !exact && isSettled ? [{ type: "create", name: prefix } as Item] : []),
  ];
  const current = Math.min(active, Math.max(0, items.length - 1));

  const choose = (item: Item | undefined) => {
    if (!item) return;
    if (item.type === "tag") onPick(item.tag);
    else onCreate?.(item.name);
    setQuery("");
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + items.length) % Math.max(1, items.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(items[current]);
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items.length > 0 ? `${listId}-${current}` : undefined}
        autoFocus={autoFocus}
        className={cn(inputClasses, "h-7")}
        placeholder={canCreate ? "Find or create a tag" : "Find a tag"}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Tags" className="max-h-56 overflow-y-auto">
        {items.map((item, index) => (
          <li
            key={item.type === "tag" ? item.tag.id : "create"}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === current}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
            onMouseEnter={() => setActive(index)}
            className={cn("flex h-7 cursor-default items-center gap-2 rounded-md px-2 text-[13px]", index === current && "bg-accent")}
          >
            {item.type === "tag" ? (
              <>
                <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: item.tag.color ?? "var(--muted-foreground)" }} />
                <span className="truncate">{item.tag.name}</span>
                {item.tag.contactCount !== undefined ? (
                  <span className="ml-auto text-[11px] text-muted-foreground tabular-nums">{item.tag.contactCount}</span>
                ) : null}
              </>
            ) : (
              <>
                <Plus className="size-3.5 text-muted-foreground" />
                <span className="truncate">Create “{item.name}”</span>
              </>
            )}
          </li>
        ))}
        {items.length === 0 && !tags.isPending ? (
          <li className="px-2 py-1.5 text-[12px] text-muted-foreground">{prefix ? "No tag starts with that" : "No tags yet"}</li>
        ) : null}
      </ul>
    </div>
  );
}
