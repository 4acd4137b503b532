import { z } from "zod";
import { router, workspaceProcedure } from "../trpc/init";
import * as service from "./service";

export const notificationsRouter = router({
  list: workspaceProcedure
    .input(z.object({ first: z.number().int().min(1).max(100).default(20), unreadOnly: z.boolean().default(false) }))
    .query(({ ctx, input }) => service.listNotifications(ctx.service, input)),
  /** Without ids, marks every unread notification of the caller read. */
  markRead: workspaceProcedure
    .input(z.object({ ids: z.array(z.uuid()).max(500).optional() }))
    .mutation(({ ctx, input }) => service.markNotificationsRead(ctx.service, input)),
});
