"use client";

import { ArrowDown, ArrowUp, ChartColumn, SearchX, X } from "lucide-react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import {
  ColumnChooser, DataTable, DataTableSelectionBar, countSelected, emptySelection, selectedLoadedIds, type RowSelection,
} from "@/components/data-table";
import { FilterPopover } from "@/components/filters/filter-popover";
import { FilterSummary } from "@/components/filters/filter-summary";
import { addCondition } from "@/components/filters/model";
import { useFilterFields, useFilterLookups } from "@/components/filters/use-filter-fields";
import type { FilterNode } from "@/components/filters/types";
import { BulkRunsProvider } from "@/components/bulk/bulk-runs";
import { InsightsPanel } from "@/components/insights/insights-panel";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { buildContactColumns, columnLabel, contactColumnChoices } from "./columns";
import { isSameValue } from "./table-state";
import { useCellUpdate } from "./table/use-cell-update";
import { useContactsList } from "./table/use-contacts-list";
import type { TableUrlState } from "./table/use-table-url-state";

/** What bulk actions (tagging, segments, exports…) receive about the selection. */
export interface ContactSelectionContext {
  selection: RowSelection;
  /** Selected rows counted against the whole match (for "all matching"). */
  count: number;
  /** Ids of selected rows that are loaded; in "all" mode the rest are named by `filters`. */
  loadedIds: string[];
  /** The filter the table applies, segment scope included: "all matching" means these. */
  filters: FilterNode | null;
  clear: () => void;
}

export interface ContactsExplorerProps {
  url: TableUrlState;
  /** A segment page: members only, and insights for the segment. Not part of the URL. */
  segmentId?: string;
  header: (info: { totalCount: number | undefined; isEstimate: boolean; isError: boolean; isUpdating: boolean }) => ReactNode;
  /** Rendered between the header and the toolbar (saved views). */
  above?: ReactNode;
  /** Notices about the state (dropped view parts); receives the ids of columns that could not be shown. */
  notices?: (missingColumns: string[]) => ReactNode;
  bulkActions?: (context: ContactSelectionContext) => ReactNode;
  /** The empty state when nothing matches and no filter is set. */
  emptyState: ReactNode;
}

function SortSummary({ url, labelOf }: { url: TableUrlState; labelOf: (field: string) => string }) {
  const sort = url.state.sort;
  if (sort.length === 0) return null;
  return (
    <div className="flex items-center gap-1 text-[12px] text-muted-foreground" data-testid="sort-summary">
      <span>Sorted by</span>
      {sort.map((key, index) => (
        <span key={key.field} className="inline-flex h-6 items-center gap-0.5 rounded-md border border-border bg-surface pr-0.5 pl-1.5 text-foreground">
          {sort.length > 1 ? <span className="text-muted-foreground tabular-nums">{index + 1}.</span> : null}
          {labelOf(key.field)}
          {key.direction === "asc" ? <ArrowUp aria-label="ascending" className="size-3" /> : <ArrowDown aria-label="descending" className="size-3" />}
          <button
            type="button"
            aria-label={`Stop sorting by ${labelOf(key.field)}`}
            onClick={() => url.setSort(sort.filter((other) => other.field !== key.field))}
            className="rounded p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground"
          >
            <X className="size-3" />
          </button>
        </span>
      ))}
    </div>
  );
}

/**
 * The contacts table with everything around it: filter builder and chips, sort, columns, selection,
 * and the insights panel. Its state lives in the URL (`url`); a segment page scopes it to members.
 */
export function ContactsExplorer({ url, segmentId, header, above, notices, bulkActions, emptyState }: ContactsExplorerProps) {
  const { fields, fieldsByKey } = useFilterFields();
  const saveCell = useCellUpdate();
  const { state } = url;
  const lookups = useFilterLookups(fieldsByKey, [state.filters]);
  const [showInsights, setShowInsights] = useState(false);

  const listFilters = useMemo<FilterNode | null>(() => {
    if (!segmentId) return state.filters;
    const member: FilterNode = { field: "segment", operator: "eq", value: segmentId };
    return state.filters ? { and: [member, state.filters] } : { and: [member] };
  }, [segmentId, state.filters]);
  const list = useContactsList(listFilters, state.sort, url.isReady);

  // A new filter or sort is a different list: a selection made in the old one no longer applies.
  const selectionScope = JSON.stringify([listFilters, state.sort]);
  const [selection, setSelection] = useState<RowSelection>(emptySelection);
  const [scopeSeen, setScopeSeen] = useState(selectionScope);
  if (scopeSeen !== selectionScope) {
    setScopeSeen(selectionScope);
    setSelection(emptySelection);
  }

  // Widths change on every pointer move while resizing; the URL catches up once the hand rests.
  const [widths, setWidths] = useState(state.widths);
  const [widthsSeen, setWidthsSeen] = useState(state.widths);
  if (!isSameValue(widthsSeen, state.widths)) {
    setWidthsSeen(state.widths);
    setWidths(state.widths);
  }
  const { setWidths: writeWidths } = url;
  useEffect(() => {
    if (isSameValue(widths, widthsSeen)) return;
    const timer = setTimeout(() => writeWidths(widths), 400);
    return () => clearTimeout(timer);
  }, [widths, widthsSeen, writeWidths]);

  // Keyed by the ids, not the array: every URL change parses a new array, and new column definitions
  // would remount every cell (dropping an edit in progress).
  const columnKey = state.columns.join(",");
  const { columns, missing } = useMemo(() => buildContactColumns(columnKey.split(","), fieldsByKey, saveCell), [columnKey, fieldsByKey, saveCell]);
  const choices = useMemo(() => contactColumnChoices(fields), [fields]);
  const labelOf = (field: string) => (field === "firstName" ? "First name" : fieldsByKey.get(field)?.label ?? columnLabel(field, fieldsByKey));

  const totalCount = list.totalCount ?? 0;
  const count = countSelected(selection, totalCount);
  const listError = list.query.error as (Error & { data?: { code?: string } }) | null;
  const isFilterError = listError?.data?.code === "BAD_REQUEST";
  const narrow = (condition: FilterNode) => url.setFilters(addCondition(state.filters, condition));

  const errorState = listError ? (
    <ErrorState
      title={isFilterError ? "This filter cannot be applied" : "Could not load contacts"}
      message={listError.message}
      action={
        isFilterError ? (
          <Button variant="outline" onClick={() => url.setFilters(null)}>Clear filters</Button>
        ) : (
          <Button variant="outline" onClick={() => list.query.refetch()} isLoading={list.query.isFetching}>Try again</Button>
        )
      }
    />
  ) : undefined;

  return (
    <BulkRunsProvider>
      <div className="flex h-full min-h-0 flex-col">
        {header({ totalCount: list.totalCount, isEstimate: list.isEstimate, isError: list.query.isError, isUpdating: list.query.isPlaceholderData })}
        {above}
        <div className="flex min-h-11 shrink-0 flex-wrap items-center gap-2 border-b border-border px-4 py-1.5">
          <FilterPopover
            filters={state.filters}
            onApply={url.setFilters}
            fields={fields}
            fieldsByKey={fieldsByKey}
            serverError={isFilterError ? listError?.message : null}
          />
          <div className="min-w-0 flex-1">
            <FilterSummary filters={state.filters} lookups={lookups} onChange={url.setFilters} />
          </div>
          <SortSummary url={url} labelOf={labelOf} />
          <Button variant={showInsights ? "secondary" : "outline"} size="sm" aria-pressed={showInsights} onClick={() => setShowInsights((open) => !open)}>
            <ChartColumn />
            Insights
          </Button>
          <ColumnChooser choices={choices} visible={state.columns} onChange={url.setColumns} />
        </div>
        {notices?.(missing)}
        <DataTableSelectionBar
          selection={selection}
          onSelectionChange={setSelection}
          totalCount={totalCount}
          isEstimate={list.isEstimate}
          noun={{ one: "contact", many: "contacts" }}
        >
          {bulkActions?.({
            selection,
            count,
            loadedIds: selectedLoadedIds(selection, list.rows.map((row) => row.id)),
            filters: listFilters,
            clear: () => setSelection(emptySelection),
          })}
        </DataTableSelectionBar>
        <div className="flex min-h-0 flex-1">
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <DataTable
              aria-label="Contacts"
              columns={columns}
              data={list.rows}
              getRowId={(contact) => contact.id}
              isLoading={!url.isReady || list.query.isPending}
              className={list.query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}
              errorState={errorState}
              emptyState={
                state.filters ? (
                  <EmptyState
                    icon={<SearchX />}
                    title="No contacts match these filters"
                    action={<Button variant="outline" onClick={() => url.setFilters(null)}>Clear filters</Button>}
                  />
                ) : (
                  emptyState
                )
              }
              sort={state.sort}
              onSortChange={url.setSort}
              onColumnOrderChange={url.setColumns}
              columnSizing={widths}
              onColumnSizingChange={setWidths}
              selection={selection}
              onSelectionChange={setSelection}
              infinite={{
                // Placeholder rows belong to the previous filter; their cursor means nothing for the new one.
                hasNextPage: list.query.hasNextPage && !list.query.isPlaceholderData,
                isFetchingNextPage: list.query.isFetchingNextPage,
                fetchNextPage: () => void list.query.fetchNextPage({ cancelRefetch: false }),
              }}
              rowCount={list.totalCount}
              stickyFirstColumn
            />
          </div>
          {showInsights ? (
            <InsightsPanel filters={state.filters} segmentId={segmentId} onNarrow={narrow} onClose={() => setShowInsights(false)} />
          ) : null}
        </div>
      </div>
    </BulkRunsProvider>
  );
}
