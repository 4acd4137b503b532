import { TRPCError } from "@trpc/server";
import type { ServiceContext } from "../context";
import { diffRecords } from "../audit/diff";
import { insertAuditEntries } from "../audit/queries";
import { actorFields, recordAudit } from "../audit/service";
import { listContacts } from "../contacts/service";
import { requireRole } from "../lib/authorize";
import { badRequest, isUniqueViolation, notFound } from "../lib/errors";
import {
  countTagContacts, deleteContactTags, deleteTagRow, findContactIdsWithTag, findLiveContactIds, findTagById, findTagByName,
  findTagNamesOfContacts, findTagsByIds, findTagsWithCounts, insertContactTags, insertTag, moveTagLinks, replaceTagReferences, touchContacts,
  updateTagRow, type TagRow,
} from "./queries";
import type { ContactsByTagInput, CreateTagInput, ListTagsInput, TagContactsInput, TagPatch } from "./schemas";

function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

function nameTaken(existing: TagRow): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: `name: tag "${existing.name}" already exists (tag ${existing.id})` });
}

async function getTagOrThrow(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const tag = await findTagById(ctx.db, { workspaceId: ctx.workspaceId, id, forUpdate: options.forUpdate });
  if (!tag) throw notFound("Tag", id);
  return tag;
}

const withCount = async (ctx: ServiceContext, tag: TagRow) => ({
  ...tag,
  contactCount: await countTagContacts(ctx.db, { workspaceId: ctx.workspaceId, id: tag.id }),
});

/**
 * Runs a change to contacts' tags and writes one audit entry per contact whose tag list changed,
 * `{tags: {old: [names], new: [names]}}`, in the same transaction, and bumps those contacts' updatedAt.
 */
async function auditTagChange<T>(
  tx: ServiceContext,
  contactIds: string[],
  change: () => Promise<T>,
  metadata: Record<string, unknown>,
): Promise<{ result: T; changed: string[] }> {
  const before = await findTagNamesOfContacts(tx.db, { workspaceId: tx.workspaceId, contactIds });
  const result = await change();
  const after = await findTagNamesOfContacts(tx.db, { workspaceId: tx.workspaceId, contactIds });
  const changed = contactIds.filter((id) => JSON.stringify(before.get(id) ?? []) !== JSON.stringify(after.get(id) ?? []));
  const actor = actorFields(tx.actor);
  for (let i = 0; i < changed.length; i += 1000) {
    await insertAuditEntries(tx.db, changed.slice(i, i + 1000).map((id) => ({
      workspaceId: tx.workspaceId, ...actor, entityType: "contact", entityId: id, action: "update" as const,
      changes: { tags: { old: before.get(id) ?? [], new: after.get(id) ?? [] } }, metadata,
    })));
  }
  await touchContacts(tx.db, { workspaceId: tx.workspaceId, contactIds: changed });
  return { result, changed };
}

export async function listTags(ctx: ServiceContext, input: ListTagsInput) {
  return findTagsWithCounts(ctx.db, { workspaceId: ctx.workspaceId, prefix: input.prefix, first: input.first });
}

export async function createTag(ctx: ServiceContext, input: CreateTagInput) {
  requireRole(ctx, "manager", "create tags");
  const tag = await inTransaction(ctx, async (tx) => {
    const existing = await findTagByName(tx.db, { workspaceId: ctx.workspaceId, name: input.name });
    if (existing) throw nameTaken(existing);
    let row: TagRow;
    try {
      row = await insertTag(tx.db, {
        workspaceId: ctx.workspaceId, name: input.name, description: input.description ?? null,
        createdBy: ctx.actor.userId, ...(input.color ? { color: input.color } : {}),
      });
    } catch (error) {
      if (isUniqueViolation(error, "tags_name_idx")) {
        const winner = await findTagByName(ctx.db, { workspaceId: ctx.workspaceId, name: input.name });
        if (winner) throw nameTaken(winner);
      }
      throw error;
    }
    await recordAudit(tx.db, ctx, { entityType: "tag", entityId: row.id, action: "create", changes: diffRecords(null, row) });
    return row;
  });
  return { ...tag, contactCount: 0 };
}

export async function updateTag(ctx: ServiceContext, input: { id: string; patch: TagPatch }) {
  requireRole(ctx, "manager", "edit tags");
  const tag = await inTransaction(ctx, async (tx) => {
    const before = await getTagOrThrow(tx, input.id, { forUpdate: true });
    if (input.patch.name && input.patch.name.toLowerCase() !== before.name.toLowerCase()) {
      const existing = await findTagByName(tx.db, { workspaceId: ctx.workspaceId, name: input.patch.name });
      if (existing) throw nameTaken(existing);
    }
    const changes = diffRecords(before, { ...before, ...input.patch });
    if (Object.keys(changes).length === 0) return before;
    let after: TagRow | null;
    try {
      after = await updateTagRow(tx.db, { workspaceId: ctx.workspaceId, id: input.id, values: input.patch });
    } catch (error) {
      if (isUniqueViolation(error, "tags_name_idx") && input.patch.name) {
        const winner = await findTagByName(ctx.db, { workspaceId: ctx.workspaceId, name: input.patch.name });
        if (winner) throw nameTaken(winner);
      }
      throw error;
    }
    // A rename is one row: contacts read tag names through contact_tags, so no per-contact entries are needed.
    await recordAudit(tx.db, ctx, { entityType: "tag", entityId: input.id, action: "update", changes });
    return after!;
  });
  return withCount(ctx, tag);
}

export function renameTag(ctx: ServiceContext, input: { id: string; name: string }) {
  return updateTag(ctx, { id: input.id, patch: { name: input.name } });
}

async function checkTagging(tx: ServiceContext, input: TagContactsInput) {
  const contactIds = [...new Set(input.contactIds.map((id) => id.toLowerCase()))];
  const tagIds = [...new Set(input.tagIds.map((id) => id.toLowerCase()))];
  const found = await findTagsByIds(tx.db, { workspaceId: tx.workspaceId, ids: tagIds });
  const missingTag = tagIds.find((id) => !found.some((tag) => tag.id === id));
  if (missingTag) throw notFound("Tag", missingTag);
  const live = await findLiveContactIds(tx.db, { workspaceId: tx.workspaceId, ids: contactIds });
  const missingContact = contactIds.find((id) => !live.has(id));
  if (missingContact) throw notFound("Contact", missingContact);
  return { contactIds, tagIds };
}

/**
 * Any member may tag the contacts they can edit — today every member edits every contact of the
 * workspace (contacts.update has no owner rule), so the check is that the contacts are live and ours.
 * `taggedCount` counts contacts that gained at least one tag.
 */
export async function tagContacts(ctx: ServiceContext, input: TagContactsInput) {
  return inTransaction(ctx, async (tx) => {
    const { contactIds, tagIds } = await checkTagging(tx, input);
    const { changed } = await auditTagChange(tx, contactIds,
      () => insertContactTags(tx.db, { workspaceId: ctx.workspaceId, contactIds, tagIds }), { operation: "tagContacts", tagIds });
    return { success: true, taggedCount: changed.length };
  });
}

export async function untagContacts(ctx: ServiceContext, input: TagContactsInput) {
  return inTransaction(ctx, async (tx) => {
    const { contactIds, tagIds } = await checkTagging(tx, input);
    const { changed } = await auditTagChange(tx, contactIds,
      () => deleteContactTags(tx.db, { workspaceId: ctx.workspaceId, contactIds, tagIds }), { operation: "untagContacts", tagIds });
    return { success: true, untaggedCount: changed.length };
  });
}

/** Every contact and company tagged `source` ends up tagged `target`; `source` is deleted. */
export async function mergeTags(ctx: ServiceContext, input: { sourceId: string; targetId: string }) {
  requireRole(ctx, "manager", "merge tags");
  if (input.sourceId === input.targetId) throw badRequest("targetId", "must differ from sourceId");
  const target = await inTransaction(ctx, async (tx) => {
    const source = await getTagOrThrow(tx, input.sourceId, { forUpdate: true });
    const target = await getTagOrThrow(tx, input.targetId, { forUpdate: true });
    const affected = await findContactIdsWithTag(tx.db, { workspaceId: ctx.workspaceId, tagId: source.id });
    await auditTagChange(tx, affected, async () => {
      await moveTagLinks(tx.db, { workspaceId: ctx.workspaceId, sourceId: source.id, targetId: target.id });
      await replaceTagReferences(tx.db, { workspaceId: ctx.workspaceId, sourceId: source.id, targetId: target.id });
      await deleteTagRow(tx.db, { workspaceId: ctx.workspaceId, id: source.id });
    }, { operation: "mergeTags", sourceId: source.id, targetId: target.id });
    await recordAudit(tx.db, ctx, {
      entityType: "tag", entityId: source.id, action: "delete",
      changes: diffRecords(source, null), metadata: { mergedInto: { id: target.id, name: target.name }, contacts: affected.length },
    });
    return target;
  });
  return withCount(ctx, target);
}

export async function deleteTag(ctx: ServiceContext, input: { id: string }) {
  requireRole(ctx, "manager", "delete tags");
  return inTransaction(ctx, async (tx) => {
    const tag = await getTagOrThrow(tx, input.id, { forUpdate: true });
    const affected = await findContactIdsWithTag(tx.db, { workspaceId: ctx.workspaceId, tagId: tag.id });
    const { changed } = await auditTagChange(tx, affected,
      () => deleteTagRow(tx.db, { workspaceId: ctx.workspaceId, id: tag.id }), { operation: "deleteTag", tagId: tag.id });
    await recordAudit(tx.db, ctx, { entityType: "tag", entityId: tag.id, action: "delete", changes: diffRecords(tag, null) });
    return { success: true, id: tag.id, untaggedCount: changed.length };
  });
}

export async function contactsByTag(ctx: ServiceContext, input: ContactsByTagInput) {
  const tag = await getTagOrThrow(ctx, input.tagId);
  const page = await listContacts(ctx, {
    first: input.first, after: input.after, filters: { field: "tags", operator: "includes", value: [tag.id] },
  });
  return { tag, ...page };
}
