import { filterNodeSchema, sortSchema } from "@/server/filters/schemas";
import type { FilterNode, SortKey } from "@/server/filters/types";

/**
 * The contacts table's whole state as URL search params, so a link reproduces it:
 * `?view=<id>&filters=<json>&sort=score:desc,lastName:asc&cols=fullName,email&w=email:240`.
 * A view supplies defaults; any param present overrides the view's value (an empty `filters=` or
 * `sort=` explicitly clears it). Pure: the page, the hook and the tests all read it the same way.
 */
export const tableParamNames = { view: "view", filters: "filters", sort: "sort", columns: "cols", widths: "w" } as const;

/** `?view=all`: the unfiltered list, even when the user has a default view. */
export const ALL_CONTACTS = "all";

export const defaultColumns: readonly string[] = [
  "fullName", "email", "company", "title", "lifecycleStage", "score", "tags", "lastActivityAt", "createdAt",
];

export interface TableParams {
  /** A view id, ALL_CONTACTS, or null when the URL names none (the default view opens). */
  viewId: string | null;
  /** undefined: not in the URL (the view's applies); null: explicitly no filter. */
  filters: FilterNode | null | undefined;
  sort: SortKey[] | undefined;
  columns: string[] | undefined;
  widths: Record<string, number>;
  /** Parts of the URL that could not be read, named for a notice. */
  problems: string[];
}

export interface TableState {
  filters: FilterNode | null;
  sort: SortKey[];
  columns: string[];
  widths: Record<string, number>;
}

type SearchLike = { get(name: string): string | null; has(name: string): boolean };

const columnId = /^[A-Za-z][A-Za-z0-9_.]*$/;
const viewId = /^[0-9a-f-]{36}$/i;

/** `{and: []}` and `{or: []}` constrain nothing; they are the same as no filter. */
export function normaliseFilters(filters: FilterNode | null | undefined): FilterNode | null {
  if (!filters) return null;
  if ("and" in filters && filters.and.length === 0) return null;
  if ("or" in filters && filters.or.length === 0) return null;
  return filters;
}

function parseFilters(raw: string, problems: string[]): FilterNode | null | undefined {
  if (raw === "") return null;
  try {
    const parsed = filterNodeSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return normaliseFilters(parsed.data);
  } catch {
    // reported below
  }
  problems.push("filters");
  return undefined;
}

function parseSort(raw: string, problems: string[]): SortKey[] | undefined {
  if (raw === "") return [];
  const keys = raw.split(",").map((part) => {
    const at = part.lastIndexOf(":");
    return { field: at > 0 ? part.slice(0, at) : part, direction: at > 0 ? part.slice(at + 1) : "asc" };
  });
  const parsed = sortSchema.safeParse(keys);
  if (parsed.success) return parsed.data;
  problems.push("sort");
  return undefined;
}

function parseColumns(raw: string, problems: string[]): string[] | undefined {
  const list = [...new Set(raw.split(",").map((part) => part.trim()).filter(Boolean))];
  if (list.length > 0 && list.length <= 100 && list.every((id) => columnId.test(id))) return list;
  problems.push("columns");
  return undefined;
}

function parseWidths(raw: string | null): Record<string, number> {
  const widths: Record<string, number> = {};
  for (const part of (raw ?? "").split(",")) {
    const at = part.lastIndexOf(":");
    const id = part.slice(0, at);
    const width = Number(part.slice(at + 1));
    if (at > 0 && columnId.test(id) && Number.isInteger(width) && width >= 40 && width <= 2000) widths[id] = width;
  }
  return widths;
}

export function parseTableParams(search: SearchLike): TableParams {
  const problems: string[] = [];
  const view = search.get(tableParamNames.view);
  const filters = search.get(tableParamNames.filters);
  const sort = search.get(tableParamNames.sort);
  const columns = search.get(tableParamNames.columns);
  return {
    viewId: view && (view === ALL_CONTACTS || viewId.test(view)) ? view : null,
    filters: filters === null ? undefined : parseFilters(filters, problems),
    sort: sort === null ? undefined : parseSort(sort, problems),
    columns: columns === null ? undefined : parseColumns(columns, problems),
    widths: parseWidths(search.get(tableParamNames.widths)),
    problems,
  };
}

export function serializeSort(sort: readonly SortKey[]): string {
  return sort.map((key) => `${key.field}:${key.direction}`).join(",");
}

/** The query string for a state; `undefined` parts are left out so the view's own values apply. */
export function buildTableSearch(params: {
  viewId?: string | null;
  filters?: FilterNode | null;
  sort?: readonly SortKey[];
  columns?: readonly string[];
  widths?: Record<string, number>;
}): string {
  const search = new URLSearchParams();
  if (params.viewId) search.set(tableParamNames.view, params.viewId);
  if (params.filters !== undefined) search.set(tableParamNames.filters, params.filters ? JSON.stringify(params.filters) : "");
  if (params.sort !== undefined) search.set(tableParamNames.sort, serializeSort(params.sort));
  if (params.columns !== undefined) search.set(tableParamNames.columns, params.columns.join(","));
  const widths = Object.entries(params.widths ?? {});
  if (widths.length > 0) search.set(tableParamNames.widths, widths.map(([id, width]) => `${id}:${Math.round(width)}`).join(","));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface ViewState {
  filters: FilterNode | null;
  sortBy: SortKey[];
  columns: string[];
}

/** What the table shows: each URL param if present, else the view's value, else the defaults. */
export function resolveTableState(params: TableParams, view: ViewState | null): TableState {
  return {
    filters: params.filters !== undefined ? params.filters : normaliseFilters(view?.filters),
    sort: params.sort ?? view?.sortBy ?? [],
    columns: params.columns ?? (view && view.columns.length > 0 ? view.columns : [...defaultColumns]),
    widths: params.widths,
  };
}

export const isSameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const same = isSameValue;

/** Which parts of the shown state differ from the view's (or from the defaults without a view). */
export const emptyTableParams: TableParams = { viewId: null, filters: undefined, sort: undefined, columns: undefined, widths: {}, problems: [] };

export function changedFromView(state: TableState, view: ViewState | null): Array<"filters" | "sort" | "columns"> {
  const base = resolveTableState(emptyTableParams, view);
  const changed: Array<"filters" | "sort" | "columns"> = [];
  if (!same(state.filters, base.filters)) changed.push("filters");
  if (!same(state.sort, base.sort)) changed.push("sort");
  if (!same(state.columns, base.columns)) changed.push("columns");
  return changed;
}
