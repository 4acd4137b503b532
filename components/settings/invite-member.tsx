"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { formatDate } from "@/components/contacts/format";
import { parseFormErrors } from "@/components/contacts/form-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert } from "@/components/ui/states";
import { CopyField } from "./copy-field";
import { errorText, roleLabel, roleOptions, type MemberRole } from "./types";

/** Admins only: creates an invitation and shows its link, which the admin sends on themselves (no email is sent). */
export function InviteMember() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>("rep");
  const [localError, setLocalError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; url: string; expiresAt: Date } | null>(null);

  const invite = useMutation(
    trpc.workspaces.invite.mutationOptions({
      onSuccess: ({ invitation, acceptUrl }) => {
        setCreated({ email: invitation.email, url: `${window.location.origin}${acceptUrl}`, expiresAt: invitation.expiresAt });
        setEmail("");
        return queryClient.invalidateQueries({ queryKey: trpc.workspaces.invitations.list.queryKey() });
      },
    }),
  );
  const serverErrors = invite.error ? parseFormErrors(invite.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return setLocalError("Enter the email address of the person to invite");
    setLocalError(null);
    setCreated(null);
    invite.mutate({ email, role });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Invite a member</CardTitle>
        <CardDescription>
          Creates a link that lets the person with this email join the workspace. hasteCRM does not send the email: copy the link and send it yourself.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
          <Field label="Email" error={localError ?? serverErrors?.fieldErrors.email} className="min-w-64 flex-1">
            {(control) => (
              <Input {...control} name="email" type="email" placeholder="name@company.com" value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
          <Field label="Role" error={serverErrors?.fieldErrors.role} className="w-40">
            {(control) => (
              <Select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value as MemberRole)} options={roleOptions} />
            )}
          </Field>
          <Button type="submit" isLoading={invite.isPending} className="mt-[22px]">
            <UserPlus />
            Create invite link
          </Button>
        </form>
        {serverErrors?.formError ? <Alert>{serverErrors.formError}</Alert> : null}
        {created ? (
          <div className="flex flex-col gap-2 rounded-md border border-border bg-surface p-3">
            <p className="text-[13px]">
              Send this link to <strong>{created.email}</strong>. It works once, for that address, until {formatDate(created.expiresAt)}.
            </p>
            <CopyField label="Invitation link" value={created.url} />
          </div>
        ) : null}
        <PendingInvitations />
      </CardContent>
    </Card>
  );
}

function PendingInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.workspaces.invitations.list.queryOptions());
  const revoke = useMutation(
    trpc.workspaces.invitations.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workspaces.invitations.list.queryKey() }),
    }),
  );

  if (invitations.isPending) return <Skeleton className="h-16" />;
  if (invitations.isError) return <Alert>Could not load pending invitations: {errorText(invitations.error)}</Alert>;
  if (invitations.data.length === 0) return <p className="text-[13px] text-muted-foreground">No pending invitations.</p>;

  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-[13px] font-medium">Pending invitations</h4>
      {revoke.error ? <Alert>{errorText(revoke.error)}</Alert> : null}
      <ul className="divide-y divide-border rounded-md border border-border">
        {invitations.data.map((invitation) => (
          <li key={invitation.id} className="flex items-center gap-3 px-3 py-2 text-[13px]">
            <span className="min-w-0 flex-1 truncate">{invitation.email}</span>
            <Badge>{roleLabel(invitation.role)}</Badge>
            <span className="text-muted-foreground">
              by {invitation.invitedByName}, expires {formatDate(invitation.expiresAt)}
            </span>
            <Button
              variant="ghost"
              size="sm"
              isLoading={revoke.isPending && revoke.variables?.id === invitation.id}
              onClick={() => revoke.mutate({ id: invitation.id })}
              aria-label={`Revoke the invitation for ${invitation.email}`}
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
