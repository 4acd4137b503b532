import { TRPCError } from "@trpc/server";
import type { ServiceContext } from "../context";
import { diffRecords } from "../audit/diff";
import { listEntityHistory, recordAudit } from "../audit/service";
import { badRequest, DuplicateContactError, isUniqueViolation, notFound } from "../lib/errors";
import { decodeCursor, encodeCursor } from "./cursor";
import {
  countContacts, findActiveContactByEmail, findCompanyInWorkspace, findContactById, findContactProfileParts,
  findContactsPage, insertContact, isWorkspaceMember, updateContactRow, type ContactRow,
} from "./queries";
import type { ContactPatch, CreateContactInput, ListContactsInput } from "./schemas";

export function fullName(contact: Pick<ContactRow, "firstName" | "lastName" | "email">): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.email;
}

function duplicateEmail(existing: { id: string; email: string; firstName: string | null; lastName: string | null }): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `email: ${existing.email} already belongs to ${fullName(existing)} (contact ${existing.id})`,
    cause: new DuplicateContactError(existing.id),
  });
}

async function assertReferences(ctx: ServiceContext, input: { companyId?: string | null; ownerId?: string | null }) {
  if (input.companyId && !(await findCompanyInWorkspace(ctx.db, { workspaceId: ctx.workspaceId, id: input.companyId }))) {
    throw badRequest("companyId", "no such company in this workspace");
  }
  if (input.ownerId && !(await isWorkspaceMember(ctx.db, { workspaceId: ctx.workspaceId, userId: input.ownerId }))) {
    throw badRequest("ownerId", "is not a member of this workspace");
  }
}

async function getContactOrThrow(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const contact = await findContactById(ctx.db, { workspaceId: ctx.workspaceId, id, forUpdate: options.forUpdate });
  if (!contact) throw notFound("Contact", id);
  return contact;
}

/** Runs `fn` in a transaction (a savepoint when the caller already holds one), with a context bound to it. */
function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

export async function createContact(ctx: ServiceContext, input: CreateContactInput): Promise<ContactRow> {
  return inTransaction(ctx, async (tx) => {
    await assertReferences(tx, input);
    const existing = await findActiveContactByEmail(tx.db, { workspaceId: ctx.workspaceId, email: input.email });
    if (existing) throw duplicateEmail(existing);
    const source = input.source ?? (ctx.actor.type === "api_key" ? "api" : "manual");
    let contact: ContactRow;
    try {
      contact = await insertContact(tx.db, {
        ...input,
        source,
        workspaceId: ctx.workspaceId,
        ownerId: input.ownerId === undefined ? ctx.actor.userId : input.ownerId,
        createdBy: ctx.actor.userId,
      });
    } catch (error) {
      // Another request inserted the same email between our check and our insert.
      if (isUniqueViolation(error, "contacts_email_idx")) {
        const winner = await findActiveContactByEmail(ctx.db, { workspaceId: ctx.workspaceId, email: input.email });
        if (winner) throw duplicateEmail(winner);
      }
      throw error;
    }
    await recordAudit(tx.db, ctx, { entityType: "contact", entityId: contact.id, action: "create", changes: diffRecords(null, contact) });
    return contact;
  });
}

export async function updateContact(ctx: ServiceContext, input: { id: string; patch: ContactPatch }): Promise<ContactRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await getContactOrThrow(tx, input.id, { forUpdate: true });
    if (before.deletedAt) throw badRequest("id", "this contact is deleted; restore it before editing");
    await assertReferences(tx, input.patch);
    const { customFields: customFieldPatch, ...patch } = input.patch;
    if (patch.email && patch.email !== before.email) {
      const existing = await findActiveContactByEmail(tx.db, { workspaceId: ctx.workspaceId, email: patch.email });
      if (existing && existing.id !== before.id) throw duplicateEmail(existing);
    }
    // Custom fields merge key by key, so editing one field never drops the others; null clears a key.
    const values: Partial<ContactRow> = { ...patch };
    if (customFieldPatch) {
      const merged: Record<string, unknown> = { ...before.customFields };
      for (const [key, value] of Object.entries(customFieldPatch)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      values.customFields = merged;
    }
    const changes = diffRecords(before, { ...before, ...values });
    if (Object.keys(changes).length === 0) return before;
    let after: ContactRow | null;
    try {
      after = await updateContactRow(tx.db, { workspaceId: ctx.workspaceId, id: input.id, values });
    } catch (error) {
      if (isUniqueViolation(error, "contacts_email_idx") && patch.email) {
        const winner = await findActiveContactByEmail(ctx.db, { workspaceId: ctx.workspaceId, email: patch.email });
        if (winner) throw duplicateEmail(winner);
      }
      throw error;
    }
    if (!after) throw notFound("Contact", input.id);
    await recordAudit(tx.db, ctx, { entityType: "contact", entityId: after.id, action: "update", changes });
    return after;
  });
}

export async function deleteContact(ctx: ServiceContext, input: { id: string }): Promise<ContactRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await getContactOrThrow(tx, input.id, { forUpdate: true });
    if (before.deletedAt) return before;
    const after = (await updateContactRow(tx.db, { workspaceId: ctx.workspaceId, id: input.id, values: { deletedAt: new Date() } }))!;
    await recordAudit(tx.db, ctx, {
      entityType: "contact", entityId: after.id, action: "delete",
      changes: { deletedAt: { old: null, new: after.deletedAt!.toISOString() } },
    });
    return after;
  });
}

export async function restoreContact(ctx: ServiceContext, input: { id: string }): Promise<ContactRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await getContactOrThrow(tx, input.id, { forUpdate: true });
    if (!before.deletedAt) return before;
    const existing = await findActiveContactByEmail(tx.db, { workspaceId: ctx.workspaceId, email: before.email });
    if (existing) throw duplicateEmail(existing);
    const after = (await updateContactRow(tx.db, { workspaceId: ctx.workspaceId, id: input.id, values: { deletedAt: null } }))!;
    await recordAudit(tx.db, ctx, {
      entityType: "contact", entityId: after.id, action: "restore",
      changes: { deletedAt: { old: before.deletedAt.toISOString(), new: null } },
    });
    return after;
  });
}

export async function listContacts(ctx: ServiceContext, input: ListContactsInput) {
  const after = input.after ? decodeCursor(input.after) : null;
  const includeDeleted = input.includeDeleted ?? false;
  const [rows, totalCount] = await Promise.all([
    findContactsPage(ctx.db, { workspaceId: ctx.workspaceId, first: input.first, after, includeDeleted }),
    countContacts(ctx.db, { workspaceId: ctx.workspaceId, includeDeleted }),
  ]);
  const page = rows.slice(0, input.first);
  const last = page.at(-1);
  return {
    nodes: page.map((row) => ({ ...row.contact, fullName: fullName(row.contact) })),
    pageInfo: {
      hasNextPage: rows.length > input.first,
      endCursor: last ? encodeCursor({ createdAt: last.cursorCreatedAt, id: last.contact.id }) : null,
    },
    totalCount,
  };
}

export async function getContactProfile(ctx: ServiceContext, input: { id: string }) {
  const contact = await getContactOrThrow(ctx, input.id);
  const parts = await findContactProfileParts(ctx.db, { workspaceId: ctx.workspaceId, contact });
  return { ...contact, fullName: fullName(contact), ...parts };
}

export async function getContactHistory(ctx: ServiceContext, input: { id: string; first: number }) {
  await getContactOrThrow(ctx, input.id);
  return listEntityHistory(ctx, { entityType: "contact", entityId: input.id, first: input.first });
}
