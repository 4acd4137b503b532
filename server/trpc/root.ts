import { contactsRouter } from "../contacts/router";
import { workspacesRouter } from "../workspaces/router";
import { router } from "./init";

export const appRouter = router({
  contacts: contactsRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
