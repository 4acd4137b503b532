import { router, workspaceProcedure } from "../trpc/init";
import { createSegmentSchema, segmentIdSchema, segmentMembersSchema, updateSegmentSchema } from "./schemas";
import * as service from "./service";

/** Members of a segment are listed by contacts.list with `{field: "segment", operator: "eq", value: id}`. */
export const segmentsRouter = router({
  listSegments: workspaceProcedure.query(({ ctx }) => service.listSegments(ctx.service)),
  getSegment: workspaceProcedure.input(segmentIdSchema).query(({ ctx, input }) => service.getSegment(ctx.service, input)),
  createSegment: workspaceProcedure.input(createSegmentSchema).mutation(({ ctx, input }) => service.createSegment(ctx.service, input)),
  updateSegment: workspaceProcedure.input(updateSegmentSchema).mutation(({ ctx, input }) => service.updateSegment(ctx.service, input)),
  deleteSegment: workspaceProcedure.input(segmentIdSchema).mutation(({ ctx, input }) => service.deleteSegment(ctx.service, input)),
  addMembers: workspaceProcedure.input(segmentMembersSchema).mutation(({ ctx, input }) => service.addMembers(ctx.service, input)),
  removeMembers: workspaceProcedure.input(segmentMembersSchema).mutation(({ ctx, input }) => service.removeMembers(ctx.service, input)),
});
