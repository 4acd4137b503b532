import { router, workspaceProcedure } from "../trpc/init";
import {
  contactsByTagSchema, createTagSchema, listTagsSchema, mergeTagsSchema, renameTagSchema, tagContactsSchema, tagIdSchema, updateTagSchema,
} from "./schemas";
import * as service from "./service";

export const tagsRouter = router({
  listTags: workspaceProcedure.input(listTagsSchema).query(({ ctx, input }) => service.listTags(ctx.service, input)),
  createTag: workspaceProcedure.input(createTagSchema).mutation(({ ctx, input }) => service.createTag(ctx.service, input)),
  updateTag: workspaceProcedure.input(updateTagSchema).mutation(({ ctx, input }) => service.updateTag(ctx.service, input)),
  renameTag: workspaceProcedure.input(renameTagSchema).mutation(({ ctx, input }) => service.renameTag(ctx.service, input)),
  mergeTags: workspaceProcedure.input(mergeTagsSchema).mutation(({ ctx, input }) => service.mergeTags(ctx.service, input)),
  deleteTag: workspaceProcedure.input(tagIdSchema).mutation(({ ctx, input }) => service.deleteTag(ctx.service, input)),
  tagContacts: workspaceProcedure.input(tagContactsSchema).mutation(({ ctx, input }) => service.tagContacts(ctx.service, input)),
  untagContacts: workspaceProcedure.input(tagContactsSchema).mutation(({ ctx, input }) => service.untagContacts(ctx.service, input)),
  contactsByTag: workspaceProcedure.input(contactsByTagSchema).query(({ ctx, input }) => service.contactsByTag(ctx.service, input)),
});
