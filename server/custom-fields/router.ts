import { router, workspaceProcedure } from "../trpc/init";
import { createCustomFieldSchema, customFieldIdSchema, listCustomFieldsSchema, updateCustomFieldSchema } from "./schemas";
import * as service from "./service";

export const customFieldsRouter = router({
  listCustomFields: workspaceProcedure.input(listCustomFieldsSchema).query(({ ctx, input }) => service.listCustomFields(ctx.service, input)),
  createCustomField: workspaceProcedure.input(createCustomFieldSchema).mutation(({ ctx, input }) => service.createCustomField(ctx.service, input)),
  updateCustomField: workspaceProcedure.input(updateCustomFieldSchema).mutation(({ ctx, input }) => service.updateCustomField(ctx.service, input)),
  /** Archives the definition; its values stay on the records, hidden. */
  deleteCustomField: workspaceProcedure.input(customFieldIdSchema).mutation(({ ctx, input }) => service.deleteCustomField(ctx.service, input)),
  restoreCustomField: workspaceProcedure.input(customFieldIdSchema).mutation(({ ctx, input }) => service.restoreCustomField(ctx.service, input)),
});
