import { authedProcedure, publicProcedure, router, workspaceProcedure } from "../trpc/init";
import { changeRoleSchema, invitationIdSchema, invitationTokenSchema, inviteMemberSchema, removeMemberSchema } from "../members/schemas";
import * as members from "../members/service";
import { findMembershipsOfUser } from "./queries";
import { renameWorkspaceSchema, updateWorkspaceSettingsSchema } from "./schemas";
import { getWorkspaceSettings, renameWorkspace, updateWorkspaceSettings } from "./service";

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
  rename: workspaceProcedure.input(renameWorkspaceSchema).mutation(({ ctx, input }) => renameWorkspace(ctx.service, input)),
  settings: workspaceProcedure.query(({ ctx }) => getWorkspaceSettings(ctx.service)),
  updateSettings: workspaceProcedure.input(updateWorkspaceSettingsSchema).mutation(({ ctx, input }) => updateWorkspaceSettings(ctx.service, input)),

  members: router({
    list: workspaceProcedure.query(({ ctx }) => members.listMembers(ctx.service)),
  }),
  invite: workspaceProcedure.input(inviteMemberSchema).mutation(({ ctx, input }) => members.inviteMember(ctx.service, input)),
  changeRole: workspaceProcedure.input(changeRoleSchema).mutation(({ ctx, input }) => members.changeMemberRole(ctx.service, input)),
  removeMember: workspaceProcedure.input(removeMemberSchema).mutation(({ ctx, input }) => members.removeMember(ctx.service, input)),

  invitations: router({
    list: workspaceProcedure.query(({ ctx }) => members.listInvitations(ctx.service)),
    revoke: workspaceProcedure.input(invitationIdSchema).mutation(({ ctx, input }) => members.revokeInvitation(ctx.service, input)),
  }),
  /** Public: the invitation page shows whose workspace the link opens before the visitor has an account. */
  invitation: publicProcedure.input(invitationTokenSchema).query(({ ctx, input }) => members.previewInvitation(ctx.db, input)),
  acceptInvite: authedProcedure.input(invitationTokenSchema).mutation(({ ctx, input }) =>
    members.acceptInvitation(ctx.db, {
      token: input.token,
      user: { id: ctx.identity.userId, email: ctx.identity.userEmail, name: ctx.identity.userName, via: ctx.identity.via },
    }),
  ),
});
