"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { FilterLookups } from "./describe";
import type { FilterField, FilterNode } from "./types";

const EMPTY: FilterField[] = [];

/** The workspace's filterable fields (standard, company.*, live custom fields), keyed for lookups. */
export function useFilterFields() {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.filters.filterFields.queryOptions(), staleTime: 5 * 60_000 });
  const fields = query.data?.fields ?? EMPTY;
  const fieldsByKey = useMemo(() => new Map(fields.map((field) => [field.key, field])), [fields]);
  return { query, fields, fieldsByKey };
}

/**
 * Tag and segment names for describing filter values. Each list is fetched only when one of `filters`
 * names tags or segments: both carry live counts, which are not free on a large workspace.
 */
export function useFilterLookups(fieldsByKey: ReadonlyMap<string, FilterField>, filters: ReadonlyArray<FilterNode | null>): FilterLookups {
  const trpc = useTRPC();
  const text = JSON.stringify(filters);
  const tags = useQuery({ ...trpc.tags.listTags.queryOptions({ first: 1000 }), staleTime: 60_000, enabled: text.includes('"field":"tags"') });
  const segments = useQuery({ ...trpc.segments.listSegments.queryOptions(), staleTime: 60_000, enabled: text.includes('"field":"segment"') });
  const tagNames = useMemo(() => new Map((tags.data ?? []).map((tag) => [tag.id, tag.name])), [tags.data]);
  const segmentNames = useMemo(() => new Map((segments.data ?? []).map((segment) => [segment.id, segment.name])), [segments.data]);
  return useMemo(() => ({ fieldsByKey, tagNames, segmentNames }), [fieldsByKey, tagNames, segmentNames]);
}
