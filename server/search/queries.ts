import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/sql";
import type { Database, Executor } from "@/db/types";
import type { TermCandidate } from "./tokens";

/**
 * Full-text search SQL over `contact_search` (one row per live contact, kept by triggers). Every query
 * names its workspace and inlines its tsquery as a parameter that the planner sees (the drivers run
 * unnamed statements, planned with their values), so selectivity estimates pick GIN or not per query.
 */
export interface SearchScope {
  workspaceId: string;
  /** A compiled filter over `contacts` (server/filters), or null. */
  filter: SQL | null;
}

/** `contact_search s`, joined to `contacts` when a filter needs the contact's columns. */
function fromMatches(scope: SearchScope, sample?: number): SQL {
  const table = sample === undefined ? sql`contact_search s` : sql`contact_search s tablesample system (${sample}::real) repeatable (7)`;
  if (!scope.filter) return table;
  return sql`${table} join contacts on contacts.workspace_id = s.workspace_id and contacts.id = s.contact_id`;
}

/**
 * The tsquery of query text built by tokens.ts. Its lexemes go through the database's unaccent once more
 * (operators and quotes are ASCII and pass unchanged); immutable, so the planner folds it to a constant
 * and estimates the match with the column statistics.
 */
export function tsqueryOf(text: string): SQL {
  return sql`to_tsquery('simple', search_unaccent(${text}::text))`;
}

function whereMatches(scope: SearchScope, column: "names" | "document", tsquery: string): SQL {
  const match = sql`s.workspace_id = ${scope.workspaceId}::uuid and s.${sql.raw(column)} @@ ${tsqueryOf(tsquery)}`;
  return scope.filter ? sql`${match} and (${scope.filter})` : match;
}

/** Rows the planner expects to match: free (no execution), and close for the frequent words that are costly to count. */
export async function estimateMatches(db: Executor, scope: SearchScope, tsquery: string, index: "names" | "document" = "document"): Promise<number> {
  const rows = await queryRows<{ "QUERY PLAN": unknown }>(db, sql`explain (format json) select 1 from ${fromMatches(scope)} where ${whereMatches(scope, index, tsquery)}`);
  const raw = rows[0]?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan?: { "Plan Rows"?: number } }> | undefined;
  return Math.round(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/** Rows in contact_search (all workspaces), as the statistics know it; sizes table samples. */
export async function estimateSearchRows(db: Executor): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'contact_search'::regclass`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Matches among a random `percent` of contact_search's pages (TABLESAMPLE SYSTEM, repeatable): divided
 * by the fraction, an estimate of the total that reads a fixed number of rows however many match.
 */
export async function countSampledMatches(db: Executor, scope: SearchScope, tsquery: string, percent: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from ${fromMatches(scope, percent)} where ${whereMatches(scope, "document", tsquery)}`);
  return Number(rows[0]?.n ?? 0);
}

export interface CandidateRow {
  id: string;
  rank: number;
}

export interface CandidateOptions {
  index: "names" | "document";
  /** Matches: the full query with typo alternatives, if any. */
  tsquery: string;
  /** Ranked on top of `tsquery`: the words as typed (exact matches outrank corrections and longer prefixes). */
  boostTsqueries: string[];
  limit: number;
  /**
   * Read the table in order instead of through the GIN index: for a word in a large share of the rows,
   * `limit` matches turn up after a few thousand rows, while the index would first list every match.
   */
  isSequential?: boolean;
}

/**
 * Up to `limit` matches of one index with their rank. Ranking reads each match's document, which for a
 * word in a fifth of a million contacts costs hundreds of milliseconds; the service therefore ranks a
 * bounded set: name matches (a name hit outranks any other field) and document matches, `limit` each.
 */
export async function findRankedCandidates(db: Executor, scope: SearchScope, options: CandidateOptions): Promise<CandidateRow[]> {
  const boost = options.boostTsqueries.map((q) => sql` + ts_rank(s.document, ${tsqueryOf(q)})`);
  const query = sql`
    select s.contact_id as id, (ts_rank(s.document, ${tsqueryOf(options.tsquery)})${sql.join(boost, sql``)})::float8 as rank
    from ${fromMatches(scope)} where ${whereMatches(scope, options.index, options.tsquery)} limit ${options.limit}`;
  if (!options.isSequential || "rollback" in db) return queryRows<CandidateRow>(db, query);
  return (db as Database).transaction(async (tx) => {
    await tx.execute(sql`set local enable_bitmapscan = off`);
    return queryRows<CandidateRow>(tx, query);
  });
}

export interface ContactSummaryRow {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  department: string | null;
  phone: string | null;
  mobile: string | null;
  score: number;
  customFields: Record<string, unknown>;
}

export async function findContactSummaries(db: Executor, workspaceId: string, ids: string[]): Promise<ContactSummaryRow[]> {
  if (ids.length === 0) return [];
  return queryRows<ContactSummaryRow>(db, sql`
    select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName", c.company, c.title,
           c.department, c.phone, c.mobile, c.score, c.custom_fields as "customFields"
    from contacts c
    where c.workspace_id = ${workspaceId}::uuid and c.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

export interface FacetRow {
  facet: "company" | "source" | "tag" | "matches";
  value: string | null;
  id: string | null;
  n: number;
}

const FACET_VALUES = 10;

/**
 * Facet counts over the matches, or over a TABLESAMPLE of contact_search pages when `samplePercent` is
 * given (the caller scales them). The `matches` row counts the rows the facets were computed over.
 */
export async function findFacetCounts(db: Executor, scope: SearchScope, tsquery: string, samplePercent?: number): Promise<FacetRow[]> {
  return queryRows<FacetRow>(db, sql`
    with m as materialized (
      select s.company, s.source, s.tag_ids from ${fromMatches(scope, samplePercent)} where ${whereMatches(scope, "document", tsquery)}
    )
    (select 'matches' as facet, null as value, null as id, count(*)::int as n from m)
    union all
    (select 'company', company, null, count(*)::int as n from m where company <> ''
      group by company order by n desc, company limit ${FACET_VALUES})
    union all
    (select 'source', source::text, null, count(*)::int as n from m group by source order by n desc, source limit ${FACET_VALUES})
    union all
    (select 'tag', t.name, t.id::text, count(*)::int as n
      from m cross join unnest(m.tag_ids) as tag_id
      join tags t on t.workspace_id = ${scope.workspaceId}::uuid and t.id = tag_id
      group by t.id, t.name order by n desc, t.name limit ${FACET_VALUES})`);
}

/** One primary-key probe per word (LATERAL … OFFSET 0), never a scan of the dictionary. */
function dictionaryLookup(workspaceId: string, words: string[]): SQL {
  return sql`
    select t.term from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as w(word)
    cross join lateral (select term from search_terms where workspace_id = ${workspaceId}::uuid and term = w.word offset 0) t`;
}

/**
 * Dictionary words close to `word`: trigram-similar ones through the GIN index, plus exact hits among
 * its one-edit variants (which trigrams miss for short words). Two branches, because an OR of both
 * would read the whole dictionary.
 */
export async function findTermCandidates(db: Executor, workspaceId: string, word: string, variants: string[]): Promise<TermCandidate[]> {
  return queryRows<TermCandidate>(db, sql`
    select term, similarity(term, ${word}::text)::real as similarity
    from (select workspace_id, term from search_terms where term % ${word}::text offset 0) alike
    where workspace_id = ${workspaceId}::uuid
    union
    select term, similarity(term, ${word}::text)::real from (${dictionaryLookup(workspaceId, variants)}) variants
    order by similarity desc, term
    limit 40`);
}

/** The words among `words` that are in the workspace's dictionary of name and company words. */
export async function findKnownTerms(db: Executor, workspaceId: string, words: string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const rows = await queryRows<{ term: string }>(db, dictionaryLookup(workspaceId, words));
  return new Set(rows.map((row) => row.term));
}

export interface HighlightSources {
  notes: Map<string, string[]>;
  /** Custom fields of type text or textarea: field name → label. */
  textFields: Map<string, string>;
}

/** The notes of the page's contacts and the workspace's text custom fields, for snippets. */
export async function findHighlightSources(db: Executor, workspaceId: string, contactIds: string[]): Promise<HighlightSources> {
  if (contactIds.length === 0) return { notes: new Map(), textFields: new Map() };
  const ids = sql.join(contactIds.map((id) => sql`${id}::uuid`), sql`, `);
  const [notes, fields] = await Promise.all([
    queryRows<{ contactId: string; body: string }>(db, sql`
      select k.id as "contactId", n.body
      from unnest(array[${ids}]) as k(id)
      cross join lateral (
        select body from notes where workspace_id = ${workspaceId}::uuid and contact_id = k.id order by created_at desc limit 50
      ) n`),
    queryRows<{ fieldName: string; label: string }>(db, sql`
      select field_name as "fieldName", label from custom_field_definitions
      where workspace_id = ${workspaceId}::uuid and object_type = 'contact' and field_type in ('text', 'textarea') and archived_at is null`),
  ]);
  const byContact = new Map<string, string[]>();
  for (const row of notes) byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), row.body]);
  return { notes: byContact, textFields: new Map(fields.map((f) => [f.fieldName, f.label])) };
}
