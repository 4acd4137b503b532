import { formatDay } from "@/components/contacts/format";
import { lifecycleLabels, type LifecycleStage } from "@/components/contacts/fields";
import { childrenOf, groupKind, isGroup, valueShape } from "./model";
import { operatorLabels, type FilterField, type FilterLeaf, type FilterNode, type RelativeDateValue } from "./types";

/** Names for ids a filter value may hold (tags, segments), so a chip reads "Tags includes VIP". */
export interface FilterLookups {
  fieldsByKey: ReadonlyMap<string, FilterField>;
  tagNames?: ReadonlyMap<string, string>;
  segmentNames?: ReadonlyMap<string, string>;
}

const numberFormat = new Intl.NumberFormat("en-US");

/** One value as a person reads it: an option's label, a tag's name, a formatted number or day. */
export function describeValue(field: FilterField | undefined, value: unknown, lookups: FilterLookups): string {
  if (value === undefined || value === null || value === "") return "…";
  const text = String(value);
  if (!field) return text;
  if (field.key === "lifecycleStage") return lifecycleLabels[text as LifecycleStage] ?? text;
  if (field.key === "tags") return lookups.tagNames?.get(text) ?? text;
  if (field.kind === "segment") return lookups.segmentNames?.get(text) ?? "a segment";
  if (field.options) return field.options.find((option) => option.value === text)?.label ?? text;
  if (field.kind === "number" && typeof value === "number") return numberFormat.format(value);
  if (field.kind === "boolean") return value === true || value === "true" ? "yes" : "no";
  if ((field.kind === "date" || field.kind === "datetime") && /^\d{4}-\d{2}-\d{2}/.test(text)) return formatDay(text);
  return text;
}

function relativeText(value: unknown): string {
  const amount = value as Partial<RelativeDateValue> | undefined;
  if (!amount || typeof amount.n !== "number") return "…";
  const unit = amount.unit ?? "days";
  return `${amount.n} ${amount.n === 1 ? unit.slice(0, -1) : unit}`;
}

export function describeLeaf(leaf: FilterLeaf, lookups: FilterLookups): string {
  const field = lookups.fieldsByKey.get(leaf.field);
  const label = field?.label ?? leaf.field;
  const shape = valueShape(leaf.operator);
  const value = leaf.value;
  switch (shape) {
    case "none":
      return `${label} ${operatorLabels[leaf.operator]}`;
    case "relative":
      return leaf.operator === "moreThanAgo"
        ? `${label} more than ${relativeText(value)} ago`
        : `${label} ${operatorLabels[leaf.operator]} ${relativeText(value)}`;
    case "pair": {
      const [low, high] = Array.isArray(value) ? value : [];
      return `${label} between ${describeValue(field, low, lookups)} and ${describeValue(field, high, lookups)}`;
    }
    case "list": {
      const items = Array.isArray(value) ? value : [value];
      const shown = items.slice(0, 3).map((item) => describeValue(field, item, lookups)).join(", ");
      return `${label} ${operatorLabels[leaf.operator]} ${shown}${items.length > 3 ? ` +${items.length - 3}` : ""}`;
    }
    default:
      return `${label} ${operatorLabels[leaf.operator]} ${describeValue(field, value, lookups)}`;
  }
}

/** A whole tree in one line, nested groups in parentheses: "Score at least 50 and (Tags includes VIP or City is Paris)". */
export function describeTree(node: FilterNode, lookups: FilterLookups, isNested = false): string {
  if (!isGroup(node)) return describeLeaf(node, lookups);
  const parts = childrenOf(node).map((child) => describeTree(child, lookups, true));
  if (parts.length === 0) return "everyone";
  const text = parts.join(` ${groupKind(node)} `);
  return isNested && parts.length > 1 ? `(${text})` : text;
}
