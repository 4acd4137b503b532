import type { FieldChanges } from "@/db/schema";

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value === undefined) return null;
  return value;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/**
 * Field-level diff between two versions of a record. `customFields` is diffed per key
 * (`customFields.budget`) so history shows which custom field changed, not a whole object.
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = ["updatedAt", "createdAt", "workspaceId", "id"],
): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const oldValue = before?.[key];
    const newValue = after?.[key];
    if (key === "customFields" && isPlainObject(oldValue ?? {}) && isPlainObject(newValue ?? {})) {
      const oldFields = (oldValue ?? {}) as Record<string, unknown>;
      const newFields = (newValue ?? {}) as Record<string, unknown>;
      for (const name of new Set([...Object.keys(oldFields), ...Object.keys(newFields)])) {
        if (!isEqual(oldFields[name], newFields[name])) {
          changes[`customFields.${name}`] = { old: normalise(oldFields[name]), new: normalise(newFields[name]) };
        }
      }
      continue;
    }
    if (!isEqual(oldValue, newValue)) changes[key] = { old: normalise(oldValue), new: normalise(newValue) };
  }
  return changes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
