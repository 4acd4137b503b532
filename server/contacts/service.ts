import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { ServiceContext } from "../context";
import { diffRecords } from "../audit/diff";
import { listEntityHistory, recordAudit } from "../audit/service";
import { badRequest, DuplicateContactError, isUniqueViolation, notFound } from "../lib/errors";
import { checkCustomFieldValues } from "../custom-fields/service";
import { conditionToSql } from "../filters/compile";
import { prepareContactFilter } from "../filters/filter";
import { decodeCursor, decodeSortedCursor, encodeCursor, encodeSortedCursor, type CarriedTotal } from "./cursor";
import {
  countContacts, countContactsCapped, findActiveContactByEmail, findCompanyInWorkspace, findContactById, findContactProfileParts,
  findContactsPage, findContactsPageSorted, findTagsOfContacts, insertContact, isWorkspaceMember, updateContactRow, type ContactRow, type ContactTagChip,
} from "./queries";
import { isDefaultSort, keysetAfterSql, orderBySql, parseSortValues, resolveSort, sortSignature, sortValuesSql, tiebreakDirection } from "./sort";
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
    const customFields = await checkCustomFieldValues(tx, { objectType: "contact", values: input.customFields ?? {}, partial: false });
    let contact: ContactRow;
    try {
      contact = await insertContact(tx.db, {
        ...input,
        customFields,
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
      const checked = await checkCustomFieldValues(tx, { objectType: "contact", values: customFieldPatch, partial: true });
      const merged: Record<string, unknown> = { ...before.customFields };
      for (const [key, value] of Object.entries(checked)) {
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

/** Beyond this many matches the list reports a labelled estimate instead of counting every row. */
export const EXACT_COUNT_LIMIT = 10_000;
/** …and beyond this much time spent counting (PostgreSQL), so a count never holds up the page. */
export const COUNT_TIME_BUDGET_MS = 150;

/** Fingerprint of what a total was counted for; a carried total is reused only for the same one. */
function countScope(ctx: ServiceContext, input: ListContactsInput): string {
  const key = JSON.stringify([ctx.workspaceId, input.filters ?? null, input.includeDeleted ?? false, input.exactCount ?? false]);
  return createHash("sha1").update(key).digest("base64url").slice(0, 12);
}

/**
 * A page of contacts: filtered, sorted on any fields (keyset cursors that encode the sort values), with
 * each contact's tags. totalCount is exact up to EXACT_COUNT_LIMIT matches (and COUNT_TIME_BUDGET_MS),
 * an estimate beyond with totalCountIsEstimate set; it is counted with the first page and carried by
 * the cursor, so later pages cost only their rows.
 */
export async function listContacts(ctx: ServiceContext, input: ListContactsInput) {
  const includeDeleted = input.includeDeleted ?? false;
  const parsed = input.filters ? await prepareContactFilter(ctx, input.filters) : null;
  const condition = parsed?.condition ? conditionToSql(parsed.condition, { workspaceId: ctx.workspaceId }) : undefined;
  // The page reads a few rows in index order; the count reads them all: each gets the plan shape it needs.
  const pageCondition = parsed?.condition ? conditionToSql(parsed.condition, { workspaceId: ctx.workspaceId, firstRows: true }) : undefined;
  const scope = { workspaceId: ctx.workspaceId, includeDeleted, condition };
  const pageScope = { ...scope, condition: pageCondition };
  const totalScope = countScope(ctx, input);
  const count = (carried: CarriedTotal | undefined): Promise<CarriedTotal> => {
    if (carried?.scope === totalScope) return Promise.resolve(carried);
    const counting = input.exactCount
      ? countContacts(ctx.db, scope).then((n) => ({ count: n, isEstimate: false }))
      : countContactsCapped(ctx.db, { ...scope, cap: EXACT_COUNT_LIMIT, timeBudgetMs: COUNT_TIME_BUDGET_MS });
    return counting.then((counted) => ({ ...counted, scope: totalScope }));
  };

  let rows: ContactRow[];
  let tagsByContact: Map<string, ContactTagChip[]>;
  let hasNextPage: boolean;
  let total: CarriedTotal;
  let endCursor: string | null = null;
  if (isDefaultSort(input.sort)) {
    const after = input.after ? decodeCursor(input.after) : null;
    const [found, counted] = await Promise.all([findContactsPage(ctx.db, { ...pageScope, first: input.first, after }), count(after?.total)]);
    const last = found[Math.min(found.length, input.first) - 1];
    if (last) endCursor = encodeCursor({ createdAt: last.cursorCreatedAt, id: last.contact.id, total: counted });
    rows = found.slice(0, input.first).map((row) => row.contact);
    tagsByContact = new Map(found.map((row) => [row.contact.id, row.tags]));
    hasNextPage = found.length > input.first;
    total = counted;
  } else {
    const sort = input.sort!;
    const keys = await resolveSort(ctx.db, ctx.workspaceId, sort);
    const signature = sortSignature(sort);
    const idDirection = tiebreakDirection(keys, sort);
    const cursor = input.after ? decodeSortedCursor(input.after, signature, keys.length) : null;
    const [found, counted] = await Promise.all([
      findContactsPageSorted(ctx.db, {
        ...pageScope,
        first: input.first,
        orderBy: orderBySql(keys, idDirection),
        after: cursor ? keysetAfterSql(keys, idDirection, cursor.values, cursor.id) : undefined,
        sortValues: sortValuesSql(keys),
      }),
      count(cursor?.total),
    ]);
    const last = found[Math.min(found.length, input.first) - 1];
    if (last) endCursor = encodeSortedCursor({ sort: signature, values: parseSortValues(last.sortValues), id: last.contact.id, total: counted });
    rows = found.slice(0, input.first).map((row) => row.contact);
    hasNextPage = found.length > input.first;
    total = counted;
    // A sort node would compute a per-row subquery for every candidate, not just the page: a second query.
    tagsByContact = await findTagsOfContacts(ctx.db, { workspaceId: ctx.workspaceId, contactIds: rows.map((contact) => contact.id) });
  }
  return {
    nodes: rows.map((contact) => ({ ...contact, fullName: fullName(contact), tags: tagsByContact.get(contact.id) ?? [] })),
    pageInfo: { hasNextPage, endCursor },
    totalCount: total.count,
    /** True when totalCount is an estimate (more than EXACT_COUNT_LIMIT matches, or counting ran out of time). */
    totalCountIsEstimate: total.isEstimate,
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
