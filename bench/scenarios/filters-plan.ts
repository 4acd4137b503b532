/**
 * Shared by the filter benchmarks (filters.ts): the scenarios' filters, how they are compiled (as
 * contacts.list does), and EXPLAIN ANALYZE read back as "which access paths read contacts, how many rows".
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { ServiceContext } from "@/server/context";
import { conditionToSql } from "@/server/filters/compile";
import { prepareContactFilter } from "@/server/filters/filter";
import type { FilterNode } from "@/server/filters/types";

export interface Timing {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * The spec's "complex filter example", verbatim. The standalone data has a `technology` tag; the
 * harness's seed does not, so there the OR reduces to the company condition (an unknown tag matches no one).
 */
export const complexFilter: FilterNode = {
  and: [
    { field: "score", operator: "between", value: [70, 100] },
    { field: "lastActivityAt", operator: "gte", value: "2024-01-01" },
    { or: [{ field: "company", operator: "contains", value: "Tech" }, { field: "tags", operator: "includes", value: ["technology"] }] },
  ],
};
export const budgetFilter: FilterNode = { field: "customFields.budget", operator: "gte", value: 10000 };
export const tagFilter: FilterNode = { field: "tags", operator: "includes", value: ["VIP"] };

export const TARGETS = { firstPage: 50, count: 300, list: 300, keyset: 5 } as const;

export async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { runs, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(samples.at(-1)!) };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

export interface Access {
  nodes: string[];
  /** Rows of contacts the plan actually read (returned + filtered out), over all loops. */
  rowsExamined: number;
}

function contactsAccess(plan: PlanNode, found: Access = { nodes: [], rowsExamined: 0 }): Access {
  if (plan["Relation Name"] === "contacts") {
    found.nodes.push(plan["Index Name"] ? `${plan["Node Type"]} using ${plan["Index Name"]}` : plan["Node Type"]);
    const loops = plan["Actual Loops"] ?? 1;
    found.rowsExamined += ((plan["Actual Rows"] ?? 0) + (plan["Rows Removed by Filter"] ?? 0) + (plan["Rows Removed by Index Recheck"] ?? 0)) * loops;
  }
  for (const child of plan.Plans ?? []) contactsAccess(child, found);
  return found;
}

/** Runs the query once under EXPLAIN ANALYZE: which access paths read contacts, and how many rows they read. */
export async function explain(ctx: ServiceContext, query: SQL): Promise<Access> {
  const rows = await queryRows<{ "QUERY PLAN": Array<{ Plan: PlanNode }> | string }>(ctx.db, sql`explain (analyze, format json) ${query}`);
  const raw = rows[0]!["QUERY PLAN"];
  const parsed = typeof raw === "string" ? (JSON.parse(raw) as Array<{ Plan: PlanNode }>) : raw;
  return contactsAccess(parsed[0]!.Plan);
}

export const scopeOf = (ctx: ServiceContext, condition: SQL) =>
  and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), condition)!;

/** As contacts.list compiles: `firstRows` for the page query, the plain form for the count. */
export async function compile(ctx: ServiceContext, tree: FilterNode, options: { firstRows?: boolean } = {}) {
  return conditionToSql((await prepareContactFilter(ctx, tree)).condition, { workspaceId: ctx.workspaceId, ...options });
}

/** A plan that reads more than half of the workspace's contacts is a whole-table scan, whatever its node type. */
export const WHOLE_TABLE_SHARE = 0.5;

export const pageQuery = (ctx: ServiceContext, condition: SQL) =>
  sql`select ${contacts.id} from ${contacts} where ${scopeOf(ctx, condition)} order by ${contacts.createdAt} desc nulls last, ${contacts.id} desc nulls last limit 51`;

export const countQuery = (ctx: ServiceContext, condition: SQL, cap: number) =>
  sql`select count(*) from (select 1 from ${contacts} where ${scopeOf(ctx, condition)} limit ${cap + 1}) capped`;
