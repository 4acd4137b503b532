"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { parseFormErrors, sentence } from "@/components/contacts/form-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/states";
import {
  customFieldTypeOptions, fieldNameFromLabel, hasOptions, optionValueFromLabel,
  type CustomFieldDefinition, type CustomFieldObjectType, type CustomFieldType,
} from "./field-types";

interface OptionDraft {
  value: string;
  label: string;
  /** Values of saved options are fixed: records store the value, so changing it would orphan them. */
  isSaved: boolean;
}

/**
 * Create a custom field (label, key, type, required, options, currency) or edit one. The key and the
 * type are fixed once created; labels and options can change at any time.
 */
export function CustomFieldDialog({
  open,
  onOpenChange,
  objectType,
  definition,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  objectType: CustomFieldObjectType;
  definition?: CustomFieldDefinition;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const isEdit = !!definition;
  const [label, setLabel] = useState(definition?.label ?? "");
  const [fieldName, setFieldName] = useState(definition?.fieldName ?? "");
  const [isNameTouched, setIsNameTouched] = useState(isEdit);
  const [fieldType, setFieldType] = useState<CustomFieldType>(definition?.fieldType ?? "text");
  const [required, setRequired] = useState(definition?.required ?? false);
  const [currency, setCurrency] = useState(definition?.currency ?? "USD");
  const [options, setOptions] = useState<OptionDraft[]>(
    definition?.options.map((option) => ({ value: option.value, label: option.label, isSaved: true })) ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const shownName = isNameTouched ? fieldName : fieldNameFromLabel(label);

  const finishOptions = () => {
    const taken = new Set(options.filter((option) => option.value).map((option) => option.value));
    return options
      .filter((option) => option.label.trim())
      .map((option) => {
        if (option.value) return { value: option.value, label: option.label.trim() };
        const value = optionValueFromLabel(option.label, taken);
        taken.add(value);
        return { value, label: option.label.trim() };
      });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!label.trim()) local.label = "Required";
    if (!isEdit && !shownName) local.fieldName = "Required: a letter, then letters, digits or underscores";
    const finished = hasOptions(fieldType) ? finishOptions() : [];
    if (hasOptions(fieldType) && finished.length === 0) local.options = "Add at least one option";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    setIsSaving(true);
    try {
      if (definition) {
        await client.customFields.updateCustomField.mutate({
          id: definition.id,
          patch: {
            label: label.trim(),
            required,
            ...(hasOptions(fieldType) ? { options: finished } : {}),
            ...(fieldType === "currency" ? { currency } : {}),
          },
        });
      } else {
        await client.customFields.createCustomField.mutate({
          objectType, fieldName: shownName, label: label.trim(), fieldType, required,
          options: finished, ...(fieldType === "currency" ? { currency } : {}),
        });
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.customFields.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.filters.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.contacts.get.queryKey() }),
      ]);
      onOpenChange(false);
    } catch (failure) {
      const parsed = parseFormErrors(failure);
      const byField: Record<string, string> = {};
      for (const [path, reason] of Object.entries(parsed.fieldErrors)) byField[path.split(".")[0]!] = sentence(reason);
      setErrors(byField);
      setFormError(parsed.formError);
    } finally {
      setIsSaving(false);
    }
  };

  const updateOption = (index: number, next: string) =>
    setOptions((current) => current.map((option, i) => (i === index ? { ...option, label: next } : option)));

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={isEdit ? `Edit “${definition.label}”` : "New custom field"} className="max-w-xl">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError ? <Alert>{formError}</Alert> : null}
        <Field label="Label" error={errors.label} required>
          {(control) => <Input {...control} autoFocus value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />}
        </Field>
        <Field
          label="Key"
          error={errors.fieldName}
          hint={isEdit ? "Fixed: filters, imports and the API name the field by its key." : "Used in filters and the API (customFields.<key>); it cannot change later."}
        >
          {(control) => (
            <Input
              {...control}
              value={shownName}
              disabled={isEdit}
              maxLength={40}
              className="font-mono"
              onChange={(event) => {
                setIsNameTouched(true);
                setFieldName(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label="Type" hint={isEdit ? "Fixed once created: stored values keep their shape." : customFieldTypeOptions.find((o) => o.value === fieldType)?.hint}>
          {(control) => (
            <Select
              {...control}
              value={fieldType}
              disabled={isEdit}
              options={customFieldTypeOptions}
              onChange={(event) => setFieldType(event.target.value as CustomFieldType)}
            />
          )}
        </Field>
        {fieldType === "currency" ? (
          <Field label="Default currency" error={errors.currency} hint="A 3-letter ISO code; each value may carry its own.">
            {(control) => <Input {...control} value={currency} maxLength={3} className="w-24 uppercase" onChange={(event) => setCurrency(event.target.value.toUpperCase())} />}
          </Field>
        ) : null}
        {hasOptions(fieldType) ? (
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-[13px] font-medium">Options</legend>
            {options.map((option, index) => (
              <div key={index} className="flex items-center gap-2">
                <Input aria-label={`Option ${index + 1}`} value={option.label} onChange={(event) => updateOption(index, event.target.value)} />
                {option.value ? <code className="shrink-0 text-[11px] text-muted-foreground">{option.value}</code> : null}
                <Button variant="ghost" size="icon" aria-label={`Remove option ${option.label || index + 1}`} onClick={() => setOptions((current) => current.filter((_, i) => i !== index))}>
                  <X />
                </Button>
              </div>
            ))}
            <Button variant="ghost" size="sm" className="self-start" onClick={() => setOptions((current) => [...current, { value: "", label: "", isSaved: false }])}>
              <Plus /> Add option
            </Button>
            {isEdit && options.some((option) => option.isSaved) ? (
              <p className="text-[12px] text-muted-foreground">Removing an option keeps it on records that have it, shown by its key.</p>
            ) : null}
            <FieldError>{errors.options}</FieldError>
          </fieldset>
        ) : null}
        <label className="flex items-center gap-2 text-[13px]">
          <Checkbox checked={required} onChange={(event) => setRequired(event.target.checked)} />
          Required on new records
        </label>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" isLoading={isSaving}>
            {isEdit ? "Save field" : "Create field"}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
