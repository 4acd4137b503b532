import { seededUuid } from "./random";

/** Stable ids of the seeded contacts and companies, for checks and benchmarks that pick rows without a query. */
export function seededContactId(workspaceId: string, index: number): string {
  return seededUuid(workspaceId, "contact", index);
}

export function seededCompanyId(workspaceId: string, index: number): string {
  return seededUuid(workspaceId, "company", index);
}
