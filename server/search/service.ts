import type { ServiceContext } from "../context";
import { compileContactFilter } from "../filters/filter";
import type { Highlight, HighlightTerms } from "./highlight";
import {
  countSampledMatches, estimateMatches, estimateSearchRows, findContactSummaries, findFacetCounts, findHighlightSources, findKnownTerms,
  findRankedCandidates, findTermCandidates, type CandidateRow, type SearchScope,
} from "./queries";
import { buildHighlights, decodeSearchCursor, encodeSearchCursor, fullNameOf, toFacets, type SearchFacets } from "./results";
import { searchContactsInput, type SearchContactsInput } from "./schemas";
import { allowedEdits, buildTsquery, normalizeQuery, oneEditVariants, parseQuery, pickCorrections, type ParsedQuery } from "./tokens";

/** Candidates ranked per index (names, whole document); see findRankedCandidates. */
export const RANK_WINDOW = 500;
/**
 * Counting reads every match's row (scattered: ≈10 µs each at 1M contacts), so totals are exact while
 * the matches fit in the ranked window (free: the window holds them all) or when facets read them anyway,
 * up to this many; beyond, they are estimates from a sample of pages, and say so.
 */
export const EXACT_FACET_LIMIT = 5_000;
/** Rows a sampled count reads: a few milliseconds at any size. */
const COUNT_SAMPLE_ROWS = 20_000;
/** Matches a facet sample aims for: a share of 10 % is then seen about 150 times (±2.5 points). */
const FACET_SAMPLE_TARGET = 1_500;
/** A facet sample reads at most this many rows (a few thousand pages), whatever it finds there. */
const FACET_SAMPLE_MAX_ROWS = 60_000;
/**
 * Fewer exact matches than this and typo-tolerant matching joins in: always when nothing matched, and
 * for one or two matches when a word is not in the dictionary (a rare real name stays as typed).
 */
const FUZZY_BELOW = 3;
/**
 * Reading the table in order beats the GIN index once matches are dense: the index lists every match
 * first (≈0.5 µs each for a prefix) and then reads the window's rows (≈8 µs each, scattered), while a
 * scan finds the window after ≈ window × rows ÷ matches rows (≈0.35 µs each). Measured at 1M contacts
 * on PostgreSQL 15; the break-even is near 1.5 % of the rows.
 */
function isSequentialCheaper(matches: number, tableRows: number): boolean {
  if (matches <= 0) return false;
  const scan = ((RANK_WINDOW * tableRows) / matches) * 0.35;
  const index = matches * 0.5 + RANK_WINDOW * 8;
  return scan < index;
}

export interface SearchContactNode {
  id: string;
  email: string;
  fullName: string;
  company: string | null;
  title: string | null;
  /** The contact's lead score (0–100), as in the spec's Contact. */
  score: number;
  /** Text-search relevance; higher is better; comparable within one result list only. */
  relevance: number;
  highlights: Highlight[];
}

export interface SearchCorrection {
  word: string;
  suggestions: string[];
}

export interface SearchContactsResult {
  nodes: SearchContactNode[];
  totalCount: number;
  /** True when totalCount is an estimate (from a sample of pages): see EXACT_FACET_LIMIT. */
  totalCountIsEstimate: boolean;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Null when not asked for (includeFacets: false) or when nothing matched. */
  facets: SearchFacets | null;
  /** Typo corrections that were searched too ("jonh" → ["john"]); empty when the words matched as typed. */
  corrections: SearchCorrection[];
  /**
   * True when more matched than could be ranked one by one (RANK_WINDOW per index): the order then
   * favours name matches, and pages end with the ranked window; refine the query to see the rest.
   */
  isRankingWindowed: boolean;
}

const emptyResult = (corrections: SearchCorrection[] = []): SearchContactsResult => ({
  nodes: [], totalCount: 0, totalCountIsEstimate: false, pageInfo: { hasNextPage: false, endCursor: null }, facets: null,
  corrections, isRankingWindowed: false,
});

interface Matches {
  tsquery: string;
  candidates: CandidateRow[];
  total: number;
  isEstimate: boolean;
}

function mergeCandidates(lists: CandidateRow[][]): CandidateRow[] {
  const best = new Map<string, number>();
  for (const list of lists) for (const row of list) best.set(row.id, Math.max(best.get(row.id) ?? -Infinity, Number(row.rank)));
  return [...best]
    .map(([id, rank]) => ({ id, rank }))
    .sort((a, b) => b.rank - a.rank || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * Ranked candidates and the total. `isSelective` (typo alternatives of rare words) skips the planner's
 * estimates, one round trip: the index path is right for a few thousand matches.
 */
async function findMatches(ctx: ServiceContext, scope: SearchScope, tsquery: string, boostTsqueries: string[], isSelective = false): Promise<Matches> {
  const [estimate, namesEstimate, tableRows] = isSelective
    ? [0, 0, 0]
    : await Promise.all([
      estimateMatches(ctx.db, scope, tsquery, "document"),
      estimateMatches(ctx.db, scope, tsquery, "names"),
      estimateSearchRows(ctx.db),
    ]);
  // The planner's estimate only decides the access path: for a prefix it is far too low ("car": 17,309
  // for 41,639; "jos": 665 for 5,971). Totals past the window come from a page sample, within a few per
  // cent at 1M contacts, taken beside the ranking when the window may fill, after it when it filled anyway.
  const samplePercent = tableRows > 0 ? Math.min(100, (COUNT_SAMPLE_ROWS / tableRows) * 100) : 100;
  const sample = () => countSampledMatches(ctx.db, scope, tsquery, samplePercent);
  const sampling = estimate >= RANK_WINDOW / 5 ? sample() : null;
  const [names, documents, sampled] = await Promise.all([
    findRankedCandidates(ctx.db, scope, { index: "names", tsquery, boostTsqueries, limit: RANK_WINDOW, isSequential: isSequentialCheaper(namesEstimate, tableRows) }),
    findRankedCandidates(ctx.db, scope, { index: "document", tsquery, boostTsqueries, limit: RANK_WINDOW, isSequential: isSequentialCheaper(estimate, tableRows) }),
    sampling,
  ]);
  const candidates = mergeCandidates([names, documents]);
  // Every name match is a document match, so fewer document candidates than asked for are all of them.
  if (documents.length < RANK_WINDOW) return { tsquery, candidates, total: documents.length, isEstimate: false };
  const inSample = sampled ?? (await sample());
  const total = Math.max(RANK_WINDOW, inSample > 0 ? Math.round(inSample / (samplePercent / 100)) : estimate);
  return { tsquery, candidates, total, isEstimate: true };
}

async function hasUnknownWord(ctx: ServiceContext, parsed: ParsedQuery): Promise<boolean> {
  const words = parsed.words.filter((word) => allowedEdits(word) > 0 && !/^\d+$/.test(word));
  const known = await findKnownTerms(ctx.db, ctx.workspaceId, words);
  return words.some((word) => !known.has(word));
}

async function findCorrections(ctx: ServiceContext, parsed: ParsedQuery): Promise<SearchCorrection[]> {
  const lookups = parsed.words.map(async (word) => {
    if (allowedEdits(word) === 0 || /^\d+$/.test(word)) return { word, suggestions: [] };
    const candidates = await findTermCandidates(ctx.db, ctx.workspaceId, word, oneEditVariants(word));
    return { word, suggestions: pickCorrections(word, candidates) };
  });
  return (await Promise.all(lookups)).filter((c) => c.suggestions.length > 0);
}

/**
 * Facets of the matches: exact when there are at most EXACT_FACET_LIMIT (their count is then exact
 * too), otherwise over a TABLESAMPLE of pages sized for about FACET_SAMPLE_TARGET matches, scaled.
 */
async function loadFacets(ctx: ServiceContext, scope: SearchScope, matches: Matches): Promise<{ facets: SearchFacets; total: number; isExact: boolean }> {
  const exact = async () => {
    const rows = await findFacetCounts(ctx.db, scope, matches.tsquery);
    const total = rows.find((row) => row.facet === "matches")?.n ?? 0;
    return { facets: toFacets(rows, total, false), total, isExact: true };
  };
  if (matches.total <= EXACT_FACET_LIMIT) return exact();
  const tableRows = await estimateSearchRows(ctx.db);
  const maxPercent = tableRows > 0 ? Math.min(100, (FACET_SAMPLE_MAX_ROWS / tableRows) * 100) : 100;
  let percent = Math.min(maxPercent, Math.max(0.01, (FACET_SAMPLE_TARGET / matches.total) * 100));
  for (let attempt = 0; attempt < 3; attempt++) {
    const rows = await findFacetCounts(ctx.db, scope, matches.tsquery, percent);
    const sampled = rows.find((row) => row.facet === "matches")?.n ?? 0;
    if (sampled >= FACET_SAMPLE_TARGET / 4 || (percent >= maxPercent && sampled > 0)) {
      // The sample's shares, applied to findMatches' total (a sample too, so both agree page after page).
      return { facets: toFacets(rows, matches.total, true), total: matches.total, isExact: false };
    }
    if (percent >= maxPercent) break;
    percent = Math.min(maxPercent, percent * Math.min(10, FACET_SAMPLE_TARGET / Math.max(sampled, 1)));
  }
  // Nothing in the largest sample: the estimate was far too high, and the matches are few enough to count.
  return exact();
}

/**
 * Ranked full-text search over the workspace's live contacts, inside an optional filter (a saved
 * view's criteria). Exact words first; when they find fewer than FUZZY_BELOW contacts, every word is
 * also matched through its closest dictionary words, exact matches still ranking above corrections.
 */
export async function searchContacts(ctx: ServiceContext, rawInput: SearchContactsInput): Promise<SearchContactsResult> {
  const input = searchContactsInput.parse(rawInput);
  const filter = input.filters ? await compileContactFilter(ctx, input.filters) : null;
  const scope: SearchScope = { workspaceId: ctx.workspaceId, filter };
  const parsed = parseQuery(input.query, normalizeQuery(input.query));
  const tsquery = buildTsquery(parsed);
  if (!tsquery) return emptyResult();
  const exact = buildTsquery(parsed, { exact: true })!;
  const after = input.after ? decodeSearchCursor(input.after) : null;

  let matches = await findMatches(ctx, scope, tsquery, [exact]);
  let corrections: SearchCorrection[] = [];
  if (matches.total < FUZZY_BELOW && !parsed.phoneDigits && (matches.total === 0 || (await hasUnknownWord(ctx, parsed)))) {
    corrections = await findCorrections(ctx, parsed);
    if (corrections.length > 0) {
      const alternatives = parsed.words.map((word) => corrections.find((c) => c.word === word)?.suggestions ?? []);
      const closest = parsed.words.map((word, i) => alternatives[i]?.[0] ?? word);
      // As typed first, then the closest correction of every word, then the other corrections.
      const boosts = [exact, buildTsquery({ ...parsed, words: closest }, { exact: true })!];
      matches = await findMatches(ctx, scope, buildTsquery(parsed, { alternatives })!, boosts, true);
    }
  }
  if (matches.total === 0) return emptyResult(corrections);

  const remaining = after
    ? matches.candidates.filter((c) => c.rank < after.rank || (c.rank === after.rank && c.id < after.id))
    : matches.candidates;
  const pageIds = remaining.slice(0, input.first);
  const terms: HighlightTerms = {
    words: [...parsed.words, ...corrections.flatMap((c) => c.suggestions)],
    prefixes: parsed.isLastWordPrefix && parsed.words.length > 0 ? [parsed.words.at(-1)!] : [],
    phoneDigits: parsed.phoneDigits,
  };
  const [contacts, sources, faceted] = await Promise.all([
    findContactSummaries(ctx.db, ctx.workspaceId, pageIds.map((c) => c.id)),
    findHighlightSources(ctx.db, ctx.workspaceId, pageIds.map((c) => c.id)),
    input.includeFacets ? loadFacets(ctx, scope, matches) : Promise.resolve(null),
  ]);
  const byId = new Map(contacts.map((row) => [row.id, row]));
  const nodes: SearchContactNode[] = [];
  for (const candidate of pageIds) {
    const row = byId.get(candidate.id);
    // Deleted between the two reads: skip rather than show a contact that no longer exists.
    if (!row) continue;
    nodes.push({
      id: row.id, email: row.email, fullName: fullNameOf(row), company: row.company, title: row.title, score: row.score,
      relevance: candidate.rank, highlights: buildHighlights(row, sources, terms),
    });
  }
  const last = pageIds.at(-1);
  return {
    nodes,
    totalCount: faceted?.total ?? matches.total,
    totalCountIsEstimate: faceted ? !faceted.isExact : matches.isEstimate,
    pageInfo: { hasNextPage: remaining.length > input.first, endCursor: last ? encodeSearchCursor(last) : null },
    facets: faceted?.facets ?? null,
    corrections,
    isRankingWindowed: matches.candidates.length < (faceted?.total ?? matches.total),
  };
}
