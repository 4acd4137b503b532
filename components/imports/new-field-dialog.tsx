"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { parseFormErrors, sentence } from "@/components/contacts/form-errors";
import { customFieldTypeOptions, fieldNameFromLabel, hasOptions, type CustomFieldType } from "@/components/custom-fields/field-types";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/states";
import type { ExistingCustomField } from "./types";

// Choice fields need their options listed up front, which belongs in Settings, not mid-import.
const typeOptions = customFieldTypeOptions.filter((option) => !hasOptions(option.value));

/** Creates a contact custom field for one column, named after its header, and hands it back to map to. */
export function NewFieldDialog({ header, onClose, onCreated }: { header: string; onClose: () => void; onCreated: (field: ExistingCustomField) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(header.replace(/^Person - /, "").trim());
  const [fieldType, setFieldType] = useState<CustomFieldType>("text");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const fieldName = fieldNameFromLabel(label);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim() || !fieldName) {
      setErrors({ label: "Required" });
      return;
    }
    setIsSaving(true);
    setFormError(null);
    try {
      const created = await client.customFields.createCustomField.mutate({ objectType: "contact", fieldName, label: label.trim(), fieldType });
      await queryClient.invalidateQueries({ queryKey: trpc.customFields.pathKey() });
      onCreated({ fieldName: created.fieldName, label: created.label, fieldType: created.fieldType, required: created.required, options: created.options });
    } catch (failure) {
      const parsed = parseFormErrors(failure);
      const byField: Record<string, string> = {};
      for (const [path, reason] of Object.entries(parsed.fieldErrors)) byField[path === "fieldName" ? "label" : path] = sentence(reason);
      setErrors(byField);
      setFormError(parsed.formError);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="New custom field" description={`For the column “${header}”. It is created now and listed with your other contact fields.`}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError ? <Alert>{formError}</Alert> : null}
        <Field label="Field name" error={errors.label} hint={fieldName ? `Key: ${fieldName}` : undefined} required>
          {(control) => <Input {...control} autoFocus value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />}
        </Field>
        <Field label="Type" error={errors.fieldType} hint={typeOptions.find((o) => o.value === fieldType)?.hint}>
          {(control) => (
            <Select {...control} value={fieldType} onChange={(event) => setFieldType(event.target.value as CustomFieldType)} options={typeOptions} />
          )}
        </Field>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" isLoading={isSaving}>
            Create field
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
