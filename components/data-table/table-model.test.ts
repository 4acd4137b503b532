import { describe, expect, it } from "vitest";
import {
  countSelected, emptySelection, isRowSelected, loadedRowsState, selectAllMatching, toggleLoadedRows, toggleRow, type RowSelection,
} from "./selection";
import { nextSort } from "./sorting";

const rows = ["a", "b", "c", "d", "e"];
const ids = (selection: RowSelection) => rows.filter((id) => isRowSelected(selection, id));

describe("row selection", () => {
  it("shift-click selects the range from the anchor, in either direction", () => {
    let state = toggleRow(emptySelection, "b", { isRange: false, anchorId: null, rowIds: rows });
    expect(state.anchorId).toBe("b");
    state = toggleRow(state.selection, "d", { isRange: true, anchorId: state.anchorId, rowIds: rows });
    expect(ids(state.selection)).toEqual(["b", "c", "d"]);
    // The anchor stays: a second shift-click re-extends from b, upwards this time.
    state = toggleRow(state.selection, "a", { isRange: true, anchorId: state.anchorId, rowIds: rows });
    expect(ids(state.selection)).toEqual(["a", "b", "c", "d"]);
  });

  it("a shift-click on a selected row clears the range", () => {
    let state = toggleRow(emptySelection, "a", { isRange: false, anchorId: null, rowIds: rows });
    state = toggleRow(state.selection, "e", { isRange: true, anchorId: "a", rowIds: rows });
    state = toggleRow(state.selection, "c", { isRange: false, anchorId: state.anchorId, rowIds: rows });
    expect(ids(state.selection)).toEqual(["a", "b", "d", "e"]);
    state = toggleRow(state.selection, "e", { isRange: true, anchorId: "c", rowIds: rows });
    // c was unticked, so the range c..e takes e's new state: unselected.
    expect(ids(state.selection)).toEqual(["a", "b"]);
  });

  it("select all matching counts the server total minus rows unticked since", () => {
    let selection = selectAllMatching();
    expect(countSelected(selection, 100_000)).toBe(100_000);
    selection = toggleRow(selection, "c", { isRange: false, anchorId: null, rowIds: rows }).selection;
    expect(countSelected(selection, 100_000)).toBe(99_999);
    expect(isRowSelected(selection, "c")).toBe(false);
    expect(loadedRowsState(selection, rows)).toBe("some");
  });

  it("the header checkbox ticks the loaded rows, then clears them", () => {
    const all = toggleLoadedRows(emptySelection, rows);
    expect(loadedRowsState(all, rows)).toBe("all");
    expect(loadedRowsState(toggleLoadedRows(all, rows), rows)).toBe("none");
  });
});

describe("nextSort", () => {
  it("cycles a plain click asc → desc → unsorted", () => {
    expect(nextSort([], "score", false)).toEqual([{ field: "score", direction: "asc" }]);
    expect(nextSort([{ field: "score", direction: "asc" }], "score", false)).toEqual([{ field: "score", direction: "desc" }]);
    expect(nextSort([{ field: "score", direction: "desc" }], "score", false)).toEqual([]);
  });

  it("a plain click replaces a multi-column sort", () => {
    const sort = [{ field: "score", direction: "asc" as const }, { field: "email", direction: "desc" as const }];
    expect(nextSort(sort, "email", false)).toEqual([{ field: "email", direction: "asc" }]);
  });

  it("shift-click adds, flips, then removes a key, keeping the others in order", () => {
    let sort = nextSort([{ field: "score", direction: "desc" }], "lastName", true);
    expect(sort).toEqual([{ field: "score", direction: "desc" }, { field: "lastName", direction: "asc" }]);
    sort = nextSort(sort, "lastName", true);
    expect(sort[1]).toEqual({ field: "lastName", direction: "desc" });
    expect(nextSort(sort, "lastName", true)).toEqual([{ field: "score", direction: "desc" }]);
  });

  it("keeps at most five keys", () => {
    let sort = nextSort([], "a", true);
    for (const field of ["b", "c", "d", "e", "f"]) sort = nextSort(sort, field, true);
    expect(sort.map((key) => key.field)).toEqual(["b", "c", "d", "e", "f"]);
  });
});
