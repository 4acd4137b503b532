import { router, workspaceProcedure } from "../trpc/init";
import { bulkDeleteSchema, bulkTagsSchema, bulkUpdateSchema, undoBulkSchema } from "./schemas";
import * as service from "./service";

export const bulkRouter = router({
  updateContacts: workspaceProcedure.input(bulkUpdateSchema).mutation(({ ctx, input }) => service.bulkUpdateContacts(ctx.service, input)),
  deleteContacts: workspaceProcedure.input(bulkDeleteSchema).mutation(({ ctx, input }) => service.bulkDeleteContacts(ctx.service, input)),
  restoreContacts: workspaceProcedure.input(bulkDeleteSchema).mutation(({ ctx, input }) => service.bulkRestoreContacts(ctx.service, input)),
  tagContacts: workspaceProcedure.input(bulkTagsSchema).mutation(({ ctx, input }) => service.bulkTagOperations(ctx.service, input)),
  undo: workspaceProcedure.input(undoBulkSchema).mutation(({ ctx, input }) => service.undoBulkOperation(ctx.service, input)),
});
