import { TRPCError } from "@trpc/server";
import { highlightField, type Highlight, type HighlightTerms } from "./highlight";
import type { ContactSummaryRow, FacetRow, HighlightSources } from "./queries";

export interface FacetValue {
  value: string;
  count: number;
  /** The tag's id, for tag facets (a filter on tags takes ids). */
  id?: string;
}

export interface SearchFacets {
  companies: FacetValue[];
  tags: FacetValue[];
  sources: FacetValue[];
  /**
   * True when the matches were too many to count one by one: the counts are then estimates, scaled
   * from a random sample of the matches (`sampledMatches` of them).
   */
  isApproximate: boolean;
  sampledMatches: number;
}

export function fullNameOf(row: { firstName: string | null; lastName: string | null; email: string }): string {
  return [row.firstName, row.lastName].filter(Boolean).join(" ") || row.email;
}

/** Facet rows as the API returns them; sampled counts are scaled to the whole match set. */
export function toFacets(rows: FacetRow[], totalCount: number, isSampled: boolean): SearchFacets {
  const sampledMatches = rows.find((row) => row.facet === "matches")?.n ?? 0;
  const scale = isSampled && sampledMatches > 0 ? totalCount / sampledMatches : 1;
  const pick = (facet: FacetRow["facet"]) =>
    rows
      .filter((row) => row.facet === facet && row.value !== null)
      .map((row) => ({ value: row.value!, count: Math.round(row.n * scale), ...(row.id ? { id: row.id } : {}) }));
  return { companies: pick("company"), tags: pick("tag"), sources: pick("source"), isApproximate: isSampled, sampledMatches };
}

/** Snippets for every field of the contact that holds a match, names first. */
export function buildHighlights(row: ContactSummaryRow, sources: HighlightSources, terms: HighlightTerms): Highlight[] {
  const fullName = [row.firstName, row.lastName].filter(Boolean).join(" ");
  const candidates: Array<Highlight | null> = [
    highlightField("fullName", fullName, terms),
    highlightField("email", row.email, terms),
    highlightField("company", row.company, terms),
    highlightField("title", row.title, terms),
    highlightField("department", row.department, terms),
    highlightField("phone", row.phone, terms, { isPhone: true }),
    highlightField("mobile", row.mobile, terms, { isPhone: true }),
  ];
  for (const body of sources.notes.get(row.id) ?? []) {
    const note = highlightField("notes", body, terms);
    if (note) {
      candidates.push(note);
      break;
    }
  }
  for (const [name] of sources.textFields) {
    const value = row.customFields?.[name];
    if (typeof value === "string") candidates.push(highlightField(`customFields.${name}`, value, terms));
  }
  return candidates.filter((h): h is Highlight => h !== null);
}

interface SearchCursor {
  rank: number;
  id: string;
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.id])).toString("base64url");
}

export function decodeSearchCursor(value: string): SearchCursor {
  try {
    const [rank, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof rank === "number" && Number.isFinite(rank) && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) return { rank, id };
  } catch {
    // fall through to the error below
  }
  throw new TRPCError({ code: "BAD_REQUEST", message: "after: not a cursor from a previous search page" });
}
