import { router, workspaceProcedure } from "../trpc/init";
import * as service from "./service";

export const filtersRouter = router({
  /** The field catalogue for filter builders, sort pickers and column choosers. */
  filterFields: workspaceProcedure.query(({ ctx }) => service.listFilterFields(ctx.service)),
});
