import { router, workspaceProcedure } from "../trpc/init";
import { contactInsightsSchema } from "./schemas";
import * as service from "./service";

export const insightsRouter = router({
  contactInsights: workspaceProcedure.input(contactInsightsSchema).query(({ ctx, input }) => service.getContactInsights(ctx.service, input)),
});
