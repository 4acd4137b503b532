import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Executor } from "./types";

/** The part of a postgres.js query that COPY needs: a writable stream, and the hook its errors reach. */
interface CopyQuery extends Promise<unknown> {
  writable(): Promise<NodeJS.WritableStream>;
  reject: (error: unknown) => unknown;
}

interface PostgresJsClient {
  unsafe(query: string): CopyQuery;
}

function postgresJsClient(db: Executor): PostgresJsClient | null {
  const client = (db as unknown as { session?: { client?: { unsafe?: unknown; begin?: unknown; savepoint?: unknown } } }).session?.client;
  // PGlite's client has no `unsafe`; postgres.js's (a pool, or a transaction's reserved connection) has.
  return client && typeof client.unsafe === "function" ? (client as PostgresJsClient) : null;
}

/** True when `db` runs on PostgreSQL through postgres.js, where COPY … FROM STDIN is available. */
export const supportsCopy = (db: Executor) => postgresJsClient(db) !== null;

/** One value in COPY's text format: `\N` for null, backslash escapes for the characters that delimit. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text =
    typeof value === "string" ? value
      : value instanceof Date ? value.toISOString()
        : typeof value === "object" ? JSON.stringify(value)
          : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : text;
}

/**
 * `COPY table (columns) FROM STDIN` of `lines` (each a tab-separated row ending in a newline) on the
 * executor's connection, usually inside a transaction.
 *
 * postgres.js (3.4) resolves the query with the stream and has nowhere to report an error the server
 * sends after that (a unique violation halfway through): the stream's finish never comes and the COPY
 * would hang forever. The error still reaches the query's `reject`, so it is hooked here and ends the
 * wait; the server has already aborted the statement, and the caller's transaction rolls back.
 */
export async function copyIn(
  db: Executor, table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>,
  /** Called once the server has accepted the COPY and the data starts to flow. */
  onStarted?: () => void,
): Promise<void> {
  const client = postgresJsClient(db);
  if (!client) throw new Error("COPY needs PostgreSQL through postgres.js");
  const query = client.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`);
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const reject = query.reject;
  query.reject = (error) => {
    fail(error);
    return reject(error);
  };
  const writable = await query.writable();
  const sending = pipeline(Readable.from(lines), writable);
  onStarted?.();
  await Promise.race([sending, failed]);
}
