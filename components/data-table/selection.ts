/**
 * Row selection for server-driven lists, where most matching rows are never loaded: either a set of
 * chosen ids, or "every row matching the current filter" minus the ones unticked since. Pure, so the
 * shift-click range rules are tested without a browser.
 */
export type RowSelection =
  | { mode: "ids"; ids: ReadonlySet<string> }
  | { mode: "all"; except: ReadonlySet<string> };

export const emptySelection: RowSelection = { mode: "ids", ids: new Set() };

export function isRowSelected(selection: RowSelection, id: string): boolean {
  return selection.mode === "ids" ? selection.ids.has(id) : !selection.except.has(id);
}

/** How many rows are selected; `total` is the number of rows matching the filter (for "all" mode). */
export function countSelected(selection: RowSelection, total: number): number {
  return selection.mode === "ids" ? selection.ids.size : Math.max(0, total - selection.except.size);
}

export function isSelectionEmpty(selection: RowSelection, total: number): boolean {
  return countSelected(selection, total) === 0;
}

function setRows(selection: RowSelection, ids: readonly string[], selected: boolean): RowSelection {
  if (selection.mode === "ids") {
    const next = new Set(selection.ids);
    for (const id of ids) {
      if (selected) next.add(id);
      else next.delete(id);
    }
    return { mode: "ids", ids: next };
  }
  const except = new Set(selection.except);
  for (const id of ids) {
    if (selected) except.delete(id);
    else except.add(id);
  }
  return { mode: "all", except };
}

export interface ToggleRowOptions {
  /** Extends from the anchor (the last row clicked without shift) to this row, like a file manager. */
  isRange: boolean;
  anchorId: string | null;
  /** Ids of the loaded rows in display order. */
  rowIds: readonly string[];
}

/**
 * A click on a row's checkbox. With shift, every row between the anchor and this one takes the state
 * this row is toggled to; the anchor stays put so successive shift-clicks resize the same range.
 */
export function toggleRow(
  selection: RowSelection,
  id: string,
  options: ToggleRowOptions,
): { selection: RowSelection; anchorId: string | null } {
  const target = !isRowSelected(selection, id);
  const from = options.anchorId === null ? -1 : options.rowIds.indexOf(options.anchorId);
  const to = options.rowIds.indexOf(id);
  if (options.isRange && from !== -1 && to !== -1) {
    const [low, high] = from <= to ? [from, to] : [to, from];
    return { selection: setRows(selection, options.rowIds.slice(low, high + 1), target), anchorId: options.anchorId };
  }
  return { selection: setRows(selection, [id], target), anchorId: id };
}

/** The header checkbox: ticks every loaded row, or clears them all when they already are. */
export function toggleLoadedRows(selection: RowSelection, rowIds: readonly string[]): RowSelection {
  const allSelected = rowIds.length > 0 && rowIds.every((id) => isRowSelected(selection, id));
  return setRows(selection, rowIds, !allSelected);
}

export function loadedRowsState(selection: RowSelection, rowIds: readonly string[]): "none" | "some" | "all" {
  const selected = rowIds.filter((id) => isRowSelected(selection, id)).length;
  if (selected === 0) return selection.mode === "all" && rowIds.length === 0 ? "all" : "none";
  return selected === rowIds.length ? "all" : "some";
}

export function selectAllMatching(): RowSelection {
  return { mode: "all", except: new Set() };
}

/** The loaded rows that are selected (all a client can name by id without asking the server). */
export function selectedLoadedIds(selection: RowSelection, rowIds: readonly string[]): string[] {
  return rowIds.filter((id) => isRowSelected(selection, id));
}
