"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { parseFormErrors } from "@/components/contacts/form-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/states";
import { CopyField } from "./copy-field";
import { roleOptions, type MemberRole } from "./types";

/** Two steps in one dialog: name and role, then the key itself, shown this once. */
export function CreateApiKeyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<MemberRole>("rep");
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
    }),
  );
  const serverErrors = create.error ? parseFormErrors(create.error) : null;
  const createdKey = create.data?.key ?? null;

  const close = () => {
    onOpenChange(false);
    // The plaintext must not linger in memory (or reappear on reopening) once the dialog is gone.
    create.reset();
    setName("");
    setRole("rep");
    setLocalError(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setLocalError("Give the key a name, such as the integration that will use it");
    setLocalError(null);
    create.mutate({ name: name.trim(), role });
  };

  if (createdKey) {
    return (
      <Dialog
        open={open}
        onOpenChange={(next) => (next ? onOpenChange(true) : close())}
        title="Copy your API key"
        description="This is the only time the key is shown. Store it somewhere safe, such as your integration's secret settings."
      >
        <div className="flex flex-col gap-3">
          <CopyField label="API key" value={createdKey} />
          <p className="text-[12px] text-muted-foreground">
            Send it as <code className="rounded bg-muted px-1">Authorization: Bearer {createdKey.slice(0, 12)}…</code> to /api/trpc. It acts with the{" "}
            {create.data?.apiKey.role} role in this workspace until revoked.
          </p>
        </div>
        <DialogFooter>
          <Button onClick={close}>Done</Button>
        </DialogFooter>
      </Dialog>
    );
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())} title="New API key" description="For scripts and integrations calling the API.">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Key name" error={localError ?? serverErrors?.fieldErrors.name}>
          {(control) => <Input {...control} name="name" autoFocus placeholder="Zapier sync" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Role"
          error={serverErrors?.fieldErrors.role}
          hint={roleOptions.find((option) => option.value === role)?.description}
        >
          {(control) => <Select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value as MemberRole)} options={roleOptions} />}
        </Field>
        {serverErrors?.formError ? <Alert>{serverErrors.formError}</Alert> : null}
        <DialogFooter className="mt-1">
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" isLoading={create.isPending}>
            Create key
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
