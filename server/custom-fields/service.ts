import { TRPCError } from "@trpc/server";
import type { ObjectType } from "@/db/schema";
import type { ServiceContext } from "../context";
import { diffRecords } from "../audit/diff";
import { recordAudit } from "../audit/service";
import { requireRole } from "../lib/authorize";
import { badRequest, isUniqueViolation, notFound } from "../lib/errors";
import {
  countContactsWithCustomValue, createCustomFieldIndex, dropCustomFieldIndex, findCustomFieldDefinitionById,
  findCustomFieldDefinitionByName, findCustomFieldDefinitions, insertCustomFieldDefinition, updateCustomFieldDefinition,
  type CustomFieldDefinitionRow,
} from "./queries";
import type { CreateCustomFieldInput, CustomFieldPatch, ListCustomFieldsInput } from "./schemas";
import { formatCustomFieldErrors, validateCustomFieldValues, type CustomFieldValue } from "./validate";

function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

async function getDefinitionOrThrow(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const definition = await findCustomFieldDefinitionById(ctx.db, { workspaceId: ctx.workspaceId, id, forUpdate: options.forUpdate });
  if (!definition) throw notFound("Custom field", id);
  return definition;
}

function nameTaken(existing: CustomFieldDefinitionRow): TRPCError {
  const hint = existing.archivedAt ? " (archived: restore it instead of creating it again)" : "";
  return new TRPCError({
    code: "CONFLICT",
    message: `fieldName: ${existing.objectType} field "${existing.fieldName}" already exists${hint} (custom field ${existing.id})`,
  });
}

export async function listCustomFields(ctx: ServiceContext, input: ListCustomFieldsInput) {
  return findCustomFieldDefinitions(ctx.db, { workspaceId: ctx.workspaceId, objectType: input.objectType, includeArchived: input.includeArchived });
}

export async function createCustomField(ctx: ServiceContext, input: CreateCustomFieldInput): Promise<CustomFieldDefinitionRow> {
  requireRole(ctx, "admin", "define custom fields");
  const definition = await inTransaction(ctx, async (tx) => {
    const existing = await findCustomFieldDefinitionByName(tx.db, { workspaceId: ctx.workspaceId, objectType: input.objectType, fieldName: input.fieldName });
    if (existing) throw nameTaken(existing);
    const siblings = await findCustomFieldDefinitions(tx.db, { workspaceId: ctx.workspaceId, objectType: input.objectType, includeArchived: true });
    let row: CustomFieldDefinitionRow;
    try {
      row = await insertCustomFieldDefinition(tx.db, {
        workspaceId: ctx.workspaceId,
        objectType: input.objectType,
        fieldName: input.fieldName,
        label: input.label,
        fieldType: input.fieldType,
        required: input.required,
        options: input.options,
        currency: input.fieldType === "currency" ? (input.currency ?? "USD") : null,
        position: input.position ?? siblings.reduce((max, s) => Math.max(max, s.position + 1), 0),
      });
    } catch (error) {
      if (isUniqueViolation(error, "custom_field_definitions_name_idx")) {
        const winner = await findCustomFieldDefinitionByName(ctx.db, { workspaceId: ctx.workspaceId, objectType: input.objectType, fieldName: input.fieldName });
        if (winner) throw nameTaken(winner);
      }
      throw error;
    }
    await recordAudit(tx.db, ctx, { entityType: "custom_field", entityId: row.id, action: "create", changes: diffRecords(null, row) });
    return row;
  });
  // After commit: a concurrent index build cannot run inside the transaction.
  await createCustomFieldIndex(ctx.db, definition);
  return definition;
}

export async function updateCustomField(ctx: ServiceContext, input: { id: string; patch: CustomFieldPatch }) {
  requireRole(ctx, "admin", "edit custom fields");
  return inTransaction(ctx, async (tx) => {
    const before = await getDefinitionOrThrow(tx, input.id, { forUpdate: true });
    const { patch } = input;
    const isChoice = before.fieldType === "select" || before.fieldType === "multiselect";
    if (patch.options !== undefined) {
      if (!isChoice && patch.options.length > 0) throw badRequest("patch.options", `only select and multiselect fields have options, not ${before.fieldType}`);
      if (isChoice && patch.options.length === 0) throw badRequest("patch.options", `a ${before.fieldType} field needs at least one option`);
      const values = patch.options.map((o) => o.value);
      const duplicate = values.find((value, index) => values.indexOf(value) !== index);
      if (duplicate !== undefined) throw badRequest("patch.options", `"${duplicate}" appears twice`);
    }
    if (patch.currency && before.fieldType !== "currency") throw badRequest("patch.currency", "only currency fields have a currency");
    // A currency field always has a default code: clearing it falls back to USD, as creation does.
    const values = { ...patch, ...(patch.currency === null ? { currency: before.fieldType === "currency" ? "USD" : null } : {}) };
    const changes = diffRecords(before, { ...before, ...values });
    if (Object.keys(changes).length === 0) return before;
    const after = (await updateCustomFieldDefinition(tx.db, { workspaceId: ctx.workspaceId, id: input.id, values }))!;
    await recordAudit(tx.db, ctx, { entityType: "custom_field", entityId: after.id, action: "update", changes });
    return after;
  });
}

/** Archives: values stay in every contact's custom_fields, hidden, and come back on restore. */
export async function deleteCustomField(ctx: ServiceContext, input: { id: string }) {
  requireRole(ctx, "admin", "delete custom fields");
  const result = await inTransaction(ctx, async (tx) => {
    const before = await getDefinitionOrThrow(tx, input.id, { forUpdate: true });
    if (before.archivedAt) return { definition: before, changed: false };
    const after = (await updateCustomFieldDefinition(tx.db, { workspaceId: ctx.workspaceId, id: input.id, values: { archivedAt: new Date() } }))!;
    await recordAudit(tx.db, ctx, {
      entityType: "custom_field", entityId: after.id, action: "delete",
      changes: { archivedAt: { old: null, new: after.archivedAt!.toISOString() } },
    });
    return { definition: after, changed: true };
  });
  if (result.changed) await dropCustomFieldIndex(ctx.db, result.definition);
  const keptValues = await countContactsWithCustomValue(ctx.db, { workspaceId: ctx.workspaceId, fieldName: result.definition.fieldName });
  return { ...result.definition, keptValues };
}

export async function restoreCustomField(ctx: ServiceContext, input: { id: string }) {
  requireRole(ctx, "admin", "restore custom fields");
  const result = await inTransaction(ctx, async (tx) => {
    const before = await getDefinitionOrThrow(tx, input.id, { forUpdate: true });
    if (!before.archivedAt) return { definition: before, changed: false };
    const after = (await updateCustomFieldDefinition(tx.db, { workspaceId: ctx.workspaceId, id: input.id, values: { archivedAt: null } }))!;
    await recordAudit(tx.db, ctx, {
      entityType: "custom_field", entityId: after.id, action: "restore",
      changes: { archivedAt: { old: before.archivedAt.toISOString(), new: null } },
    });
    return { definition: after, changed: true };
  });
  if (result.changed) await createCustomFieldIndex(ctx.db, result.definition);
  const keptValues = await countContactsWithCustomValue(ctx.db, { workspaceId: ctx.workspaceId, fieldName: result.definition.fieldName });
  return { ...result.definition, keptValues };
}

/**
 * Validates custom field values for a write path inside a service, throwing BAD_REQUEST naming each
 * field (`customFields.budget: expected a number`). Definitions are loaded once per call.
 */
export async function checkCustomFieldValues(
  ctx: ServiceContext,
  input: { objectType: ObjectType; values: Record<string, unknown>; partial: boolean },
): Promise<Record<string, CustomFieldValue | null>> {
  if (Object.keys(input.values).length === 0 && input.partial) return {};
  const definitions = await findCustomFieldDefinitions(ctx.db, { workspaceId: ctx.workspaceId, objectType: input.objectType, includeArchived: true });
  const result = validateCustomFieldValues(definitions, input.values, { partial: input.partial });
  if (!result.ok) throw new TRPCError({ code: "BAD_REQUEST", message: formatCustomFieldErrors(result.errors) });
  return result.values;
}
