"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate } from "@/components/contacts/format";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/ui/states";
import { ConfirmDialog } from "./confirm-dialog";
import { InviteMember } from "./invite-member";
import { ReadOnlyNotice } from "./read-only-notice";
import { errorText, roleLabel, roleOptions, type Member, type MemberRole } from "./types";

export function MembersSettings({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.workspaces.members.list.queryOptions());

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>
            Reps view and edit contacts. Managers also manage segments, shared views, tags and bulk actions. Admins also manage members, API keys,
            custom fields, imports and exports.
          </CardDescription>
        </CardHeader>
        {isAdmin ? null : (
          <div className="px-4 pb-3">
            <ReadOnlyNotice>Only admins can invite members, change roles or remove members. Ask an admin of this workspace.</ReadOnlyNotice>
          </div>
        )}
        {members.isPending ? (
          <div className="flex flex-col gap-2 px-4 pb-4">
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
          </div>
        ) : members.isError ? (
          <ErrorState title="Could not load members" message={errorText(members.error)} action={<Button variant="outline" onClick={() => members.refetch()}>Try again</Button>} />
        ) : (
          <MembersTable members={members.data} isAdmin={isAdmin} />
        )}
      </Card>
      {isAdmin ? <InviteMember /> : null}
    </div>
  );
}

function MembersTable({ members, isAdmin }: { members: Member[]; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [roleError, setRoleError] = useState<{ userId: string; message: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.workspaces.members.list.queryKey() }),
      // Changing one's own role changes what this page may show.
      queryClient.invalidateQueries({ queryKey: trpc.workspaces.current.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
    ]);

  const changeRole = useMutation(
    trpc.workspaces.changeRole.mutationOptions({
      onMutate: () => setRoleError(null),
      onError: (error, variables) => setRoleError({ userId: variables.userId, message: errorText(error) ?? "Could not change the role" }),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.workspaces.removeMember.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
    }),
  );

  return (
    <>
      <table className="w-full text-[13px]">
        <thead>
          <tr className="border-y border-border bg-surface text-left text-[12px] text-muted-foreground">
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Role</th>
            <th scope="col" className="px-4 py-2 font-medium">Joined</th>
            {isAdmin ? <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {members.map((member) => (
            <tr key={member.userId}>
              <td className="px-4 py-2">
                <div className="flex items-center gap-2.5">
                  <Avatar name={member.name || member.email} size="md" />
                  <div className="min-w-0">
                    <div className="flex items-center gap-1.5 font-medium">
                      <span className="truncate">{member.name}</span>
                      {member.isYou ? <Badge tone="blue">You</Badge> : null}
                    </div>
                    <div className="truncate text-[12px] text-muted-foreground">{member.email}</div>
                  </div>
                </div>
              </td>
              <td className="px-4 py-2 align-middle">
                {isAdmin ? (
                  <div className="flex flex-col gap-1">
                    <Select
                      aria-label={`Role of ${member.name}`}
                      className="w-32"
                      value={member.role}
                      disabled={changeRole.isPending && changeRole.variables?.userId === member.userId}
                      onChange={(event) => changeRole.mutate({ userId: member.userId, role: event.target.value as MemberRole })}
                      options={roleOptions}
                    />
                    {roleError?.userId === member.userId ? (
                      <p role="alert" className="max-w-64 text-[12px] text-destructive">{roleError.message}</p>
                    ) : null}
                  </div>
                ) : (
                  <Badge>{roleLabel(member.role)}</Badge>
                )}
              </td>
              <td className="px-4 py-2 text-muted-foreground">{formatDate(member.joinedAt)}</td>
              {isAdmin ? (
                <td className="px-4 py-2 text-right">
                  <Button variant="ghost" size="sm" onClick={() => { remove.reset(); setRemoving(member); }} aria-label={`Remove ${member.name}`}>
                    Remove
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? null : setRemoving(null))}
        title={removing?.isYou ? "Leave this workspace?" : `Remove ${removing?.name ?? ""}?`}
        description={
          removing?.isYou
            ? "You will lose access to this workspace. The API keys you created here will be revoked."
            : `${removing?.email ?? ""} loses access to this workspace at once, and the API keys they created here are revoked. Their contacts stay.`
        }
        confirmLabel={removing?.isYou ? "Leave workspace" : "Remove member"}
        onConfirm={() => removing && remove.mutate({ userId: removing.userId }, { onSuccess: () => removing.isYou && window.location.assign("/contacts") })}
        isPending={remove.isPending}
        error={errorText(remove.error)}
      />
    </>
  );
}
