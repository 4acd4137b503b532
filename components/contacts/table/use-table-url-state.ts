"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo } from "react";
import type { FilterNode, SortKey } from "@/components/filters/types";
import {
  ALL_CONTACTS, buildTableSearch, changedFromView, emptyTableParams, isSameValue, parseTableParams, resolveTableState,
  type TableState, type ViewState,
} from "../table-state";

export interface ViewLike {
  id: string;
  filters: FilterNode | null;
  sortBy: SortKey[];
  columns: string[];
  isDefault: boolean;
}

/**
 * The table state read from the URL and written back to it. Writes go through the History API, which
 * Next.js syncs with useSearchParams without a server round trip; each change is a history entry
 * (back undoes a filter), except column widths, which replace the current one.
 *
 * `views`: the saved views (undefined while loading; pass [] where views do not apply).
 */
export function useTableUrlState<V extends ViewLike>(views: readonly V[] | undefined) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => parseTableParams(searchParams), [searchParams]);

  const defaultView = views?.find((view) => view.isDefault) ?? null;
  const named = params.viewId && params.viewId !== ALL_CONTACTS ? views?.find((view) => view.id === params.viewId) : undefined;
  const view: V | null = params.viewId === ALL_CONTACTS ? null : params.viewId ? (named ?? null) : defaultView;
  const isReady = views !== undefined;
  const missingViewId = isReady && params.viewId && params.viewId !== ALL_CONTACTS && !named ? params.viewId : null;
  const viewState: ViewState | null = useMemo(
    () => (view ? { filters: view.filters, sortBy: view.sortBy, columns: view.columns } : null),
    [view],
  );
  const state = useMemo(() => resolveTableState(params, viewState), [params, viewState]);
  const changed = useMemo(() => changedFromView(state, viewState), [state, viewState]);
  // With a default view, "no view" must be spelled out or the default would open instead.
  const viewKey = view ? view.id : defaultView ? ALL_CONTACTS : null;

  useEffect(() => {
    // Opening the page plainly lands on the default view; the URL then names it, so it can be shared.
    if (isReady && params.viewId === null && defaultView && typeof window !== "undefined") {
      const search = new URLSearchParams(window.location.search);
      search.set("view", defaultView.id);
      window.history.replaceState(null, "", `${pathname}?${search.toString()}`);
    }
  }, [isReady, params.viewId, defaultView, pathname]);

  const write = (next: Partial<TableState>, options: { replace?: boolean } = {}) => {
    // Read the address bar, not this render's state: two changes in quick succession (before React
    // re-renders with the first) must both land.
    const current = resolveTableState(parseTableParams(new URLSearchParams(window.location.search)), viewState);
    const merged = { ...current, ...next };
    const base = resolveTableState(emptyTableParams, viewState);
    const search = buildTableSearch({
      viewId: viewKey,
      filters: isSameValue(merged.filters, base.filters) ? undefined : merged.filters,
      sort: isSameValue(merged.sort, base.sort) ? undefined : merged.sort,
      columns: isSameValue(merged.columns, base.columns) ? undefined : merged.columns,
      widths: merged.widths,
    });
    const url = `${pathname}${search}`;
    if (options.replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  };

  return {
    params,
    view,
    isReady,
    missingViewId,
    state,
    changed,
    setFilters: (filters: FilterNode | null) => write({ filters }),
    setSort: (sort: SortKey[]) => write({ sort }),
    setColumns: (columns: string[]) => write({ columns }),
    setWidths: (widths: Record<string, number>) => write({ widths }, { replace: true }),
    /** Opens a view (or ALL_CONTACTS) as saved, dropping unsaved changes. */
    openView: (id: string) => window.history.pushState(null, "", `${pathname}?view=${encodeURIComponent(id)}`),
    /** Keeps what is shown but detaches it from the current view (for "save as new"). */
    hrefForView: (id: string) => `${pathname}?view=${encodeURIComponent(id)}`,
  };
}

export type TableUrlState = ReturnType<typeof useTableUrlState>;
