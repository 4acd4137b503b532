import { z } from "zod";
import { router, workspaceProcedure } from "../trpc/init";
import { exportContactsSchema, exportIdSchema } from "./schemas";
import * as service from "./service";

export const exportsRouter = router({
  exportContacts: workspaceProcedure.input(exportContactsSchema).mutation(({ ctx, input }) => service.exportContacts(ctx.service, input)),
  get: workspaceProcedure.input(exportIdSchema).query(({ ctx, input }) => service.getExport(ctx.service, input)),
  list: workspaceProcedure.input(z.object({ first: z.number().int().min(1).max(100).default(50) })).query(({ ctx, input }) => service.listExports(ctx.service, input)),
});
