"use client";

import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import type { CSSProperties, DragEvent, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { sortIndexOf, type TableSortKey } from "./sorting";

const DRAG_TYPE = "application/x-datatable-column";

export interface HeaderCellProps {
  columnId: string;
  children: ReactNode;
  label: string;
  align?: "left" | "right";
  style?: CSSProperties;
  className?: string;
  sort?: readonly TableSortKey[];
  sortField?: string;
  onSort?: (field: string, isMulti: boolean) => void;
  /** Enables dragging this header onto another to move the column there. */
  onMove?: (fromId: string, toId: string) => void;
  resizeHandler?: (event: unknown) => void;
  isResizing?: boolean;
  onResetSize?: () => void;
}

/**
 * A column header: click sorts (shift-click adds a key), dragging the header moves the column,
 * and the grip on its right edge resizes it (double-click resets the width).
 */
export function HeaderCell({
  columnId, children, label, align, style, className, sort = [], sortField, onSort, onMove, resizeHandler, isResizing, onResetSize,
}: HeaderCellProps) {
  const sorted = sortField ? sortIndexOf(sort, sortField) : null;
  const canSort = !!(sortField && onSort);
  const onDragStart = (event: DragEvent<HTMLTableCellElement>) => {
    event.dataTransfer.setData(DRAG_TYPE, columnId);
    event.dataTransfer.effectAllowed = "move";
  };
  const onDragOver = (event: DragEvent<HTMLTableCellElement>) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  };
  const onDrop = (event: DragEvent<HTMLTableCellElement>) => {
    const from = event.dataTransfer.getData(DRAG_TYPE);
    if (from && from !== columnId) {
      event.preventDefault();
      onMove?.(from, columnId);
    }
  };
  const ariaSort = sorted ? (sorted.direction === "asc" ? "ascending" : "descending") : canSort ? "none" : undefined;
  const SortIcon = sorted ? (sorted.direction === "asc" ? ArrowUp : ArrowDown) : ChevronsUpDown;

  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      style={style}
      draggable={!!onMove && !isResizing}
      onDragStart={onMove ? onDragStart : undefined}
      onDragOver={onMove ? onDragOver : undefined}
      onDrop={onMove ? onDrop : undefined}
      data-column-id={columnId}
      className={cn(
        "group/header relative flex h-9 min-w-0 items-center border-b border-border bg-background px-3 text-left text-[12px] font-medium text-muted-foreground select-none",
        align === "right" && "justify-end text-right",
        onMove && "cursor-grab active:cursor-grabbing",
        className,
      )}
    >
      {canSort ? (
        <button
          type="button"
          onClick={(event) => onSort!(sortField!, event.shiftKey)}
          title={`Sort by ${label} (shift-click to add to the sort)`}
          className={cn("inline-flex max-w-full items-center gap-1 align-middle hover:text-foreground", align === "right" && "flex-row-reverse", sorted && "text-foreground")}
        >
          <span className="truncate">{children}</span>
          <SortIcon aria-hidden className={cn("size-3 shrink-0", !sorted && "opacity-0 group-hover/header:opacity-60")} />
          {sorted && sort.length > 1 ? <span className="text-[10px] tabular-nums">{sorted.index + 1}</span> : null}
        </button>
      ) : (
        <span className="min-w-0 truncate">{children}</span>
      )}
      {resizeHandler ? (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={`Resize ${label}`}
          onMouseDown={resizeHandler}
          onTouchStart={resizeHandler}
          onDoubleClick={onResetSize}
          onClick={(event) => event.stopPropagation()}
          className={cn(
            "absolute top-0 right-0 z-10 h-full w-1.5 cursor-col-resize touch-none",
            "hover:bg-ring/40",
            isResizing && "bg-ring/60",
          )}
        />
      ) : null}
    </th>
  );
}
