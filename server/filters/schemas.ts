import { z } from "zod";
import { filterOperators, sortDirections, type FilterNode, type SortKey } from "./types";

const leafSchema = z.object({
  field: z.string().min(1).max(120),
  operator: z.enum(filterOperators),
  value: z.unknown().optional(),
});

/**
 * The tree's shape, for clients (a filter builder, URL state parsers). The server validates trees
 * itself (parse.ts), against the workspace's fields, with errors named by path (`and[2].or[0].value`).
 */
export const filterNodeSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(filterNodeSchema) }).strict(),
    z.object({ or: z.array(filterNodeSchema) }).strict(),
    leafSchema.strict(),
  ]),
) as z.ZodType<FilterNode>;

const MAX_FILTER_JSON = 50_000;

/** Procedure input for a criteria tree: typed for clients, deeply checked by the filter parser. */
export const filterInputSchema = z.custom<FilterNode>(
  (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    try {
      return JSON.stringify(value).length <= MAX_FILTER_JSON;
    } catch {
      return false;
    }
  },
  { error: `expected {and: [...]}, {or: [...]} or {field, operator, value} (at most ${MAX_FILTER_JSON} characters)` },
);

export const sortKeySchema: z.ZodType<SortKey> = z.object({
  field: z.string().min(1, "expected a field name").max(120),
  direction: z.enum(sortDirections, { error: "expected asc or desc" }),
}).strict();

export const sortSchema = z.array(sortKeySchema).max(5, "sort by at most 5 fields");
