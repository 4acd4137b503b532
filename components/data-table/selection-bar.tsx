"use client";

import { X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { countSelected, selectAllMatching, type RowSelection } from "./selection";

const numberFormat = new Intl.NumberFormat("en-US");

export interface DataTableSelectionBarProps {
  selection: RowSelection;
  onSelectionChange: (selection: RowSelection) => void;
  /** Rows matching the current filter; with `isEstimate`, "select all" says "about". */
  totalCount: number;
  isEstimate?: boolean;
  noun?: { one: string; many: string };
  /** Bulk actions for the selection (tagging, segments, exports…), rendered at the bar's end. */
  children?: ReactNode;
}

/** Shown while rows are selected: the count, "select all N matching", clear, and the caller's actions. */
export function DataTableSelectionBar({
  selection, onSelectionChange, totalCount, isEstimate, noun = { one: "row", many: "rows" }, children,
}: DataTableSelectionBarProps) {
  const count = countSelected(selection, totalCount);
  if (count === 0) return null;
  const about = isEstimate ? "about " : "";
  const word = (n: number) => (n === 1 ? noun.one : noun.many);
  return (
    <div
      role="region"
      aria-label="Selection"
      className="flex h-10 shrink-0 items-center gap-3 border-b border-border bg-accent/60 px-4 text-[13px]"
      data-testid="selection-bar"
    >
      <span className="font-medium tabular-nums" data-testid="selection-count">
        {selection.mode === "all" ? `${about}${numberFormat.format(count)}` : numberFormat.format(count)} {word(count)} selected
      </span>
      {selection.mode === "ids" && totalCount > count ? (
        <Button variant="ghost" size="sm" onClick={() => onSelectionChange(selectAllMatching())}>
          Select all {about}{numberFormat.format(totalCount)} matching
        </Button>
      ) : null}
      <Button variant="ghost" size="sm" onClick={() => onSelectionChange({ mode: "ids", ids: new Set() })}>
        <X />
        Clear selection
      </Button>
      {children ? <div className="ml-auto flex items-center gap-2">{children}</div> : null}
    </div>
  );
}
