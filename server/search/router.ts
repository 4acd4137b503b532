import { router, workspaceProcedure } from "../trpc/init";
import * as embeddings from "../embeddings/service";
import { searchContactsInput, semanticSearchInput } from "./schemas";
import { getSearchCapabilities, semanticSearchContacts } from "./semantic";
import { searchContacts } from "./service";

export const searchRouter = router({
  /** Ranked full-text search with highlights and facets (the spec's searchContacts). */
  contacts: workspaceProcedure.input(searchContactsInput).query(({ ctx, input }) => searchContacts(ctx.service, input)),
  /** Search by meaning (the spec's semanticSearchContacts); PRECONDITION_FAILED without pgvector. */
  semantic: workspaceProcedure.input(semanticSearchInput).query(({ ctx, input }) => semanticSearchContacts(ctx.service, input)),
  /** What this deployment can do: `semantic` is false where pgvector is missing (hide the toggle). */
  capabilities: workspaceProcedure.query(({ ctx }) => getSearchCapabilities(ctx.service)),
  /** How many contacts have a current embedding, how many wait, and the backfill job if one runs. */
  embeddingStatus: workspaceProcedure.query(({ ctx }) => embeddings.getEmbeddingStatus(ctx.service)),
  /** Recompute the workspace's embeddings as a job (managers and admins). */
  reindexEmbeddings: workspaceProcedure.mutation(({ ctx }) => embeddings.requestEmbeddingBackfill(ctx.service)),
});
