"use client";

import { X } from "lucide-react";
import { childrenOf, groupKind, isGroup, removeAt, toEditable, finishTree } from "./model";
import { describeTree, type FilterLookups } from "./describe";
import type { FilterNode } from "./types";

/**
 * The applied filter as removable chips, one per top-level condition, joined by the root's and/or;
 * nested groups read as one chip in parentheses.
 */
export function FilterSummary({
  filters,
  lookups,
  onChange,
}: {
  filters: FilterNode | null;
  lookups: FilterLookups;
  onChange: (filters: FilterNode | null) => void;
}) {
  if (!filters) return null;
  const root = toEditable(filters);
  const kind = groupKind(root);
  const children = childrenOf(root);
  return (
    <ul className="flex min-w-0 flex-wrap items-center gap-1.5" aria-label="Applied filters" data-testid="filter-summary">
      {children.map((child, index) => {
        const text = describeTree(child, lookups, isGroup(child));
        return (
          <li key={index} className="flex items-center gap-1.5">
            {index > 0 ? <span className="text-[12px] text-muted-foreground">{kind}</span> : null}
            <span className="inline-flex h-6 max-w-96 items-center gap-1 rounded-md border border-border bg-surface pr-0.5 pl-2 text-[12px]">
              <span className="truncate" title={text}>
                {text}
              </span>
              <button
                type="button"
                aria-label={`Remove filter: ${text}`}
                onClick={() => onChange(finishTree(removeAt(root, [index])))}
                className="rounded p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground"
              >
                <X className="size-3" />
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
