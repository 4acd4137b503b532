import { z } from "zod";
import { filterInputSchema } from "../filters/schemas";

/** Any combination narrows further: a view's filters, a segment, and an ad-hoc tree. */
export const contactInsightsSchema = z.object({
  filters: filterInputSchema.nullish(),
  segmentId: z.uuid({ error: "must be a segment id" }).optional(),
  viewId: z.uuid({ error: "must be a view id" }).optional(),
  /** Top companies and tags returned (default 10). */
  top: z.number().int().min(1).max(50).default(10),
});
export type ContactInsightsInput = z.infer<typeof contactInsightsSchema>;
