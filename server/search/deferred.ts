import { sql } from "drizzle-orm";
import type { Executor } from "@/db/types";

/**
 * Turns the contact search triggers off for the rest of the caller's transaction (migration 0009): the
 * caller must then have the contacts it writes refreshed by a search_index job.
 */
export async function deferSearchRefresh(tx: Executor): Promise<void> {
  await tx.execute(sql`select set_config('hastecrm.search_deferred', 'on', true)`);
}
