import { describe, expect, it } from "vitest";
import { buildTableSearch, changedFromView, defaultColumns, parseTableParams, resolveTableState } from "./table-state";

const parse = (query: string) => parseTableParams(new URLSearchParams(query));

describe("table state in the URL", () => {
  it("round-trips filters, a multi-column sort, columns and widths", () => {
    const filters = { and: [{ field: "score", operator: "gte" as const, value: 50 }, { or: [{ field: "tags", operator: "includes" as const, value: ["vip"] }] }] };
    const query = buildTableSearch({
      viewId: "0b6f7d2e-8f7c-4a55-9a53-2c0f1f7f9a11",
      filters,
      sort: [{ field: "customFields.budget", direction: "desc" }, { field: "lastName", direction: "asc" }],
      columns: ["fullName", "customFields.budget"],
      widths: { fullName: 260 },
    });
    const params = parse(query.slice(1));
    expect(params).toEqual({
      viewId: "0b6f7d2e-8f7c-4a55-9a53-2c0f1f7f9a11",
      filters,
      sort: [{ field: "customFields.budget", direction: "desc" }, { field: "lastName", direction: "asc" }],
      columns: ["fullName", "customFields.budget"],
      widths: { fullName: 260 },
      problems: [],
    });
  });

  it("tells an absent param (the view's applies) from an emptied one (explicitly none)", () => {
    const view = { filters: { field: "score", operator: "gt" as const, value: 10 }, sortBy: [{ field: "score", direction: "desc" as const }], columns: ["email"] };
    expect(resolveTableState(parse("view=all"), view).filters).toEqual(view.filters);
    const cleared = resolveTableState(parse("filters=&sort="), view);
    expect(cleared.filters).toBeNull();
    expect(cleared.sort).toEqual([]);
    expect(cleared.columns).toEqual(["email"]);
    expect(changedFromView(cleared, view)).toEqual(["filters", "sort"]);
  });

  it("falls back to the defaults without a view, and an empty group is no filter", () => {
    const state = resolveTableState(parse(`filters=${encodeURIComponent('{"and":[]}')}`), null);
    expect(state).toEqual({ filters: null, sort: [], columns: [...defaultColumns], widths: {} });
    expect(changedFromView(state, null)).toEqual([]);
  });

  it("reports unreadable parts instead of guessing", () => {
    const params = parse("filters=%7Bnope&sort=score:sideways&cols=bad%20id&view=not-a-view");
    expect(params.problems).toEqual(["filters", "sort", "columns"]);
    expect(params.filters).toBeUndefined();
    expect(params.viewId).toBeNull();
  });
});
