"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useTRPCClient } from "@/components/providers/trpc";
import type { FilterNode, SortKey } from "@/components/filters/types";
import type { ContactListPage } from "../types";

/** Rows per keyset page: enough to fill a tall screen twice, small enough to arrive in one frame's budget. */
export const LIST_PAGE_SIZE = 100;

/**
 * The key tRPC itself gives an infinite query of contacts.list. Invalidate lists with
 * `trpc.contacts.list.pathKey()`: `queryKey()` carries `type: "query"` and misses these.
 */
export function contactsListKey(filters: FilterNode | null, sort: readonly SortKey[]) {
  return [["contacts", "list"], { input: { filters, sort, first: LIST_PAGE_SIZE }, type: "infinite" }] as const;
}

/** The table's rows: keyset pages of contacts.list, fetched as the user scrolls. */
export function useContactsList(filters: FilterNode | null, sort: readonly SortKey[], enabled = true) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const queryKey = useMemo(() => contactsListKey(filters, sort), [filters, sort]);

  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      client.contacts.list.query(
        { filters: filters ?? undefined, sort: sort.length > 0 ? [...sort] : undefined, first: LIST_PAGE_SIZE, after: pageParam },
        { signal },
      ),
    enabled,
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined),
    // A new filter or sort keeps the old rows on screen (dimmed) until the first page arrives.
    placeholderData: keepPreviousData,
  });

  useEffect(
    () => () => {
      // Refetching a stale infinite query refetches every page it holds; after scrolling far that is
      // hundreds of requests. Left behind, the list keeps its first page only.
      queryClient.setQueryData<InfiniteData<ContactListPage, string | null>>(queryKey, (data) =>
        data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
      );
    },
    [queryClient, queryKey],
  );

  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.nodes) ?? [], [query.data]);
  const firstPage = query.data?.pages[0];
  return {
    query,
    rows,
    totalCount: firstPage?.totalCount,
    isEstimate: firstPage?.totalCountIsEstimate ?? false,
  };
}
