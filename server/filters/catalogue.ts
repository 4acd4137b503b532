import { and, eq, inArray, sql } from "drizzle-orm";
import { segments, tags } from "@/db/schema";
import type { Executor } from "@/db/types";
import { findCustomFieldDefinitions } from "../custom-fields/queries";
import type { CatalogueCustomField, CatalogueSegment, FilterCatalogue } from "./parse";
import { isUuid } from "./values";

/**
 * The workspace's custom fields, tags and segments as a filter sees them, loaded on first use and
 * cached for one parse (a request), so a tree naming ten tags costs one query, not ten.
 */
export function createFilterCatalogue(db: Executor, workspaceId: string): FilterCatalogue {
  let definitions: Promise<Map<string, CatalogueCustomField>> | null = null;
  const segmentCache = new Map<string, Promise<CatalogueSegment | null>>();

  return {
    customField(fieldName) {
      definitions ??= findCustomFieldDefinitions(db, { workspaceId, objectType: "contact", includeArchived: true })
        .then((rows) => new Map(rows.map((row) => [row.fieldName, row])));
      return definitions.then((map) => map.get(fieldName) ?? null);
    },

    async resolveTags(references) {
      const ids = references.filter(isUuid).map((id) => id.toLowerCase());
      const names = references.filter((ref) => !isUuid(ref)).map((name) => name.toLowerCase());
      const rows = references.length === 0 ? [] : await db
        .select({ id: tags.id, name: tags.name })
        .from(tags)
        .where(and(
          eq(tags.workspaceId, workspaceId),
          sql`(${ids.length > 0 ? inArray(tags.id, ids) : sql`false`} or ${names.length > 0 ? inArray(sql`lower(${tags.name})`, names) : sql`false`})`,
        ));
      const byId = new Map(rows.map((row) => [row.id, row.id]));
      const byName = new Map(rows.map((row) => [row.name.toLowerCase(), row.id]));
      return new Map(references.map((ref) => [ref, (isUuid(ref) ? byId.get(ref.toLowerCase()) : byName.get(ref.toLowerCase())) ?? null]));
    },

    segment(id) {
      let cached = segmentCache.get(id);
      if (!cached) {
        cached = db
          .select({ id: segments.id, name: segments.name, isDynamic: segments.isDynamic, criteria: segments.criteria })
          .from(segments)
          .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
          .limit(1)
          .then((rows) => rows[0] ?? null);
        segmentCache.set(id, cached);
      }
      return cached;
    },
  };
}
