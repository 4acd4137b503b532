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

export function decodeCursor(value: string): ContactCursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(parsed) && parsed.length === 2 &&
      typeof parsed[0] === "string" && timestampPattern.test(parsed[0]) &&
      typeof parsed[1] === "string" && /^[0-9a-f-]{36}$/i.test(parsed[1])
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest("after", "is not a cursor returned by this list");
}
