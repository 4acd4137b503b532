import { apiKeysRouter } from "../api-keys/router";
import { bulkRouter } from "../bulk/router";
import { exportsRouter } from "../exports/router";
import { contactsRouter } from "../contacts/router";
import { importsRouter } from "../imports/router";
import { jobsRouter } from "../jobs/router";
import { notificationsRouter } from "../notifications/router";
import { customFieldsRouter } from "../custom-fields/router";
import { filtersRouter } from "../filters/router";
import { insightsRouter } from "../insights/router";
import { searchRouter } from "../search/router";
import { segmentsRouter } from "../segments/router";
import { tagsRouter } from "../tags/router";
import { viewsRouter } from "../views/router";
import { workspacesRouter } from "../workspaces/router";
import { router } from "./init";

export const appRouter = router({
  imports: importsRouter,
  jobs: jobsRouter,
  notifications: notificationsRouter,
  contacts: contactsRouter,
  workspaces: workspacesRouter,
  apiKeys: apiKeysRouter,
  customFields: customFieldsRouter,
  tags: tagsRouter,
  segments: segmentsRouter,
  views: viewsRouter,
  insights: insightsRouter,
  filters: filtersRouter,
  search: searchRouter,
  bulk: bulkRouter,
  exports: exportsRouter,
});

export type AppRouter = typeof appRouter;
