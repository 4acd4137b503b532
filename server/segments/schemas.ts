import { z } from "zod";
import { filterInputSchema } from "../filters/schemas";

const name = z.string({ error: "is required" }).trim().min(1, "is required").max(120, "must be at most 120 characters");
const description = z.string().trim().max(1000, "must be at most 1000 characters").transform((v) => (v === "" ? null : v)).nullish();
const segmentId = z.uuid({ error: "must be a segment id" });

export const createSegmentSchema = z.object({
  name,
  description,
  /** The spec's criteria tree; `{}` or omitted: every contact. */
  criteria: filterInputSchema.default({ and: [] }),
  /** Dynamic: evaluated at read time. Static: membership frozen now, then edited by hand. */
  isDynamic: z.boolean().default(true),
}).strict();
export type CreateSegmentInput = z.infer<typeof createSegmentSchema>;

export const segmentPatchSchema = z.object({
  name: name.optional(),
  description,
  /** For a static segment, new criteria re-freeze its membership (hand edits are replaced). */
  criteria: filterInputSchema.optional(),
  /** dynamic → static freezes today's matches; static → dynamic drops the frozen list. */
  isDynamic: z.boolean().optional(),
}).strict();
export type SegmentPatch = z.infer<typeof segmentPatchSchema>;

export const updateSegmentSchema = z.object({ id: segmentId, patch: segmentPatchSchema });
export const segmentIdSchema = z.object({ id: segmentId });

export const segmentMembersSchema = z.object({
  id: segmentId,
  contactIds: z.array(z.uuid({ error: "must be a contact id" })).min(1, "pick at least one contact").max(1000, "at most 1000 contacts at once"),
});
export type SegmentMembersInput = z.infer<typeof segmentMembersSchema>;
