import { router, workspaceProcedure } from "../trpc/init";
import {
  fileIdSchema, importContactsSchema, importIdSchema, importIssuesSchema, listImportsSchema, saveTemplateSchema, templateIdSchema, undoImportSchema,
} from "./schemas";
import * as service from "./service";
import { undoImport } from "./undo-service";

// Uploads are a REST route (POST /api/files, streamed) and the failed-rows CSV is GET /api/imports/<id>/errors.csv.
export const importsRouter = router({
  preview: workspaceProcedure.input(fileIdSchema).query(({ ctx, input }) => service.previewImport(ctx.service, input)),
  dryRun: workspaceProcedure.input(importContactsSchema).mutation(({ ctx, input }) => service.dryRunImport(ctx.service, input)),
  importContacts: workspaceProcedure.input(importContactsSchema).mutation(async ({ ctx, input }) => {
    const { done: _done, ...result } = await service.importContacts(ctx.service, input);
    return result;
  }),
  get: workspaceProcedure.input(importIdSchema).query(({ ctx, input }) => service.getImport(ctx.service, input)),
  list: workspaceProcedure.input(listImportsSchema).query(({ ctx, input }) => service.listImports(ctx.service, input)),
  issues: workspaceProcedure.input(importIssuesSchema).query(({ ctx, input }) => service.listImportIssues(ctx.service, input)),
  /** Server-sent events in the spec's ImportProgress shape, ending when the import finishes. */
  importProgress: workspaceProcedure.input(importIdSchema).subscription(async function* ({ ctx, input, signal }) {
    yield* service.watchImportProgress(ctx.service, input, signal);
  }),
  undo: workspaceProcedure.input(undoImportSchema).mutation(async ({ ctx, input }) => {
    const { done: _done, ...result } = await undoImport(ctx.service, input);
    return result;
  }),
  saveTemplate: workspaceProcedure.input(saveTemplateSchema).mutation(({ ctx, input }) => service.saveTemplate(ctx.service, input)),
  templates: workspaceProcedure.query(({ ctx }) => service.listTemplates(ctx.service)),
  deleteTemplate: workspaceProcedure.input(templateIdSchema).mutation(({ ctx, input }) => service.removeTemplate(ctx.service, input)),
});
