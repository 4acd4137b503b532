import { TRPCError } from "@trpc/server";
import type { ServiceContext } from "../context";
import { diffRecords } from "../audit/diff";
import { recordAudit } from "../audit/service";
import { countContactsCapped } from "../contacts/queries";
import { COUNT_TIME_BUDGET_MS, EXACT_COUNT_LIMIT } from "../contacts/service";
import { findLiveContactIds } from "../tags/queries";
import { conditionToSql } from "../filters/compile";
import { prepareSegmentCriteria } from "../filters/filter";
import { requireRole } from "../lib/authorize";
import { badRequest, notFound } from "../lib/errors";
import {
  countStaticMembers, deleteMembers, deleteSegmentRow, findSegmentById, findSegments, findSegmentsReferencing,
  freezeMembers, insertMembers, insertSegment, updateSegmentRow, type SegmentRow,
} from "./queries";
import type { CreateSegmentInput, SegmentMembersInput, SegmentPatch } from "./schemas";

function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

async function getSegmentOrThrow(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const segment = await findSegmentById(ctx.db, { workspaceId: ctx.workspaceId, id, forUpdate: options.forUpdate });
  if (!segment) throw notFound("Segment", id);
  return segment;
}

/**
 * A segment as the API returns it, with its live count: a dynamic segment evaluates its criteria now
 * (exact up to EXACT_COUNT_LIMIT, then a labelled estimate); a static one counts its live members.
 * Criteria that stopped applying (a custom field archived since) give `contactCount: null` and `problem`.
 */
async function present(ctx: ServiceContext, segment: SegmentRow) {
  if (!segment.isDynamic) {
    const count = await countStaticMembers(ctx.db, { workspaceId: ctx.workspaceId, id: segment.id });
    return { ...segment, contactCount: count as number | null, contactCountIsEstimate: false, problem: null as string | null };
  }
  try {
    const parsed = await prepareSegmentCriteria(ctx, segment.criteria, segment.id);
    const condition = conditionToSql(parsed.condition, { workspaceId: ctx.workspaceId });
    const counted = await countContactsCapped(ctx.db, {
      workspaceId: ctx.workspaceId, includeDeleted: false, condition, cap: EXACT_COUNT_LIMIT, timeBudgetMs: COUNT_TIME_BUDGET_MS,
    });
    return { ...segment, contactCount: counted.count as number | null, contactCountIsEstimate: counted.isEstimate, problem: null as string | null };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      return { ...segment, contactCount: null, contactCountIsEstimate: false, problem: error.message };
    }
    throw error;
  }
}

export async function listSegments(ctx: ServiceContext) {
  const rows = await findSegments(ctx.db, { workspaceId: ctx.workspaceId });
  return Promise.all(rows.map((row) => present(ctx, row)));
}

export async function getSegment(ctx: ServiceContext, input: { id: string }) {
  return present(ctx, await getSegmentOrThrow(ctx, input.id));
}

/** Validates criteria (BAD_REQUEST naming the path) and returns the normalised tree and its SQL. */
async function compileCriteria(ctx: ServiceContext, criteria: unknown, segmentId: string | null) {
  const parsed = await prepareSegmentCriteria(ctx, criteria, segmentId);
  return { tree: parsed.tree ?? { and: [] }, condition: conditionToSql(parsed.condition, { workspaceId: ctx.workspaceId }) };
}

export async function createSegment(ctx: ServiceContext, input: CreateSegmentInput) {
  requireRole(ctx, "manager", "create segments");
  const segment = await inTransaction(ctx, async (tx) => {
    const { tree, condition } = await compileCriteria(tx, input.criteria, null);
    const row = await insertSegment(tx.db, {
      workspaceId: ctx.workspaceId, name: input.name, description: input.description ?? null,
      criteria: tree as Record<string, unknown>, isDynamic: input.isDynamic, createdBy: ctx.actor.userId,
    });
    const frozen = row.isDynamic ? 0 : await freezeMembers(tx.db, { workspaceId: ctx.workspaceId, id: row.id, condition, addedBy: ctx.actor.userId });
    await recordAudit(tx.db, ctx, {
      entityType: "segment", entityId: row.id, action: "create", changes: diffRecords(null, row),
      metadata: row.isDynamic ? {} : { frozenMembers: frozen },
    });
    return row;
  });
  return present(ctx, segment);
}

export async function updateSegment(ctx: ServiceContext, input: { id: string; patch: SegmentPatch }) {
  requireRole(ctx, "manager", "edit segments");
  const segment = await inTransaction(ctx, async (tx) => {
    const before = await getSegmentOrThrow(tx, input.id, { forUpdate: true });
    const { patch } = input;
    const isDynamic = patch.isDynamic ?? before.isDynamic;
    const criteriaChanged = patch.criteria !== undefined;
    const mustFreeze = !isDynamic && (before.isDynamic || criteriaChanged);
    // Stored criteria are only re-checked when they change or are about to be frozen, so renaming a
    // segment whose criteria broke (an archived field) still works.
    const compiled = criteriaChanged || mustFreeze ? await compileCriteria(tx, patch.criteria ?? before.criteria, before.id) : null;
    const values = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description ?? null } : {}),
      ...(criteriaChanged && compiled ? { criteria: compiled.tree as Record<string, unknown> } : {}),
      isDynamic,
    };
    const changes = diffRecords(before, { ...before, ...values });
    if (Object.keys(changes).length === 0) return before;
    const after = (await updateSegmentRow(tx.db, { workspaceId: ctx.workspaceId, id: before.id, values }))!;
    let frozen: number | null = null;
    if (mustFreeze && compiled) {
      // Becoming static, or new criteria for a static segment: membership is frozen again from the criteria.
      await deleteMembers(tx.db, { workspaceId: ctx.workspaceId, id: before.id });
      frozen = await freezeMembers(tx.db, { workspaceId: ctx.workspaceId, id: before.id, condition: compiled.condition, addedBy: ctx.actor.userId });
    } else if (isDynamic && !before.isDynamic) {
      await deleteMembers(tx.db, { workspaceId: ctx.workspaceId, id: before.id });
    }
    await recordAudit(tx.db, ctx, {
      entityType: "segment", entityId: before.id, action: "update", changes, metadata: frozen === null ? {} : { frozenMembers: frozen },
    });
    return after;
  });
  return present(ctx, segment);
}

export async function deleteSegment(ctx: ServiceContext, input: { id: string }) {
  requireRole(ctx, "manager", "delete segments");
  return inTransaction(ctx, async (tx) => {
    const segment = await getSegmentOrThrow(tx, input.id, { forUpdate: true });
    const dependants = await findSegmentsReferencing(tx.db, { workspaceId: ctx.workspaceId, id: segment.id });
    if (dependants.length > 0) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `id: segment "${segment.name}" is used in the criteria of ${dependants.map((d) => `"${d.name}"`).join(", ")}; edit those first`,
      });
    }
    await deleteSegmentRow(tx.db, { workspaceId: ctx.workspaceId, id: segment.id });
    await recordAudit(tx.db, ctx, { entityType: "segment", entityId: segment.id, action: "delete", changes: diffRecords(segment, null) });
    return { success: true, id: segment.id };
  });
}

async function changeMembers(ctx: ServiceContext, input: SegmentMembersInput, mode: "add" | "remove") {
  requireRole(ctx, "manager", "edit segment members");
  return inTransaction(ctx, async (tx) => {
    const segment = await getSegmentOrThrow(tx, input.id, { forUpdate: true });
    if (segment.isDynamic) throw badRequest("id", "a dynamic segment's members follow its criteria; edit the criteria, or make it static");
    const contactIds = [...new Set(input.contactIds.map((id) => id.toLowerCase()))];
    let count: number;
    if (mode === "add") {
      const live = await findLiveContactIds(tx.db, { workspaceId: ctx.workspaceId, ids: contactIds });
      const missing = contactIds.find((id) => !live.has(id));
      if (missing) throw notFound("Contact", missing);
      count = await insertMembers(tx.db, { workspaceId: ctx.workspaceId, id: segment.id, contactIds, addedBy: ctx.actor.userId });
    } else {
      count = await deleteMembers(tx.db, { workspaceId: ctx.workspaceId, id: segment.id, contactIds });
    }
    if (count > 0) {
      await recordAudit(tx.db, ctx, {
        entityType: "segment", entityId: segment.id, action: "update", changes: {},
        metadata: mode === "add" ? { addedContactIds: contactIds, added: count } : { removedContactIds: contactIds, removed: count },
      });
    }
    return { count, contactCount: await countStaticMembers(tx.db, { workspaceId: ctx.workspaceId, id: segment.id }) };
  });
}

/** Static segments only; contacts must be live in this workspace. */
export async function addMembers(ctx: ServiceContext, input: SegmentMembersInput) {
  const { count, contactCount } = await changeMembers(ctx, input, "add");
  return { success: true, addedCount: count, contactCount };
}

export async function removeMembers(ctx: ServiceContext, input: SegmentMembersInput) {
  const { count, contactCount } = await changeMembers(ctx, input, "remove");
  return { success: true, removedCount: count, contactCount };
}
