import type { ServiceContext } from "../context";
import { findCustomFieldDefinitions } from "../custom-fields/queries";
import { companyFields, contactFields, customFieldSpec } from "./fields";
import { filterOperators, operatorLabels, operatorsByKind, orderedEnumOperators, relativeUnits, type FieldSpec } from "./types";

function describe(field: FieldSpec, group: "contact" | "company" | "custom") {
  return {
    key: field.key,
    label: field.label,
    group,
    kind: field.kind,
    /** The custom field's own type (currency, url, …) for choosing an input; null for standard fields. */
    fieldType: field.source.type === "custom" ? field.source.fieldType : null,
    operators: [...operatorsByKind[field.kind], ...(field.isOrdered ? orderedEnumOperators : [])],
    enumValues: field.enumValues ? [...field.enumValues] : null,
    isOrdered: field.isOrdered ?? false,
    isInteger: field.integer ?? false,
    isSortable: field.isSortable,
  };
}

/**
 * Everything a filter builder or a column chooser needs: each field a filter or sort may name, its
 * kind, the operators that apply and the allowed values; live custom fields included, archived ones not.
 */
export async function listFilterFields(ctx: ServiceContext) {
  const definitions = await findCustomFieldDefinitions(ctx.db, { workspaceId: ctx.workspaceId, objectType: "contact", includeArchived: false });
  const custom = definitions.map((definition) => ({
    ...describe(customFieldSpec(definition), "custom"),
    options: definition.options,
    currency: definition.currency,
  }));
  return {
    fields: [
      ...contactFields.map((field) => ({ ...describe(field, "contact"), options: null, currency: null })),
      ...companyFields.map((field) => ({ ...describe(field, "company"), options: null, currency: null })),
      ...custom,
    ],
    operators: filterOperators.map((operator) => ({ operator, label: operatorLabels[operator] })),
    relativeUnits: [...relativeUnits],
  };
}
