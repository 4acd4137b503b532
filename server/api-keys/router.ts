import { router, workspaceProcedure } from "../trpc/init";
import { apiKeyIdSchema, createApiKeySchema } from "./schemas";
import * as service from "./service";

export const apiKeysRouter = router({
  create: workspaceProcedure.input(createApiKeySchema).mutation(({ ctx, input }) => service.createApiKey(ctx.service, input)),
  list: workspaceProcedure.query(({ ctx }) => service.listApiKeys(ctx.service)),
  revoke: workspaceProcedure.input(apiKeyIdSchema).mutation(({ ctx, input }) => service.revokeApiKeyById(ctx.service, input)),
});
