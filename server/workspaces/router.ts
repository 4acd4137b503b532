import { authedProcedure, router, workspaceProcedure } from "../trpc/init";
import { findMembershipsOfUser } from "./queries";

export const workspacesRouter = router({
  /** The signed-in user, their workspaces and the one this request acts in. */
  current: authedProcedure.query(async ({ ctx }) => {
    const identity = ctx.identity;
    const workspaces = identity.via === "session" ? await findMembershipsOfUser(ctx.db, identity.userId) : [];
    return {
      user: { id: identity.userId, name: identity.userName, email: identity.userEmail },
      workspace: identity.workspace
        ? { id: identity.workspace.id, name: identity.workspace.name, role: identity.workspace.actor.role }
        : null,
      workspaces,
    };
  }),
  ping: workspaceProcedure.query(({ ctx }) => ({ workspaceId: ctx.workspaceId })),
});
