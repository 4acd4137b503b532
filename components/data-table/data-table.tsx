"use client";

import {
  columnResizingFeature, columnSizingFeature, createColumnHelper, functionalUpdate, tableFeatures, useTable,
  type ColumnDef, type ColumnSizingState, type RowData,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { DataRow, SELECT_WIDTH, type DataRowProps, type RowHandlers } from "./data-row";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/button";
import { HeaderCell } from "./header-cell";
import { isRowSelected, loadedRowsState, toggleLoadedRows, toggleRow, type RowSelection } from "./selection";
import { nextSort, type TableSortKey } from "./sorting";

export interface DataTableColumnMeta {
  /** Fixed CSS width ("240px", "20%") for tables without resizing; resizable tables use the column's `size`. */
  width?: string;
  align?: "left" | "right";
  /** Extra classes for this column's cells. */
  className?: string;
  /** Width of the placeholder bar while loading, e.g. "w-32". */
  skeletonClassName?: string;
  /** The server field this column sorts by; without it the header does not sort. */
  sortField?: string;
  /** The column's name in words, for headers that render markup and for resize handles. */
  label?: string;
}

// Server-driven tables sort, filter and page in SQL: the table itself only sizes columns.
export const dataTableFeatures = tableFeatures({ columnSizingFeature, columnResizingFeature, columnMeta: {} as DataTableColumnMeta });
export type DataTableFeatures = typeof dataTableFeatures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** Keyset pages loaded as the user scrolls; rows render virtualised, so 100,000 loaded rows stay smooth. */
export interface DataTableInfiniteScroll {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

export interface DataTableProps<TData extends RowData> {
  columns: Array<DataTableColumn<TData>>;
  data: readonly TData[];
  getRowId: (row: TData) => string;
  isLoading?: boolean;
  skeletonRows?: number;
  emptyState?: ReactNode;
  /** Rendered in place of the body when set (takes precedence over data). */
  errorState?: ReactNode;
  /** Makes a whole row open this URL on click; cells should still contain a real link for keyboard users. */
  rowHref?: (row: TData) => string;
  getRowClassName?: (row: TData) => string | undefined;
  "aria-label"?: string;
  className?: string;
  /** Server-side sort: headers of columns with `meta.sortField` toggle it; shift-click builds a multi-column sort. */
  sort?: readonly TableSortKey[];
  onSortChange?: (sort: TableSortKey[]) => void;
  /** Enables dragging headers to reorder; receives the new order of column ids. */
  onColumnOrderChange?: (columnIds: string[]) => void;
  /** Enables resizing from the header's right edge. */
  columnSizing?: ColumnSizingState;
  onColumnSizingChange?: (sizing: ColumnSizingState) => void;
  /** Adds a checkbox column; shift-click selects ranges. */
  selection?: RowSelection;
  onSelectionChange?: (selection: RowSelection) => void;
  /** Virtualised rows in the table's own scroll area, loading the next page near the end. */
  infinite?: DataTableInfiniteScroll;
  /** Rows matching in all (aria-rowcount), when more exist than are loaded. */
  rowCount?: number;
  /** Keeps the checkbox and first column in view while scrolling sideways. */
  stickyFirstColumn?: boolean;
}

const ROW_HEIGHT = 40;

function isInteractive(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest("a, button, input, select, textarea, label, [role='menuitem'], [data-cell-editor]");
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const {
    columns, data, getRowId, isLoading, skeletonRows = 12, emptyState, errorState, rowHref, getRowClassName, className,
    sort, onSortChange, onColumnOrderChange, columnSizing, onColumnSizingChange, selection, onSelectionChange,
    infinite, rowCount, stickyFirstColumn, "aria-label": ariaLabel,
  } = props;
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<string | null>(null);
  const isResizable = !!onColumnSizingChange;
  const hasSelection = !!(selection && onSelectionChange);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    columnResizeMode: "onChange",
    enableColumnResizing: isResizable,
    state: columnSizing ? { columnSizing } : undefined,
    onColumnSizingChange: (updater) => onColumnSizingChange?.(functionalUpdate(updater, columnSizing ?? {})),
  });
  const leafColumns = table.getAllLeafColumns();
  const rows = table.getRowModel().rows;
  const rowIds = rows.map((row) => row.id);

  // TanStack Virtual keeps its own mutable state; the compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: infinite ? rows.length + (infinite.hasNextPage ? 1 : 0) : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const virtualItems = infinite ? virtualizer.getVirtualItems() : [];
  const lastIndex = virtualItems.at(-1)?.index ?? -1;

  useEffect(() => {
    if (!infinite || !infinite.hasNextPage || infinite.isFetchingNextPage) return;
    // Ask for the next page a screen before the end, so scrolling rarely meets the loader row.
    if (lastIndex >= rows.length - 20) infinite.fetchNextPage();
  }, [infinite, lastIndex, rows.length]);

  // Rows are memoised, so they receive one stable handlers object that reads the latest props.
  const latest = useRef({ rowHref, selection, onSelectionChange, rowIds, router });
  useEffect(() => {
    latest.current = { rowHref, selection, onSelectionChange, rowIds, router };
  });
  const [handlers] = useState<RowHandlers<TData>>(() => ({
    onRowClick: (event, row) => {
      const { rowHref: hrefOf, router: navigate } = latest.current;
      if (!hrefOf || isInteractive(event.target) || window.getSelection()?.toString()) return;
      const href = hrefOf(row);
      if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
      else navigate.push(href);
    },
    onCheckboxClick: (event, id) => {
      const { selection: current, onSelectionChange: change, rowIds: ids } = latest.current;
      if (!current || !change) return;
      const next = toggleRow(current, id, { isRange: event.shiftKey, anchorId: anchorRef.current, rowIds: ids });
      anchorRef.current = next.anchorId;
      change(next.selection);
    },
  }));
  const renderCell = useCallback(
    (cell: Parameters<DataRowProps<TData>["renderCell"]>[0]) => <table.FlexRender cell={cell} />,
    [table],
  );

  // Rows are flex boxes rather than table layout: a virtualised row then lays out on its own, and
  // rows entering the window never make the browser lay out the whole table again.
  const cellStyle = useCallback(
    (column: { getSize: () => number; columnDef: { meta?: DataTableColumnMeta } }): CSSProperties => {
      if (isResizable) return { width: column.getSize(), flex: "none" };
      const width = column.columnDef.meta?.width;
      return width ? { width, flex: "none" } : { flex: "1 1 0" };
    },
    [isResizable],
  );
  const firstColumnId = leafColumns[0]?.id;
  const stickyLeft = (columnId: string | null): CSSProperties | undefined => {
    if (!stickyFirstColumn) return undefined;
    if (columnId === null) return { position: "sticky", left: 0 };
    return columnId === firstColumnId ? { position: "sticky", left: hasSelection ? SELECT_WIDTH : 0 } : undefined;
  };
  const moveColumn = (fromId: string, toId: string) => {
    const ids = leafColumns.map((column) => column.id);
    const from = ids.indexOf(fromId);
    const to = ids.indexOf(toId);
    if (from === -1 || to === -1) return;
    ids.splice(to, 0, ...ids.splice(from, 1));
    onColumnOrderChange?.(ids);
  };

  const renderRow = (row: (typeof rows)[number], index: number, start: number | null = null) => (
    <DataRow
      key={row.id}
      row={row}
      index={index}
      start={start}
      cellStyle={cellStyle}
      columnSizing={columnSizing}
      isSelected={selection ? isRowSelected(selection, row.id) : false}
      hasSelection={hasSelection}
      isResizable={isResizable}
      isClickable={!!rowHref}
      stickyFirstColumn={!!stickyFirstColumn}
      className={getRowClassName?.(row.original)}
      columns={columns}
      handlers={handlers}
      renderCell={renderCell}
    />
  );

  const body = (() => {
    if (errorState) return <FullWidthRow>{errorState}</FullWidthRow>;
    if (isLoading) {
      return Array.from({ length: skeletonRows }, (_, index) => (
        <tr key={index} role="row" className="flex h-10 border-b border-border" data-testid="data-table-skeleton-row">
          {hasSelection ? <td role="cell" style={{ width: SELECT_WIDTH, flex: "none" }} /> : null}
          {leafColumns.map((column) => (
            <td key={column.id} role="cell" style={cellStyle(column)} className="flex items-center px-3">
              <Skeleton className={cn("h-3.5", column.columnDef.meta?.skeletonClassName ?? "w-3/4")} />
            </td>
          ))}
        </tr>
      ));
    }
    if (rows.length === 0) return <FullWidthRow>{emptyState ?? "No rows"}</FullWidthRow>;
    if (!infinite) return rows.map((row, index) => renderRow(row, index));
    return virtualItems.map((item) => {
      const row = rows[item.index];
      if (row) return renderRow(row, item.index, item.start);
      return (
        <tr
          key="loader"
          role="row"
          style={{ position: "absolute", top: 0, left: 0, transform: `translateY(${item.start}px)` }}
          className="flex h-10 w-full items-center px-3 text-[12px] text-muted-foreground"
          data-testid="data-table-loading-more"
        >
          <td role="cell" className="inline-flex items-center gap-2">
            <Spinner className="size-3" /> Loading more…
          </td>
        </tr>
      );
    });
  })();

  const pageState = selection ? loadedRowsState(selection, rowIds) : "none";
  const tableWidth = isResizable ? table.getTotalSize() + (hasSelection ? SELECT_WIDTH : 0) : 960;
  const hasVirtualBody = !!infinite && !errorState && !isLoading && rows.length > 0;

  return (
    <div
      ref={scrollRef}
      className={cn("relative w-full", infinite ? "min-h-0 flex-1 overflow-auto" : "overflow-x-auto", className)}
      data-testid="data-table-scroll"
    >
      <table
        role="table"
        aria-label={ariaLabel}
        aria-busy={isLoading || undefined}
        aria-rowcount={rowCount !== undefined ? rowCount + 1 : undefined}
        style={{ minWidth: tableWidth }}
        className="block w-full"
      >
        <thead role="rowgroup" className="sticky top-0 z-20 block bg-background">
          {table.getHeaderGroups().map((headerGroup) => (
            <tr key={headerGroup.id} role="row" aria-rowindex={1} className="flex w-full">
              {hasSelection ? (
                <th
                  scope="col"
                  role="columnheader"
                  style={{ ...stickyLeft(null), width: SELECT_WIDTH, flex: "none" }}
                  className="z-30 flex h-9 items-center border-b border-border bg-background px-2.5"
                >
                  <Checkbox
                    aria-label="Select all loaded rows"
                    checked={pageState === "all"}
                    ref={(element) => {
                      if (element) element.indeterminate = pageState === "some";
                    }}
                    onChange={() => onSelectionChange!(toggleLoadedRows(selection!, rowIds))}
                  />
                </th>
              ) : null}
              {headerGroup.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sticky = stickyLeft(header.column.id);
                const label = meta?.label ?? (typeof header.column.columnDef.header === "string" ? header.column.columnDef.header : header.column.id);
                return (
                  <HeaderCell
                    key={header.id}
                    columnId={header.column.id}
                    label={label}
                    align={meta?.align}
                    style={{ ...cellStyle(header.column), ...sticky }}
                    className={sticky ? "z-30 border-r" : undefined}
                    sort={sort}
                    sortField={meta?.sortField}
                    onSort={onSortChange && sort ? (field, isMulti) => onSortChange(nextSort(sort, field, isMulti)) : undefined}
                    onMove={onColumnOrderChange ? moveColumn : undefined}
                    resizeHandler={isResizable && header.column.getCanResize() ? header.getResizeHandler() : undefined}
                    isResizing={header.column.getIsResizing()}
                    onResetSize={() => header.column.resetSize()}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </HeaderCell>
                );
              })}
              {isResizable ? <th aria-hidden className="min-w-0 flex-1 border-b border-border bg-background" /> : null}
            </tr>
          ))}
        </thead>
        <tbody role="rowgroup" className="relative block" style={hasVirtualBody ? { height: virtualizer.getTotalSize() } : undefined}>
          {body}
        </tbody>
      </table>
    </div>
  );
}

function FullWidthRow({ children }: { children: ReactNode }) {
  return (
    <tr role="row" className="flex">
      <td role="cell" className="min-w-0 flex-1">
        {children}
      </td>
    </tr>
  );
}
