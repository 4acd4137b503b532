"use client";

import type { Row, RowData } from "@tanstack/react-table";
import { memo, type CSSProperties, type MouseEvent, type ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import type { DataTableFeatures } from "./data-table";

export const SELECT_WIDTH = 36;
const stickyCell = "z-10 bg-background group-hover/row:bg-muted group-data-[selected=true]/row:bg-accent";

/** Handlers shared by every row; the table keeps the object stable so rows can skip re-rendering. */
export interface RowHandlers<TData> {
  onCheckboxClick: (event: MouseEvent<HTMLInputElement>, id: string) => void;
  onRowClick: (event: MouseEvent<HTMLTableRowElement>, row: TData) => void;
}

export interface DataRowProps<TData extends RowData> {
  row: Row<DataTableFeatures, TData>;
  index: number;
  isSelected: boolean;
  hasSelection: boolean;
  isResizable: boolean;
  isClickable: boolean;
  stickyFirstColumn: boolean;
  className: string | undefined;
  /** Only compared: new column definitions or widths must re-render rows whose data did not change. */
  columns: unknown;
  columnSizing: unknown;
  /** Offset of a virtualised row (absolutely positioned); null for rows in normal flow. */
  start: number | null;
  cellStyle: (column: ReturnType<Row<DataTableFeatures, TData>["getAllCells"]>[number]["column"]) => CSSProperties;
  handlers: RowHandlers<TData>;
  renderCell: (cell: ReturnType<Row<DataTableFeatures, TData>["getAllCells"]>[number]) => ReactNode;
}

/**
 * One body row. Memoised: while scrolling a virtualised list only rows entering the window render,
 * instead of every visible row on every frame.
 */
function DataRowInner<TData extends RowData>({
  row, index, isSelected, hasSelection, isResizable, isClickable, stickyFirstColumn, className, handlers, renderCell, start, cellStyle,
}: DataRowProps<TData>) {
  const cells = row.getAllCells();
  const firstColumnId = cells[0]?.column.id;
  const sticky = (columnId: string | null): CSSProperties | undefined => {
    if (!stickyFirstColumn) return undefined;
    if (columnId === null) return { position: "sticky", left: 0 };
    return columnId === firstColumnId ? { position: "sticky", left: hasSelection ? SELECT_WIDTH : 0 } : undefined;
  };
  return (
    <tr
      role="row"
      data-row-id={row.id}
      data-selected={isSelected || undefined}
      aria-rowindex={index + 2}
      aria-selected={hasSelection ? isSelected : undefined}
      style={start === null ? undefined : { position: "absolute", top: 0, left: 0, transform: `translateY(${start}px)` }}
      onClick={isClickable ? (event) => handlers.onRowClick(event, row.original) : undefined}
      className={cn(
        "group/row flex h-10 w-full border-b border-border transition-colors hover:bg-muted data-[selected=true]:bg-accent",
        isClickable && "cursor-pointer",
        className,
      )}
    >
      {hasSelection ? (
        <td role="cell" style={{ ...sticky(null), width: SELECT_WIDTH, flex: "none" }} className={cn("flex items-center px-2.5", stickyFirstColumn && stickyCell)}>
          <Checkbox
            aria-label="Select row"
            checked={isSelected}
            onChange={() => undefined}
            onClick={(event) => handlers.onCheckboxClick(event, row.id)}
            // Shift-click would otherwise also select the text between the two rows.
            onMouseDown={(event) => event.shiftKey && event.preventDefault()}
          />
        </td>
      ) : null}
      {cells.map((cell) => {
        const meta = cell.column.columnDef.meta;
        const style = sticky(cell.column.id);
        return (
          <td
            key={cell.id}
            role="cell"
            style={{ ...cellStyle(cell.column), ...style }}
            className={cn("flex min-w-0 items-center px-3 text-[13px]", style && cn(stickyCell, "border-r border-border"), meta?.className)}
          >
            <div className={cn("min-w-0 flex-1 truncate", meta?.align === "right" && "text-right tabular-nums")}>{renderCell(cell)}</div>
          </td>
        );
      })}
      {isResizable ? <td aria-hidden className="min-w-0 flex-1" /> : null}
    </tr>
  );
}

export const DataRow = memo(DataRowInner) as typeof DataRowInner;
