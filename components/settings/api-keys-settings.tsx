"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { formatDate, formatRelative } from "@/components/contacts/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { ConfirmDialog } from "./confirm-dialog";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { ReadOnlyNotice } from "./read-only-notice";
import { errorText, roleLabel, type ApiKeyItem } from "./types";

export function ApiKeysSettings({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [isCreating, setIsCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyItem | null>(null);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );

  return (
    <Card>
      <CardHeader>
        <div className="flex items-start justify-between gap-4">
          <div className="flex flex-col gap-1">
            <CardTitle>API keys</CardTitle>
            <CardDescription>
              Keys let scripts and integrations call the API as <code className="rounded bg-muted px-1">Authorization: Bearer hck_…</code>, with the role
              chosen for the key. Only a key&apos;s first characters are kept for display.
            </CardDescription>
          </div>
          {isAdmin ? (
            <Button onClick={() => setIsCreating(true)}>
              <Plus />
              New API key
            </Button>
          ) : null}
        </div>
      </CardHeader>
      {isAdmin ? null : (
        <div className="px-4 pb-3">
          <ReadOnlyNotice>Only admins can create or revoke API keys. You can see which keys exist and when they were last used.</ReadOnlyNotice>
        </div>
      )}
      {keys.isPending ? (
        <div className="flex flex-col gap-2 px-4 pb-4">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      ) : keys.isError ? (
        <ErrorState title="Could not load API keys" message={errorText(keys.error)} action={<Button variant="outline" onClick={() => keys.refetch()}>Try again</Button>} />
      ) : keys.data.length === 0 ? (
        <EmptyState
          icon={<KeyRound />}
          title="No API keys yet"
          description={isAdmin ? "Create a key for each integration, so one can be revoked without breaking the others." : "An admin can create keys for integrations."}
        />
      ) : (
        <table className="w-full text-[13px]">
          <thead>
            <tr className="border-y border-border bg-surface text-left text-[12px] text-muted-foreground">
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Key</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2 font-medium">Created</th>
              <th scope="col" className="px-4 py-2 font-medium">Last used</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {keys.data.map((key) => (
              <tr key={key.id} className={key.revokedAt ? "text-muted-foreground" : undefined}>
                <td className="px-4 py-2 font-medium">{key.name}</td>
                <td className="px-4 py-2 font-mono text-[12px]">{key.prefix}…</td>
                <td className="px-4 py-2"><Badge>{roleLabel(key.role)}</Badge></td>
                <td className="px-4 py-2">
                  {formatDate(key.createdAt)}
                  {key.createdByName ? <span className="text-muted-foreground"> by {key.createdByName}</span> : null}
                </td>
                <td className="px-4 py-2">{key.lastUsedAt ? formatRelative(key.lastUsedAt) : <span className="text-muted-foreground">Never</span>}</td>
                <td className="px-4 py-2 text-right">
                  {key.revokedAt ? (
                    <Badge tone="red">Revoked {formatDate(key.revokedAt)}</Badge>
                  ) : isAdmin ? (
                    <Button variant="ghost" size="sm" onClick={() => { revoke.reset(); setRevoking(key); }} aria-label={`Revoke ${key.name}`}>
                      Revoke
                    </Button>
                  ) : (
                    <Badge tone="green">Active</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isAdmin ? <CreateApiKeyDialog open={isCreating} onOpenChange={setIsCreating} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? null : setRevoking(null))}
        title={`Revoke ${revoking?.name ?? "this key"}?`}
        description="Requests with this key are refused from now on. This cannot be undone; create a new key if you need one."
        confirmLabel="Revoke key"
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        isPending={revoke.isPending}
        error={errorText(revoke.error)}
      />
    </Card>
  );
}
