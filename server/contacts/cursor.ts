import { badRequest } from "../lib/errors";

/**
 * Keyset cursor over (created_at desc, id desc). created_at travels as PostgreSQL's own text form:
 * a JS Date keeps milliseconds only, and rounding the microseconds away would skip or repeat rows.
 */
export interface ContactCursor {
  createdAt: string;
  id: string;
  total?: CarriedTotal;
}

/**
 * The first page's total, carried by the cursor so page 200 does not count again (counting is the
 * expensive half of a page). `scope` fingerprints the filters it was counted for: a cursor reused
 * with other filters is recounted.
 */
export interface CarriedTotal {
  count: number;
  isEstimate: boolean;
  scope: string;
}

export function encodeCursor(cursor: ContactCursor): string {
  const total = cursor.total ? [cursor.total.count, cursor.total.isEstimate ? 1 : 0, cursor.total.scope] : [];
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id, ...total])).toString("base64url");
}

function readTotal(count: unknown, isEstimate: unknown, scope: unknown): CarriedTotal | null {
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) return null;
  if ((isEstimate !== 0 && isEstimate !== 1) || typeof scope !== "string" || scope.length > 64) return null;
  return { count, isEstimate: isEstimate === 1, scope };
}

const timestampPattern = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
const uuidPattern = /^[0-9a-f-]{36}$/i;

function invalidCursor() {
  return badRequest("after", "is not a cursor returned by this list");
}

export function decodeCursor(value: string): ContactCursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(parsed) && (parsed.length === 2 || parsed.length === 5) &&
      typeof parsed[0] === "string" && timestampPattern.test(parsed[0]) &&
      typeof parsed[1] === "string" && uuidPattern.test(parsed[1])
    ) {
      const total = parsed.length === 5 ? readTotal(parsed[2], parsed[3], parsed[4]) : null;
      if (parsed.length === 2 || total) return { createdAt: parsed[0], id: parsed[1], ...(total ? { total } : {}) };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/**
 * Keyset cursor for any other sort: the row's sort values in PostgreSQL's text form (null for NULL)
 * and its id, plus the sort it belongs to, so a cursor is never applied to a different order.
 */
export interface SortedCursor {
  sort: string;
  values: Array<string | null>;
  id: string;
  total?: CarriedTotal;
}

export function encodeSortedCursor(cursor: SortedCursor): string {
  const total = cursor.total ? { t: [cursor.total.count, cursor.total.isEstimate ? 1 : 0, cursor.total.scope] } : {};
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.values, i: cursor.id, ...total })).toString("base64url");
}

export function decodeSortedCursor(value: string, expectedSort: string, keyCount: number): SortedCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const record = parsed as { s?: unknown; v?: unknown; i?: unknown; t?: unknown } | null;
  if (
    typeof record !== "object" || record === null || Array.isArray(record) ||
    typeof record.s !== "string" || typeof record.i !== "string" || !uuidPattern.test(record.i) ||
    !Array.isArray(record.v) || record.v.length !== keyCount ||
    !record.v.every((v) => v === null || (typeof v === "string" && v.length <= 2000))
  ) {
    throw invalidCursor();
  }
  if (record.s !== expectedSort) throw badRequest("after", "this cursor belongs to a different sort; start again from the first page");
  const total = Array.isArray(record.t) && record.t.length === 3 ? readTotal(record.t[0], record.t[1], record.t[2]) : null;
  return { sort: record.s, values: record.v as Array<string | null>, id: record.i, ...(total ? { total } : {}) };
}
