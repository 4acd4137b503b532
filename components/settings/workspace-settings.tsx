"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ReadOnlyNotice } from "./read-only-notice";
import { errorText } from "./types";

export function WorkspaceSettings({ workspace, isAdmin }: { workspace: { id: string; name: string }; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [localError, setLocalError] = useState<string | null>(null);
  const rename = useMutation(
    trpc.workspaces.rename.mutationOptions({
      // The top bar and the workspace switcher both read workspaces.current.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workspaces.current.queryKey() }),
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setLocalError("Enter a name");
    setLocalError(null);
    rename.mutate({ name: name.trim() });
  };

  const isUnchanged = name.trim() === workspace.name;
  return (
    <Card>
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle>Workspace</CardTitle>
          <CardDescription>The name everyone in the workspace sees in the top bar and the workspace switcher.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <Field label="Workspace name" error={localError ?? errorText(rename.error)} className="max-w-md">
            {(control) => (
              <Input
                {...control}
                name="workspaceName"
                value={name}
                readOnly={!isAdmin}
                onChange={(event) => {
                  setName(event.target.value);
                  rename.reset();
                }}
              />
            )}
          </Field>
          {isAdmin ? null : <ReadOnlyNotice>Only admins can rename the workspace.</ReadOnlyNotice>}
        </CardContent>
        {isAdmin ? (
          <CardFooter>
            <Button type="submit" isLoading={rename.isPending} disabled={isUnchanged}>
              Save
            </Button>
            {rename.isSuccess && isUnchanged ? (
              <span role="status" className="text-[13px] text-muted-foreground">
                Saved
              </span>
            ) : null}
          </CardFooter>
        ) : null}
      </form>
    </Card>
  );
}
