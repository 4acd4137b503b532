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
  /** Only compared: new column definitions must re-render rows whose data did not change. */
  columns: unknown;
  handlers: RowHandlers<TData>;
  renderCell: (cell: ReturnType<Row<DataTableFeatures, TData>["getAllCells"]>[number]) => ReactNode;
}

/**
 * One body row. Memoised: while scrolling a virtualised list only rows entering the window render,
 * instead of every visible row on every frame.
 */
function DataRowInner<TData extends RowData>({
  row, index, isSelected, hasSelection, isResizable, isClickable, stickyFirstColumn, className, handlers, renderCell,
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
      data-row-id={row.id}
      data-selected={isSelected || undefined}
      aria-rowindex={index + 2}
      onClick={isClickable ? (event) => handlers.onRowClick(event, row.original) : undefined}
      className={cn(
        "group/row h-10 border-b border-border transition-colors hover:bg-muted data-[selected=true]:bg-accent",
        isClickable && "cursor-pointer",
        className,
      )}
    >
      {hasSelection ? (
        <td style={sticky(null)} className={cn("px-2.5", stickyFirstColumn && stickyCell)}>
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
            style={style}
            className={cn(
              "max-w-0 truncate px-3 text-[13px]",
              meta?.align === "right" && "text-right tabular-nums",
              style && cn(stickyCell, "border-r border-border"),
              meta?.className,
            )}
          >
            {renderCell(cell)}
          </td>
        );
      })}
      {isResizable ? <td aria-hidden /> : null}
    </tr>
  );
}

export const DataRow = memo(DataRowInner) as typeof DataRowInner;
