import type { SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { embedQuery, getEmbeddingProvider } from "../embeddings/provider";
import { findEmbeddingSources, hasEmbeddingsTable } from "../embeddings/queries";
import { refreshStaleEmbeddings, semanticUnavailable, type FreshnessOutcome } from "../embeddings/service";
import { compileContactFilter } from "../filters/filter";
import { explainMatch, keywordStems, keywordTsquery } from "./explain";
import { findContactSummaries, findRankedCandidates } from "./queries";
import { fullNameOf } from "./results";
import { semanticSearchInput, type SemanticSearchInput } from "./schemas";
import { findNearestContacts } from "./semantic-queries";
import { normalizeQuery } from "./tokens";

/** Neighbours read from the vector index, and keyword matches ranked, before fusing. */
const VECTOR_CANDIDATES = 100;
const KEYWORD_CANDIDATES = 300;
/** Reciprocal rank fusion: score = Σ weight ÷ (RRF_K + rank). Meaning leads; words refine. */
const RRF_K = 60;
const VECTOR_WEIGHT = 1;
const KEYWORD_WEIGHT = 0.5;

export interface SemanticSearchNode {
  id: string;
  /** 0–1: the fused score relative to the best possible (first by meaning and first by keywords). */
  relevanceScore: number;
  /** Why it matched, in words: the fields the meaning was read from and the query words found where. */
  explanation: string;
  /** Cosine similarity of the contact's embedding to the query's (null: found by keywords only). */
  similarity: number | null;
  matchedTerms: string[];
  fullName: string;
  email: string;
  company: string | null;
  title: string | null;
}

export interface SemanticSearchResult {
  nodes: SemanticSearchNode[];
  model: string;
  /** Contacts waiting for a fresh embedding, and the backfill job computing them, if one runs. */
  index: FreshnessOutcome;
  /** Milliseconds spent embedding the query (the model's share) and ranking (the database's). */
  timings: { embeddingMs: number; rankingMs: number };
}

export interface RankSemanticParams {
  query: string;
  vector: number[];
  model: string;
  filter: SQL | null;
  first: number;
}

/** Hybrid ranking for an already embedded query: vector neighbours fused with keyword matches. */
export async function rankSemanticMatches(ctx: ServiceContext, params: RankSemanticParams): Promise<SemanticSearchNode[]> {
  const stems = keywordStems(normalizeQuery(params.query));
  const tsquery = keywordTsquery(stems);
  const scope = { workspaceId: ctx.workspaceId, filter: params.filter };
  const [nearest, keyword] = await Promise.all([
    findNearestContacts(ctx.db, { workspaceId: ctx.workspaceId, model: params.model, vector: params.vector, limit: VECTOR_CANDIDATES, filter: params.filter }),
    tsquery ? findRankedCandidates(ctx.db, scope, { index: "document", tsquery, boostTsqueries: [], limit: KEYWORD_CANDIDATES }) : Promise.resolve([]),
  ]);
  const keywordRanked = keyword.map((row) => ({ id: row.id, rank: Number(row.rank) })).sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
  const fused = new Map<string, { score: number; similarity: number | null; keywordRank: number | null }>();
  nearest.forEach((row, index) => fused.set(row.id, { score: VECTOR_WEIGHT / (RRF_K + index + 1), similarity: row.similarity, keywordRank: null }));
  keywordRanked.slice(0, VECTOR_CANDIDATES).forEach((row, index) => {
    const entry = fused.get(row.id) ?? { score: 0, similarity: null, keywordRank: null };
    entry.score += KEYWORD_WEIGHT / (RRF_K + index + 1);
    entry.keywordRank = row.rank;
    fused.set(row.id, entry);
  });
  const best = (VECTOR_WEIGHT + KEYWORD_WEIGHT) / (RRF_K + 1);
  const top = [...fused].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1)).slice(0, params.first);
  const ids = top.map(([id]) => id);
  const [contacts, sources] = await Promise.all([
    findContactSummaries(ctx.db, ctx.workspaceId, ids),
    findEmbeddingSources(ctx.db, ctx.workspaceId, ids),
  ]);
  const contactById = new Map(contacts.map((row) => [row.id, row]));
  const sourceById = new Map(sources.map((row) => [row.contactId, row]));
  return top.flatMap(([id, entry]) => {
    const contact = contactById.get(id);
    if (!contact) return [];
    const explanation = explainMatch({ source: sourceById.get(id), stems, similarity: entry.similarity, keywordRank: entry.keywordRank });
    return [{
      id, relevanceScore: Math.min(1, entry.score / best), explanation: explanation.text, similarity: entry.similarity,
      matchedTerms: explanation.matchedTerms, fullName: fullNameOf(contact), email: contact.email, company: contact.company, title: contact.title,
    }];
  });
}

/**
 * Search by meaning: the query is embedded (the local model or the configured provider), then ranked
 * against the workspace's contact embeddings with keyword matches fused in. PRECONDITION_FAILED where
 * pgvector is missing. Stale embeddings are refreshed in the background, never waited for.
 */
export async function semanticSearchContacts(ctx: ServiceContext, rawInput: SemanticSearchInput): Promise<SemanticSearchResult> {
  const input = semanticSearchInput.parse(rawInput);
  if (!(await hasEmbeddingsTable(ctx.db))) throw semanticUnavailable();
  const filter = input.filters ? await compileContactFilter(ctx, input.filters) : null;
  const index = await refreshStaleEmbeddings(ctx.db, ctx.workspaceId, ctx.actor.userId);
  const provider = await getEmbeddingProvider();
  const embeddingStarted = performance.now();
  const vector = await embedQuery(provider, input.query);
  const embeddingMs = performance.now() - embeddingStarted;
  const rankingStarted = performance.now();
  const nodes = await rankSemanticMatches(ctx, { query: input.query, vector, model: provider.name, filter, first: input.first });
  return {
    nodes, model: provider.name, index,
    timings: { embeddingMs: Math.round(embeddingMs * 10) / 10, rankingMs: Math.round((performance.now() - rankingStarted) * 10) / 10 },
  };
}

/** `search.capabilities`: lets the UI hide the semantic toggle where pgvector is missing. */
export async function getSearchCapabilities(ctx: ServiceContext): Promise<{ semantic: boolean }> {
  return { semantic: await hasEmbeddingsTable(ctx.db) };
}
