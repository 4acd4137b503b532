/**
 * Full-text search (issue 5), timed through searchContacts exactly as the API runs it. Targets at
 * 1,000,000 contacts on PostgreSQL: prefix, full name and typo p95 ≤ 50 ms (the palette: no facets),
 * a broad word in about a fifth of the contacts, with facets, p95 ≤ 150 ms. Queries come from the seeded
 * data at setup, so they hit whatever the seed generated:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hastecrm_bench_search npm run bench -- --contacts 1000000 \
 *     --only search.prefix3,search.fullName,search.typo,search.broadWithFacets
 */
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/sql";
import { searchContacts } from "@/server/search/service";
import { defineScenario, type BenchContext } from "../types";

/**
 * The planner's statistics on contact_search decide between index and sequential candidates and give
 * the estimate of broad matches. Autovacuum keeps them in production; it is off on this benchmark
 * server (and PGlite has none), so setup analyzes once, untimed.
 */
let analyzed: Promise<void> | null = null;
function analyzeSearchTables(bench: BenchContext): Promise<void> {
  analyzed ??= bench.db.execute(sql`analyze contact_search, search_terms`).then(() => undefined);
  return analyzed;
}

/** Rows a setup query reads at most: enough for stable picks, cheap at any size. */
const SAMPLE_ROWS = 20_000;
const samplePercent = (bench: BenchContext) => Math.min(100, (SAMPLE_ROWS / Math.max(bench.contacts, 1)) * 100);

interface Person {
  id: string;
  firstName: string;
  lastName: string;
}

async function samplePeople(bench: BenchContext, count: number): Promise<Person[]> {
  await analyzeSearchTables(bench);
  return queryRows<Person>(bench.db, sql`
    select id, first_name as "firstName", last_name as "lastName" from contacts tablesample system (${samplePercent(bench)}::real) repeatable (11)
    where workspace_id = ${bench.workspaceId} and deleted_at is null and length(first_name) >= 4 and length(last_name) >= 4
      and first_name ~ '^[[:alpha:]]+$' and last_name ~ '^[[:alpha:]]+$'
    limit ${count}`);
}

/** Two neighbouring letters swapped inside the word ("Jonathan" → "Jonahtan"): the commonest typo. */
export function swapLetters(word: string, seed: number): string {
  const chars = Array.from(word);
  if (chars.length < 4) return word;
  const at = 1 + (seed % (chars.length - 3));
  [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  return chars.join("");
}

interface NamedQueries {
  queries: Array<{ text: string; expectId?: string }>;
  /** Share of the queries whose expected contact is on the first page (checked once, untimed). */
  foundRate?: number;
}

async function checkFound(bench: BenchContext, state: NamedQueries): Promise<NamedQueries> {
  let found = 0;
  for (const query of state.queries) {
    const result = await searchContacts(bench.service, { query: query.text, first: 20, includeFacets: false });
    if (result.nodes.some((node) => node.id === query.expectId)) found++;
  }
  return { ...state, foundRate: Math.round((found / state.queries.length) * 1000) / 1000 };
}

const runNamed = (bench: BenchContext, state: NamedQueries, iteration: number) =>
  searchContacts(bench.service, { query: state.queries[iteration % state.queries.length]!.text, first: 20, includeFacets: false });

export const searchPrefix3 = defineScenario<NamedQueries>({
  name: "search.prefix3",
  async setup(bench) {
    await analyzeSearchTables(bench);
    // The most common three-letter starts of first names: the prefixes with the most matches.
    const rows = await queryRows<{ prefix: string }>(bench.db, sql`
      select lower(left(first_name, 3)) as prefix from contacts tablesample system (${samplePercent(bench)}::real) repeatable (3)
      where workspace_id = ${bench.workspaceId} and deleted_at is null and first_name ~ '^[[:alpha:]]{3}'
      group by 1 order by count(*) desc, 1 limit 10`);
    return { queries: rows.map((row) => ({ text: row.prefix })) };
  },
  run: runNamed,
  report: (state) => ({ queries: state.queries.map((q) => q.text) }),
});

export const searchFullName = defineScenario<NamedQueries>({
  name: "search.fullName",
  async setup(bench) {
    const people = await samplePeople(bench, 50);
    return checkFound(bench, { queries: people.map((p) => ({ text: `${p.firstName} ${p.lastName}`, expectId: p.id })) });
  },
  run: runNamed,
  report: (state) => ({ foundRate: state.foundRate, sample: state.queries.slice(0, 3).map((q) => q.text) }),
});

export const searchTypo = defineScenario<NamedQueries>({
  name: "search.typo",
  async setup(bench) {
    const people = await samplePeople(bench, 50);
    return checkFound(bench, {
      queries: people.map((p, i) => ({ text: `${swapLetters(p.firstName, i)} ${swapLetters(p.lastName, i + 1)}`, expectId: p.id })),
    });
  },
  run: runNamed,
  report: (state) => ({ foundRate: state.foundRate, sample: state.queries.slice(0, 3).map((q) => q.text) }),
});

interface BroadQuery {
  word: string;
  share: number;
  totalCount?: number;
  totalCountIsEstimate?: boolean;
  facetsApproximate?: boolean;
}

export const searchBroadWithFacets = defineScenario<BroadQuery>({
  name: "search.broadWithFacets",
  async setup(bench) {
    await analyzeSearchTables(bench);
    // The word whose share of sampled documents is closest to 20 %.
    const [row] = await queryRows<{ word: string; share: number }>(bench.db, sql`
      with sample as (select count(*)::float8 as n from contact_search tablesample system (${samplePercent(bench)}::real) repeatable (5)
                      where workspace_id = ${bench.workspaceId})
      select word, ndoc / (select n from sample) as share
      from ts_stat(${`select document from contact_search tablesample system (${samplePercent(bench)}) repeatable (5) where workspace_id = '${bench.workspaceId}'`})
      where length(word) >= 3 and word !~ '^[0-9]+$'
      order by abs(ndoc / (select n from sample) - 0.2), word limit 1`);
    if (!row) return { skip: "no searchable words in the workspace" };
    return { word: row.word, share: Math.round(row.share * 1000) / 1000 };
  },
  async run(bench, state) {
    const result = await searchContacts(bench.service, { query: state.word, first: 20, includeFacets: true });
    state.totalCount = result.totalCount;
    state.totalCountIsEstimate = result.totalCountIsEstimate;
    state.facetsApproximate = result.facets?.isApproximate;
    return result;
  },
  report: (state) => ({ ...state }),
});
