export {
  DataTable, createDataTableColumnHelper, dataTableFeatures,
  type DataTableColumn, type DataTableColumnMeta, type DataTableFeatures, type DataTableInfiniteScroll, type DataTableProps,
} from "./data-table";
export { DataTablePagination, type DataTablePaginationProps } from "./pagination";
export { DataTableSelectionBar, type DataTableSelectionBarProps } from "./selection-bar";
export { ColumnChooser, type ColumnChoice } from "./column-chooser";
export {
  countSelected, emptySelection, isRowSelected, selectAllMatching, selectedLoadedIds, type RowSelection,
} from "./selection";
export { nextSort, type TableSortKey } from "./sorting";
export { Popover } from "./popover";
export { AnchoredPopover } from "./anchored-popover";
