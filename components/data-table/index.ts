export {
  DataTable, createDataTableColumnHelper, dataTableFeatures,
  type DataTableColumn, type DataTableColumnMeta, type DataTableFeatures, type DataTableProps,
} from "./data-table";
export { DataTablePagination, type DataTablePaginationProps } from "./pagination";
