"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/states";

export interface SaveViewValues {
  name: string;
  isDefault: boolean;
  visibility: "private" | "shared";
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : "Could not save the view";
  return message.replace(/^(patch\.)?name: /, "");
}

/** Name a new view from what the table shows; only managers may share it with the workspace. */
export function SaveViewDialog({
  open,
  onOpenChange,
  canShare,
  onSave,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  canShare: boolean;
  onSave: (values: SaveViewValues) => Promise<void>;
}) {
  const [values, setValues] = useState<SaveViewValues>({ name: "", isDefault: false, visibility: "private" });
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      setError("Give the view a name");
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await onSave({ ...values, name: values.name.trim() });
      setValues({ name: "", isDefault: false, visibility: "private" });
      onOpenChange(false);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Save view" description="Saves the filters, sort and columns shown now.">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="View name" error={error} required>
          {(control) => (
            <Input {...control} autoFocus value={values.name} maxLength={80} onChange={(event) => setValues({ ...values, name: event.target.value })} />
          )}
        </Field>
        <Field
          label="Who sees it"
          hint={canShare ? "Shared views appear for everyone in the workspace." : "Managers and admins can share views with the workspace."}
        >
          {(control) => (
            <Select
              {...control}
              value={values.visibility}
              onChange={(event) => setValues({ ...values, visibility: event.target.value as SaveViewValues["visibility"] })}
              options={canShare ? [{ value: "private", label: "Only me" }, { value: "shared", label: "Everyone in the workspace" }] : [{ value: "private", label: "Only me" }]}
            />
          )}
        </Field>
        <label className="flex items-center gap-2 text-[13px]">
          <Checkbox checked={values.isDefault} onChange={(event) => setValues({ ...values, isDefault: event.target.checked })} />
          Open this view first
        </label>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" isLoading={isSaving}>
            Save view
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

export function RenameViewDialog({
  open,
  onOpenChange,
  currentName,
  onRename,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  currentName: string;
  onRename: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState(currentName);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      await onRename(name.trim());
      onOpenChange(false);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Rename view">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="View name" error={error} required>
          {(control) => <Input {...control} autoFocus value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" isLoading={isSaving}>
            Rename
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

export function DeleteViewDialog({
  open,
  onOpenChange,
  name,
  isShared,
  onDelete,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  isShared: boolean;
  onDelete: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const confirm = async () => {
    setIsDeleting(true);
    setError(null);
    try {
      await onDelete();
      onOpenChange(false);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setIsDeleting(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete “${name}”?`}
      description={isShared ? "It is shared: it disappears for everyone in the workspace." : "Only the view goes; no contact changes."}
    >
      {error ? <Alert>{error}</Alert> : null}
      <DialogFooter>
        <Button variant="outline" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button variant="destructive" onClick={confirm} isLoading={isDeleting}>
          Delete view
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
