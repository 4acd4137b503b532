"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { ReadOnlyNotice } from "./read-only-notice";
import { errorText } from "./types";

const roles = [
  { value: "admin", label: "Admins", hint: "always" },
  { value: "manager", label: "Managers", hint: null },
  { value: "rep", label: "Reps", hint: null },
] as const;
type Role = (typeof roles)[number]["value"];

/** Who may export contacts: exports carry the whole customer list out of the CRM, so it is a policy. */
export function ExportSettings({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.workspaces.settings.queryOptions());
  const [draft, setDraft] = useState<Role[] | null>(null);
  const save = useMutation(
    trpc.workspaces.updateSettings.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.settings.queryKey() });
        setDraft(null);
      },
    }),
  );
  const saved = settings.data?.exportRoles ?? [];
  const selected = draft ?? saved;
  const isChanged = draft !== null && draft.join() !== saved.join();

  const toggle = (role: Role, checked: boolean) => {
    save.reset();
    setDraft(roles.map((r) => r.value).filter((value) => (value === role ? checked : selected.includes(value))));
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Exports</CardTitle>
        <CardDescription>Who may export contacts to CSV. Every export is written to the audit log with who ran it, its filter and its row count.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {settings.isPending ? (
          <Skeleton className="h-16 max-w-xs" />
        ) : settings.isError ? (
          <p role="alert" className="text-[13px] text-destructive">{errorText(settings.error)}</p>
        ) : (
          <fieldset className="flex flex-col gap-2" aria-label="Roles that may export contacts">
            {roles.map((role) => (
              <label key={role.value} className="flex items-center gap-2 text-[13px]">
                <Checkbox
                  name={`export-${role.value}`}
                  checked={selected.includes(role.value)}
                  // Admins can always export: the server refuses a list without them.
                  disabled={!isAdmin || role.value === "admin"}
                  onChange={(event) => toggle(role.value, event.target.checked)}
                />
                {role.label}
                {role.hint ? <span className="text-muted-foreground">({role.hint})</span> : null}
              </label>
            ))}
          </fieldset>
        )}
        {save.error ? <p role="alert" className="text-[13px] text-destructive">{errorText(save.error)}</p> : null}
        {isAdmin ? null : <ReadOnlyNotice>Only admins can change who may export.</ReadOnlyNotice>}
      </CardContent>
      {isAdmin ? (
        <CardFooter>
          <Button isLoading={save.isPending} disabled={!isChanged} onClick={() => draft && save.mutate({ exportRoles: draft })}>
            Save
          </Button>
          {save.isSuccess && !isChanged ? (
            <span role="status" className="text-[13px] text-muted-foreground">
              Saved
            </span>
          ) : null}
        </CardFooter>
      ) : null}
    </Card>
  );
}
