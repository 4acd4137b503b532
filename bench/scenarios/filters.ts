/**
 * Filter benchmark on PostgreSQL (issue 4): the spec's complex filter (first page and count), a custom
 * field range (`customFields.budget >= 10000`), a tag filter, and keyset page 200 — each timed through
 * the functions contacts.list uses, with EXPLAIN ANALYZE checked for a whole-table scan of contacts.
 *
 * Two ways to run it:
 * - `npm run bench` (bench/run.ts): list `...filterScenarios` in bench/scenarios/index.ts; they run on the
 *   harness's seeded workspace and report their plan beside the timings.
 * - standalone, on its own generated data (filters-seed.ts; reused by later runs), with pass/fail per target:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hastecrm_bench_filters npx tsx bench/scenarios/filters.ts --contacts 100000
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, isNull, sql } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { contacts } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { ServiceContext } from "@/server/context";
import { decodeCursor } from "@/server/contacts/cursor";
import { countContactsCapped, findContactsPage } from "@/server/contacts/queries";
import { COUNT_TIME_BUDGET_MS, EXACT_COUNT_LIMIT, listContacts } from "@/server/contacts/service";
import { ensureCustomFieldIndexes } from "@/server/custom-fields/queries";
import type { FilterNode } from "@/server/filters/types";
import { defineScenario, type BenchContext, type Scenario } from "../types";
import { ensureBenchWorkspace } from "./filters-seed";
import {
  budgetFilter, compile, complexFilter, countQuery, explain, pageQuery, tagFilter, TARGETS, time, WHOLE_TABLE_SHARE,
  type Access, type Timing,
} from "./filters-plan";

export interface ScenarioResult {
  name: string;
  kind: keyof typeof TARGETS;
  timing: Timing;
  targetP95Ms: number;
  passed: boolean;
  rows?: number;
  count?: number;
  countIsEstimate?: boolean;
  /** Plan nodes reading contacts (e.g. "Index Scan using contacts_keyset_idx"), from EXPLAIN ANALYZE. */
  contactsAccess: string[];
  contactsRowsExamined: number;
  /** Read more than half of the workspace's contacts. */
  wholeTableScan: boolean;
}

export interface FilterBenchResult {
  scenario: "filters";
  contacts: number;
  seeded: boolean;
  seedSeconds: number;
  exactCountLimit: number;
  countTimeBudgetMs: number;
  postgres: string;
  /** 1-minute load average when the run ended: timings on a busy machine are not the database's. */
  loadAverage: number;
  scenarios: ScenarioResult[];
  passed: boolean;
}

const PAGE_SIZE = 50;
const base = (ctx: ServiceContext) => ({ workspaceId: ctx.workspaceId, includeDeleted: false });

/** The page of rows contacts.list returns: parse, compile (first-rows form), query. */
async function firstPage(ctx: ServiceContext, tree: FilterNode) {
  const condition = await compile(ctx, tree, { firstRows: true });
  return findContactsPage(ctx.db, { ...base(ctx), first: PAGE_SIZE, after: null, condition });
}

/** The count contacts.list runs with its first page: exact up to the limit, within the time budget. */
async function capped(ctx: ServiceContext, tree: FilterNode) {
  const condition = await compile(ctx, tree);
  return countContactsCapped(ctx.db, { ...base(ctx), condition, cap: EXACT_COUNT_LIMIT, timeBudgetMs: COUNT_TIME_BUDGET_MS });
}

function verdict(kind: keyof typeof TARGETS, timing: Timing, access: Access, workspaceRows: number) {
  const wholeTableScan = access.rowsExamined > workspaceRows * WHOLE_TABLE_SHARE;
  return { targetP95Ms: TARGETS[kind], passed: timing.p95Ms <= TARGETS[kind] && !wholeTableScan, contactsAccess: access.nodes, contactsRowsExamined: access.rowsExamined, wholeTableScan };
}

// ——— scenarios for `npm run bench` (bench/run.ts) ———

interface PlanState {
  access: Access;
  workspaceRows: number;
  count?: { count: number; isEstimate: boolean };
}

const planReport = (kind: keyof typeof TARGETS) => (state: PlanState) => ({
  targetP95Ms: TARGETS[kind],
  contactsAccess: state.access.nodes,
  contactsRowsExamined: state.access.rowsExamined,
  wholeTableScan: state.access.rowsExamined > state.workspaceRows * WHOLE_TABLE_SHARE,
  ...(state.count ? { count: state.count.count, countIsEstimate: state.count.isEstimate } : {}),
});

/** Expression indexes for custom fields the seed defined without the service; built once, untimed. */
async function prepare(bench: BenchContext) {
  if (bench.database !== "postgres") return { skip: "filter plans are measured on PostgreSQL (set DATABASE_URL)" };
  await ensureCustomFieldIndexes(bench.db, { workspaceId: bench.workspaceId });
  return null;
}

function pageScenario(name: string, tree: FilterNode): Scenario<unknown> {
  return defineScenario<PlanState>({
    name: `filters.${name}.page`,
    async setup(bench) {
      const skipped = await prepare(bench);
      if (skipped) return skipped;
      const access = await explain(bench.service, pageQuery(bench.service, await compile(bench.service, tree, { firstRows: true })));
      return { access, workspaceRows: bench.contacts };
    },
    run: (bench) => firstPage(bench.service, tree),
    report: planReport("firstPage"),
  });
}

function countScenario(name: string, tree: FilterNode): Scenario<unknown> {
  return defineScenario<PlanState>({
    name: `filters.${name}.count`,
    async setup(bench) {
      const skipped = await prepare(bench);
      if (skipped) return skipped;
      const access = await explain(bench.service, countQuery(bench.service, await compile(bench.service, tree), EXACT_COUNT_LIMIT));
      return { access, workspaceRows: bench.contacts, count: await capped(bench.service, tree) };
    },
    run: (bench) => capped(bench.service, tree),
    report: planReport("count"),
  });
}

/** Page 200 of a filtered list through contacts.list: the cursor carries the position and the total. */
const filteredPage200 = defineScenario<PlanState & { after: string }>({
  name: "filters.budget.page200",
  async setup(bench) {
    const skipped = await prepare(bench);
    if (skipped) return skipped;
    let after: string | null = null;
    for (let page = 1; page < 200; page++) {
      const result: Awaited<ReturnType<typeof listContacts>> = await listContacts(bench.service, { first: PAGE_SIZE, after, filters: budgetFilter });
      if (!result.pageInfo.hasNextPage) return { skip: `the filtered list ended at page ${page}` };
      after = result.pageInfo.endCursor;
    }
    const cursor = decodeCursor(after!);
    const condition = await compile(bench.service, budgetFilter, { firstRows: true });
    const access = await explain(bench.service, sql`select ${contacts.id} from ${contacts} where ${and(
      eq(contacts.workspaceId, bench.workspaceId), isNull(contacts.deletedAt), condition,
      sql`(${contacts.createdAt}, ${contacts.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`,
    )} order by ${contacts.createdAt} desc nulls last, ${contacts.id} desc nulls last limit 51`);
    return { access, workspaceRows: bench.contacts, after: after! };
  },
  run: (bench, state) => listContacts(bench.service, { first: PAGE_SIZE, after: state.after, filters: budgetFilter }),
  report: planReport("firstPage"),
});

/** For bench/scenarios/index.ts. (Unfiltered keyset page 200 is contacts.list.page200.) */
export const filterScenarios: ReadonlyArray<Scenario<unknown>> = [
  pageScenario("complex", complexFilter),
  countScenario("complex", complexFilter),
  pageScenario("budget", budgetFilter),
  countScenario("budget", budgetFilter),
  pageScenario("tag", tagFilter),
  countScenario("tag", tagFilter),
  filteredPage200,
];

// ——— standalone run on generated data ———

async function measureFilter(ctx: ServiceContext, name: string, tree: FilterNode, runs: number, total: number): Promise<ScenarioResult[]> {
  const pageCondition = await compile(ctx, tree, { firstRows: true });
  const condition = await compile(ctx, tree);
  let rows = 0;
  const page = await time(runs, async () => { rows = (await firstPage(ctx, tree)).length; });
  const pageAccess = await explain(ctx, pageQuery(ctx, pageCondition));
  let counted = { count: 0, isEstimate: false };
  const count = await time(runs, async () => { counted = await capped(ctx, tree); });
  const countAccess = await explain(ctx, countQuery(ctx, condition, EXACT_COUNT_LIMIT));
  // The whole procedure as the table's first load calls it: page, count (in parallel) and tags.
  const list = await time(runs, () => listContacts(ctx, { first: PAGE_SIZE, filters: tree }));
  const listAccess = { nodes: [...new Set([...pageAccess.nodes, ...countAccess.nodes])], rowsExamined: Math.max(pageAccess.rowsExamined, countAccess.rowsExamined) };
  return [
    { name: `${name}: first page`, kind: "firstPage", timing: page, rows: Math.min(rows, PAGE_SIZE), ...verdict("firstPage", page, pageAccess, total) },
    { name: `${name}: count`, kind: "count", timing: count, count: counted.count, countIsEstimate: counted.isEstimate, ...verdict("count", count, countAccess, total) },
    { name: `${name}: contacts.list (page + count + tags)`, kind: "list", timing: list, ...verdict("list", list, listAccess, total) },
  ];
}

async function measureKeyset(ctx: ServiceContext, runs: number, total: number): Promise<ScenarioResult[]> {
  let after: string | null = null;
  for (let page = 1; page < 200; page++) {
    const result: Awaited<ReturnType<typeof listContacts>> = await listContacts(ctx, { first: PAGE_SIZE, after });
    after = result.pageInfo.endCursor;
  }
  const cursor = decodeCursor(after!);
  const pageOnly = await time(runs, () => findContactsPage(ctx.db, { ...base(ctx), first: PAGE_SIZE, after: cursor }));
  const procedure = await time(runs, () => listContacts(ctx, { first: PAGE_SIZE, after }));
  const access = await explain(ctx, sql`select ${contacts.id} from ${contacts} where ${and(
    eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt),
    sql`(${contacts.createdAt}, ${contacts.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`,
  )} order by ${contacts.createdAt} desc nulls last, ${contacts.id} desc nulls last limit 51`);
  let filteredAfter: string | null = null;
  for (let page = 1; page < 200; page++) {
    const result: Awaited<ReturnType<typeof listContacts>> = await listContacts(ctx, { first: PAGE_SIZE, after: filteredAfter, filters: budgetFilter });
    filteredAfter = result.pageInfo.endCursor;
  }
  const filtered = await time(runs, () => listContacts(ctx, { first: PAGE_SIZE, after: filteredAfter, filters: budgetFilter }));
  const filteredCursor = decodeCursor(filteredAfter!);
  const filteredAccess = await explain(ctx, sql`select ${contacts.id} from ${contacts} where ${and(
    eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), await compile(ctx, budgetFilter, { firstRows: true }),
    sql`(${contacts.createdAt}, ${contacts.id}) < (${filteredCursor.createdAt}::timestamptz, ${filteredCursor.id}::uuid)`,
  )} order by ${contacts.createdAt} desc nulls last, ${contacts.id} desc nulls last limit 51`);
  return [
    { name: "keyset page 200: page query", kind: "keyset", timing: pageOnly, ...verdict("keyset", pageOnly, access, total) },
    { name: "keyset page 200: contacts.list (total carried by the cursor)", kind: "keyset", timing: procedure, ...verdict("keyset", procedure, access, total) },
    { name: "budget filter, page 200: contacts.list", kind: "firstPage", timing: filtered, ...verdict("firstPage", filtered, filteredAccess, total) },
  ];
}

export async function runFilterBench(options: { contacts: number; databaseUrl?: string; runs?: number; log?: (line: string) => void }): Promise<FilterBenchResult> {
  const log = options.log ?? ((line: string) => console.error(`[filters] ${line}`));
  const url = options.databaseUrl ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/hastecrm_bench_filters";
  const handle = openPostgres(url, { max: 4 });
  try {
    await migrate(handle.db, { log: () => {} });
    const workspace = await ensureBenchWorkspace(handle.db, { contacts: options.contacts, log });
    const ctx = workspace.ctx;
    const runs = options.runs ?? 100;
    const [version] = await queryRows<{ v: string }>(ctx.db, sql`select current_setting('server_version') as v`);
    const scenarios = [
      ...(await measureFilter(ctx, "complex filter (spec)", complexFilter, runs, workspace.contacts)),
      ...(await measureFilter(ctx, "customFields.budget >= 10000", budgetFilter, runs, workspace.contacts)),
      ...(await measureFilter(ctx, "tag VIP", tagFilter, runs, workspace.contacts)),
      ...(await measureKeyset(ctx, runs, workspace.contacts)),
    ];
    return {
      scenario: "filters", contacts: workspace.contacts, seeded: workspace.seeded, seedSeconds: workspace.seedSeconds,
      exactCountLimit: EXACT_COUNT_LIMIT, countTimeBudgetMs: COUNT_TIME_BUDGET_MS, postgres: version?.v ?? "?",
      loadAverage: Math.round(os.loadavg()[0]! * 100) / 100, scenarios, passed: scenarios.every((s) => s.passed),
    };
  } finally {
    await handle.close();
  }
}


if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  runFilterBench({ contacts: Number(flag("contacts") ?? 100_000), runs: flag("runs") ? Number(flag("runs")) : undefined })
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      process.exit(result.passed ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(2);
    });
}
