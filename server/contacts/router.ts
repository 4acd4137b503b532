import { router, workspaceProcedure } from "../trpc/init";
import { contactIdSchema, createContactSchema, historySchema, listContactsSchema, updateContactSchema } from "./schemas";
import * as service from "./service";

export const contactsRouter = router({
  create: workspaceProcedure.input(createContactSchema).mutation(({ ctx, input }) => service.createContact(ctx.service, input)),
  update: workspaceProcedure.input(updateContactSchema).mutation(({ ctx, input }) => service.updateContact(ctx.service, input)),
  get: workspaceProcedure.input(contactIdSchema).query(({ ctx, input }) => service.getContactProfile(ctx.service, input)),
  list: workspaceProcedure.input(listContactsSchema).query(({ ctx, input }) => service.listContacts(ctx.service, input)),
  delete: workspaceProcedure.input(contactIdSchema).mutation(({ ctx, input }) => service.deleteContact(ctx.service, input)),
  restore: workspaceProcedure.input(contactIdSchema).mutation(({ ctx, input }) => service.restoreContact(ctx.service, input)),
  history: workspaceProcedure.input(historySchema).query(({ ctx, input }) => service.getContactHistory(ctx.service, input)),
});
