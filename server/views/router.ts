import { router, workspaceProcedure } from "../trpc/init";
import { duplicateViewSchema, listViewsSchema, renameViewSchema, saveViewSchema, updateViewSchema, viewIdSchema } from "./schemas";
import * as service from "./service";

export const viewsRouter = router({
  listViews: workspaceProcedure.input(listViewsSchema).query(({ ctx, input }) => service.listViews(ctx.service, input)),
  getView: workspaceProcedure.input(viewIdSchema).query(({ ctx, input }) => service.getView(ctx.service, input)),
  saveView: workspaceProcedure.input(saveViewSchema).mutation(({ ctx, input }) => service.saveView(ctx.service, input)),
  updateView: workspaceProcedure.input(updateViewSchema).mutation(({ ctx, input }) => service.updateView(ctx.service, input)),
  renameView: workspaceProcedure.input(renameViewSchema).mutation(({ ctx, input }) => service.renameView(ctx.service, input)),
  duplicateView: workspaceProcedure.input(duplicateViewSchema).mutation(({ ctx, input }) => service.duplicateView(ctx.service, input)),
  deleteView: workspaceProcedure.input(viewIdSchema).mutation(({ ctx, input }) => service.deleteView(ctx.service, input)),
});
