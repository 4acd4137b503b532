import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { companies, contacts, contactTags, tags } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { Executor } from "@/db/types";

interface Scope {
  workspaceId: string;
  condition: SQL;
}

const matching = (scope: Scope) => and(eq(contacts.workspaceId, scope.workspaceId), isNull(contacts.deletedAt), scope.condition)!;

export async function countByLifecycleStage(db: Executor, scope: Scope) {
  return db
    .select({ stage: contacts.lifecycleStage, count: sql<number>`count(*)::int` })
    .from(contacts)
    .where(matching(scope))
    .groupBy(contacts.lifecycleStage);
}

/** Scores are 0–100; ten buckets of ten, the last one also holding 100. */
export async function countByScoreBucket(db: Executor, scope: Scope) {
  return queryRows<{ bucket: number; count: number }>(db, sql`select least(${contacts.score} / 10, 9)::int as bucket, count(*)::int as count
    from ${contacts} where ${matching(scope)} group by 1`);
}

/** Linked companies by id; contacts with only a free-text company name are grouped by that name. */
export async function topCompanies(db: Executor, scope: Scope, limit: number) {
  const linkedName = sql<string>`coalesce(${companies.name}, ${contacts.company})`;
  return db
    .select({ companyId: companies.id, name: linkedName, count: sql<number>`count(*)::int` })
    .from(contacts)
    .leftJoin(companies, and(eq(companies.workspaceId, contacts.workspaceId), eq(companies.id, contacts.companyId), isNull(companies.deletedAt)))
    .where(and(matching(scope), sql`coalesce(${companies.name}, nullif(${contacts.company}, '')) is not null`))
    .groupBy(companies.id, linkedName)
    .orderBy(desc(sql`count(*)`), linkedName)
    .limit(limit);
}

export async function topTags(db: Executor, scope: Scope, limit: number) {
  return db
    .select({ tagId: tags.id, name: tags.name, color: tags.color, count: sql<number>`count(*)::int` })
    .from(contactTags)
    .innerJoin(contacts, and(eq(contacts.workspaceId, contactTags.workspaceId), eq(contacts.id, contactTags.contactId)))
    .innerJoin(tags, and(eq(tags.workspaceId, contactTags.workspaceId), eq(tags.id, contactTags.tagId)))
    .where(and(eq(contactTags.workspaceId, scope.workspaceId), matching(scope)))
    .groupBy(tags.id, tags.name, tags.color)
    .orderBy(desc(sql`count(*)`), tags.name)
    .limit(limit);
}

/** Contacts created per ISO week (weeks start Monday, UTC) since `since`. */
export async function countAddedPerWeek(db: Executor, scope: Scope, since: Date) {
  return queryRows<{ week: string; count: number }>(db, sql`select to_char(date_trunc('week', ${contacts.createdAt} at time zone 'UTC'), 'YYYY-MM-DD') as week,
      count(*)::int as count
    from ${contacts} where ${matching(scope)} and ${contacts.createdAt} >= ${since.toISOString()}::timestamptz group by 1`);
}
