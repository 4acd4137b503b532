import type { RowSelection } from "@/components/data-table/selection";
import type { FilterNode } from "@/components/filters/types";

/** A page selection (ids) or "all matching" (the view's filter and its count, shown in the confirmation). */
export type BulkSelection = { ids: string[] } | { filter: FilterNode; count: number };

/**
 * What a bulk action targets. Ticked rows go as ids; "all N matching" goes as the table's filter (segment
 * scope included), minus any rows unticked since, so the server resolves exactly what the user sees
 * selected and the browser never fetches ids.
 */
export function toBulkSelection(selection: RowSelection, filters: FilterNode | null, count: number): BulkSelection {
  if (selection.mode === "ids") return { ids: [...selection.ids] };
  const parts: FilterNode[] = filters ? [filters] : [];
  if (selection.except.size > 0) parts.push({ field: "id", operator: "notIn", value: [...selection.except] });
  return { filter: { and: parts }, count };
}
