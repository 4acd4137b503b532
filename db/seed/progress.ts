import type { Database } from "@/db/types";
import { seededCompanyId, seededContactId } from "./ids";
import { rowExists } from "./insert";

/**
 * How many of a plan's records exist. Batches commit in index order, so the seeded records are always
 * a prefix, and a binary search over their stable ids finds its end in about twenty point lookups.
 * `total` bounds the search; pass one more than expected to notice a workspace seeded larger.
 */
export async function countSeeded(db: Database, workspaceId: string, table: "contacts" | "companies", total: number): Promise<number> {
  const idOf = table === "contacts" ? seededContactId : seededCompanyId;
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (await rowExists(db, table, workspaceId, idOf(workspaceId, mid - 1))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cheap enough for every server start: two point lookups, and none of the generator's start-up cost. */
export async function isSeedComplete(db: Database, workspaceId: string, contacts: number): Promise<boolean> {
  return (
    (await rowExists(db, "contacts", workspaceId, seededContactId(workspaceId, contacts - 1))) &&
    !(await rowExists(db, "contacts", workspaceId, seededContactId(workspaceId, contacts)))
  );
}
