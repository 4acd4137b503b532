import { badRequest } from "../lib/errors";

/**
 * Keyset cursor over (created_at desc, id desc). created_at travels as PostgreSQL's own text form:
 * a JS Date keeps milliseconds only, and rounding the microseconds away would skip or repeat rows.
 */
export interface ContactCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(cursor: ContactCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
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
      Array.isArray(parsed) && parsed.length === 2 &&
      typeof parsed[0] === "string" && timestampPattern.test(parsed[0]) &&
      typeof parsed[1] === "string" && uuidPattern.test(parsed[1])
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
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
}

export function encodeSortedCursor(cursor: SortedCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.values, i: cursor.id })).toString("base64url");
}

export function decodeSortedCursor(value: string, expectedSort: string, keyCount: number): SortedCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const record = parsed as { s?: unknown; v?: unknown; i?: unknown } | null;
  if (
    typeof record !== "object" || record === null || Array.isArray(record) ||
    typeof record.s !== "string" || typeof record.i !== "string" || !uuidPattern.test(record.i) ||
    !Array.isArray(record.v) || record.v.length !== keyCount ||
    !record.v.every((v) => v === null || (typeof v === "string" && v.length <= 2000))
  ) {
    throw invalidCursor();
  }
  if (record.s !== expectedSort) throw badRequest("after", "this cursor belongs to a different sort; start again from the first page");
  return { sort: record.s, values: record.v as Array<string | null>, id: record.i };
}
