import type { ObjectType, StoredSort } from "@/db/schema";
import { hasRole, type ServiceContext } from "../context";
import { resolveSort } from "../contacts/sort";
import type { DroppedCondition } from "../filters/ast";
import { createFilterCatalogue } from "../filters/catalogue";
import { CUSTOM_FIELD_PREFIX, findBuiltinField } from "../filters/fields";
import { prepareContactFilter } from "../filters/filter";
import type { FilterNode } from "../filters/types";
import { requireRole } from "../lib/authorize";
import { badRequest, forbidden, notFound } from "../lib/errors";
import { clearDefaultViews, deleteViewRow, findViewById, findVisibleViews, insertView, updateViewRow, type ViewRow } from "./queries";
import type { SaveViewInput, ViewPatch } from "./schemas";

function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

const isVisible = (ctx: ServiceContext, view: ViewRow) => view.ownerId === ctx.actor.userId || view.visibility === "shared";
/** The owner edits their views; managers and admins also edit shared ones. */
const canEdit = (ctx: ServiceContext, view: ViewRow) =>
  view.ownerId === ctx.actor.userId || (view.visibility === "shared" && hasRole(ctx.actor, "manager"));

async function getVisibleView(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const view = await findViewById(ctx.db, { workspaceId: ctx.workspaceId, id, forUpdate: options.forUpdate });
  // Someone else's private view is indistinguishable from one that does not exist.
  if (!view || !isVisible(ctx, view)) throw notFound("View", id);
  return view;
}

async function getEditableView(ctx: ServiceContext, id: string) {
  const view = await getVisibleView(ctx, id, { forUpdate: true });
  if (!canEdit(ctx, view)) throw forbidden(`Only the view's owner${view.visibility === "shared" ? " or a manager" : ""} can change "${view.name}"`);
  return view;
}

/** Strict checks on save: every filter, sort key and custom-field column must resolve now. */
async function checkViewContent(
  ctx: ServiceContext,
  input: { objectType: ObjectType; filters?: FilterNode | null; sortBy?: StoredSort[]; columns?: string[] },
) {
  if (input.objectType !== "contact") {
    if (input.filters) throw badRequest("filters", "only contact views filter for now");
    if (input.sortBy?.length) throw badRequest("sortBy", "only contact views sort for now");
    return { filters: input.filters === undefined ? undefined : null };
  }
  const parsed = input.filters ? await prepareContactFilter(ctx, input.filters) : null;
  if (input.sortBy) await resolveSort(ctx.db, ctx.workspaceId, input.sortBy);
  if (input.columns) {
    const catalogue = createFilterCatalogue(ctx.db, ctx.workspaceId);
    for (const [index, column] of input.columns.entries()) {
      if (!column.startsWith(CUSTOM_FIELD_PREFIX)) continue;
      const definition = await catalogue.customField(column.slice(CUSTOM_FIELD_PREFIX.length));
      if (!definition || definition.archivedAt) throw badRequest(`columns[${index}]`, `no live custom field "${column.slice(CUSTOM_FIELD_PREFIX.length)}"`);
    }
  }
  return { filters: input.filters === undefined ? undefined : (parsed?.tree ?? null) };
}

/**
 * A view as it opens today: conditions, sort keys and columns that name a custom field (or segment)
 * which has since been deleted or archived are left out, and `dropped` says what and why.
 */
async function openView(ctx: ServiceContext, view: ViewRow, ownerName: string | null) {
  const dropped: DroppedCondition[] = [];
  let filters: FilterNode | null = null;
  let sortBy: StoredSort[] = view.sortBy;
  let columns: string[] = view.columns;
  if (view.objectType === "contact") {
    if (view.filters) {
      const parsed = await prepareContactFilter(ctx, view.filters, { lenient: true });
      filters = parsed.tree;
      dropped.push(...parsed.dropped.map((d) => ({ ...d, path: d.path === "" ? "filters" : `filters.${d.path}` })));
    }
    const catalogue = createFilterCatalogue(ctx.db, ctx.workspaceId);
    const live = async (field: string) => {
      if (!field.startsWith(CUSTOM_FIELD_PREFIX)) return null;
      const name = field.slice(CUSTOM_FIELD_PREFIX.length);
      const definition = await catalogue.customField(name);
      if (!definition) return `custom field "${name}" was deleted`;
      return definition.archivedAt ? `custom field "${name}" is archived` : null;
    };
    sortBy = [];
    for (const [index, key] of view.sortBy.entries()) {
      let problem: string | null = null;
      if (!findBuiltinField(key.field)) problem = key.field.startsWith(CUSTOM_FIELD_PREFIX) ? await live(key.field) : `unknown field "${key.field}"`;
      if (problem) dropped.push({ path: `sortBy[${index}]`, field: key.field, reason: problem });
      else sortBy.push(key);
    }
    columns = [];
    for (const [index, column] of view.columns.entries()) {
      const problem = await live(column);
      if (problem) dropped.push({ path: `columns[${index}]`, field: column, reason: problem });
      else columns.push(column);
    }
  }
  const isMine = view.ownerId === ctx.actor.userId;
  return {
    ...view,
    filters,
    sortBy,
    columns,
    /** Default for the caller: only one's own default view opens first. */
    isDefault: isMine && view.isDefault,
    isMine,
    canEdit: canEdit(ctx, view),
    ownerName,
    dropped,
  };
}

export async function listViews(ctx: ServiceContext, input: { objectType: ObjectType }) {
  const rows = await findVisibleViews(ctx.db, { workspaceId: ctx.workspaceId, userId: ctx.actor.userId, objectType: input.objectType });
  const views = [];
  for (const row of rows) views.push(await openView(ctx, row.view, row.ownerName));
  return views;
}

export async function getView(ctx: ServiceContext, input: { id: string }) {
  const view = await getVisibleView(ctx, input.id);
  return openView(ctx, view, null);
}

export async function saveView(ctx: ServiceContext, input: SaveViewInput) {
  if (input.visibility === "shared") requireRole(ctx, "manager", "share views with the workspace");
  const view = await inTransaction(ctx, async (tx) => {
    const checked = await checkViewContent(tx, input);
    if (input.isDefault) await clearDefaultViews(tx.db, { workspaceId: ctx.workspaceId, ownerId: ctx.actor.userId, objectType: input.objectType });
    return insertView(tx.db, {
      workspaceId: ctx.workspaceId, objectType: input.objectType, name: input.name,
      filters: (checked.filters ?? null) as Record<string, unknown> | null,
      columns: input.columns, sortBy: input.sortBy, isDefault: input.isDefault, visibility: input.visibility, ownerId: ctx.actor.userId,
    });
  });
  return openView(ctx, view, ctx.actor.name);
}

export async function updateView(ctx: ServiceContext, input: { id: string; patch: ViewPatch }) {
  const view = await inTransaction(ctx, async (tx) => {
    const before = await getEditableView(tx, input.id);
    const { patch } = input;
    if (patch.visibility === "shared" && before.visibility !== "shared") requireRole(ctx, "manager", "share views with the workspace");
    if (patch.isDefault !== undefined && before.ownerId !== ctx.actor.userId) {
      throw badRequest("patch.isDefault", "only the view's owner makes it their default; duplicate it to get your own");
    }
    const checked = await checkViewContent(tx, { objectType: before.objectType, filters: patch.filters, sortBy: patch.sortBy, columns: patch.columns });
    if (patch.isDefault) await clearDefaultViews(tx.db, { workspaceId: ctx.workspaceId, ownerId: before.ownerId, objectType: before.objectType, exceptId: before.id });
    const values = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(checked.filters !== undefined ? { filters: checked.filters as Record<string, unknown> | null } : {}),
      ...(patch.columns !== undefined ? { columns: patch.columns } : {}),
      ...(patch.sortBy !== undefined ? { sortBy: patch.sortBy } : {}),
      ...(patch.isDefault !== undefined ? { isDefault: patch.isDefault } : {}),
      ...(patch.visibility !== undefined ? { visibility: patch.visibility } : {}),
    };
    if (Object.keys(values).length === 0) return before;
    return (await updateViewRow(tx.db, { workspaceId: ctx.workspaceId, id: before.id, values }))!;
  });
  return openView(ctx, view, null);
}

export function renameView(ctx: ServiceContext, input: { id: string; name: string }) {
  return updateView(ctx, { id: input.id, patch: { name: input.name } });
}

/** A private copy for the caller: how a rep keeps a shared view they want to change. */
export async function duplicateView(ctx: ServiceContext, input: { id: string; name?: string }) {
  const source = await getVisibleView(ctx, input.id);
  const copy = await insertView(ctx.db, {
    workspaceId: ctx.workspaceId, objectType: source.objectType, name: input.name ?? `${source.name} (copy)`.slice(0, 80),
    filters: source.filters, columns: source.columns, sortBy: source.sortBy, isDefault: false, visibility: "private", ownerId: ctx.actor.userId,
  });
  return openView(ctx, copy, ctx.actor.name);
}

export async function deleteView(ctx: ServiceContext, input: { id: string }) {
  return inTransaction(ctx, async (tx) => {
    const view = await getEditableView(tx, input.id);
    await deleteViewRow(tx.db, { workspaceId: ctx.workspaceId, id: view.id });
    return { success: true, id: view.id };
  });
}
