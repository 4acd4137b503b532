export interface TableSortKey {
  field: string;
  direction: "asc" | "desc";
}

/** The server's limit on sort keys (server/filters/schemas.ts sortSchema). */
export const MAX_SORT_KEYS = 5;

/**
 * A click on a sortable header. Plain click: sort by this field alone, cycling asc → desc → unsorted.
 * Shift-click: add it as the next key, flip it if already there, and drop it after desc, keeping the others.
 */
export function nextSort(sort: readonly TableSortKey[], field: string, isMulti: boolean, firstDirection: "asc" | "desc" = "asc"): TableSortKey[] {
  const existing = sort.find((key) => key.field === field);
  const flipped = firstDirection === "asc" ? "desc" : "asc";
  if (!isMulti) {
    if (!existing || sort.length > 1) return [{ field, direction: firstDirection }];
    return existing.direction === firstDirection ? [{ field, direction: flipped }] : [];
  }
  if (!existing) return [...sort, { field, direction: firstDirection }].slice(-MAX_SORT_KEYS);
  if (existing.direction === firstDirection) return sort.map((key) => (key.field === field ? { field, direction: flipped } : key));
  return sort.filter((key) => key.field !== field);
}

export function sortIndexOf(sort: readonly TableSortKey[], field: string): { index: number; direction: "asc" | "desc" } | null {
  const index = sort.findIndex((key) => key.field === field);
  return index === -1 ? null : { index, direction: sort[index]!.direction };
}
