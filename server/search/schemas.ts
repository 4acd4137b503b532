import { z } from "zod";
import { filterInputSchema } from "../filters/schemas";

export const SEARCH_PAGE_MAX = 50;

export const searchContactsInput = z.object({
  /** What the user typed; the last word matches as a prefix unless the text ends with a space. */
  query: z.string().max(500, "at most 500 characters"),
  /** The contacts view's criteria tree: search runs inside the view. */
  filters: filterInputSchema.nullish(),
  first: z.number().int().min(1).max(SEARCH_PAGE_MAX).default(20),
  after: z.string().max(500).nullish(),
  /** Facets cost a second pass over the matches; the palette does not show them. */
  includeFacets: z.boolean().default(true),
});
export type SearchContactsInput = z.input<typeof searchContactsInput>;

export const semanticSearchInput = z.object({
  query: z.string().trim().min(1, "type what you are looking for").max(500, "at most 500 characters"),
  filters: filterInputSchema.nullish(),
  first: z.number().int().min(1).max(SEARCH_PAGE_MAX).default(20),
});
export type SemanticSearchInput = z.input<typeof semanticSearchInput>;
