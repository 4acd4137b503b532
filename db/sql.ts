import type { SQL } from "drizzle-orm";
import type { Executor } from "./types";

/** Runs raw SQL and returns its rows, whichever driver is underneath (PGlite returns `{rows}`, postgres.js an array). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
