import { TRPCError } from "@trpc/server";
import type { SQL } from "drizzle-orm";
import type { Executor } from "@/db/types";
import { createFilterCatalogue } from "./catalogue";
import { conditionToSql } from "./compile";
import { FilterValidationError, parseFilter, parseSegmentCriteria, type ParsedFilter, type ParseOptions } from "./parse";

export interface FilterContext {
  db: Executor;
  workspaceId: string;
}

/** A FilterValidationError as the API reports it: BAD_REQUEST, every problem named by its path. */
export function filterBadRequest(error: FilterValidationError): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
}

async function translate<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FilterValidationError) throw filterBadRequest(error);
    throw error;
  }
}

/** Validates and normalises a tree against the workspace (BAD_REQUEST when it does not hold). */
export function prepareContactFilter(ctx: FilterContext, tree: unknown, options: ParseOptions = {}): Promise<ParsedFilter> {
  return translate(parseFilter(createFilterCatalogue(ctx.db, ctx.workspaceId), tree, options));
}

/** Like prepareContactFilter, for a segment's own criteria: refuses criteria that reach back to `segmentId`. */
export function prepareSegmentCriteria(ctx: FilterContext, tree: unknown, segmentId: string | null): Promise<ParsedFilter> {
  return translate(parseSegmentCriteria(createFilterCatalogue(ctx.db, ctx.workspaceId), tree, segmentId));
}

/**
 * The drizzle SQL condition selecting the contacts a criteria tree describes (`true` for no tree).
 * The caller adds the workspace and deleted_at conditions of its own query.
 */
export async function compileContactFilter(ctx: FilterContext, tree: unknown, options: ParseOptions = {}): Promise<SQL> {
  const parsed = await prepareContactFilter(ctx, tree, options);
  return conditionToSql(parsed.condition, { workspaceId: ctx.workspaceId });
}
