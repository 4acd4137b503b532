"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/states";
import { lifecycleOptions, type LifecycleStage } from "./fields";
import { parseFormErrors, sentence, type FormErrors } from "./form-errors";
import type { ContactListItem, CreateContactInput } from "./types";

const emptyForm = {
  email: "", firstName: "", lastName: "", phone: "", company: "", title: "", lifecycleStage: "lead", score: "",
};
type FormValues = typeof emptyForm;
const formFields = Object.keys(emptyForm) as Array<keyof FormValues>;

const noErrors: FormErrors = { fieldErrors: {}, formError: null, existingContactId: null };

/** Catches what needs no server round trip; the server still validates everything (and owns the email format). */
function validateLocally(values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.email.trim()) errors.email = "is required";
  if (values.score.trim()) {
    const score = Number(values.score);
    if (!Number.isInteger(score) || score < 0 || score > 100) errors.score = "must be a whole number from 0 to 100";
  }
  return errors;
}

function toInput(values: FormValues): CreateContactInput {
  const optional = (value: string) => (value.trim() === "" ? undefined : value);
  return {
    email: values.email,
    firstName: optional(values.firstName),
    lastName: optional(values.lastName),
    phone: optional(values.phone),
    company: optional(values.company),
    title: optional(values.title),
    lifecycleStage: values.lifecycleStage as LifecycleStage,
    score: values.score.trim() === "" ? undefined : Number(values.score),
  };
}

export function NewContactDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (contact: Pick<ContactListItem, "id" | "email">) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(emptyForm);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const formRef = useRef<HTMLFormElement>(null);

  const create = useMutation(
    trpc.contacts.create.mutationOptions({
      onSuccess: async (contact) => {
        await queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() });
        setValues(emptyForm);
        setErrors(noErrors);
        onOpenChange(false);
        onCreated(contact);
      },
    }),
  );

  function showErrors(next: FormErrors) {
    setErrors(next);
    // Put the cursor where the first problem is, so fixing it is one keystroke away.
    const first = formFields.find((field) => next.fieldErrors[field]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
  }

  const set = (field: keyof FormValues) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    if (errors.fieldErrors[field]) {
      setErrors((current) => ({ ...current, fieldErrors: { ...current.fieldErrors, [field]: "" } }));
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local = validateLocally(values);
    if (Object.keys(local).length > 0) return showErrors({ ...noErrors, fieldErrors: local });
    setErrors(noErrors);
    create.mutate(toInput(values), { onError: (error) => showErrors(parseFormErrors(error)) });
  };

  const close = (next: boolean) => {
    if (!next) setErrors(noErrors);
    onOpenChange(next);
  };

  // Errors for fields this form does not show (e.g. a server-side rule on another field) still need a place.
  const unplaced = Object.entries(errors.fieldErrors).filter(([field, reason]) => reason && !formFields.includes(field as keyof FormValues));
  const errorOf = (field: keyof FormValues) => (errors.fieldErrors[field] ? sentence(errors.fieldErrors[field]) : null);

  return (
    <Dialog open={open} onOpenChange={close} title="New contact" description="Only the email is required; everything else can be filled in later.">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="new-contact-form">
        {errors.formError || unplaced.length > 0 ? (
          <Alert>
            {errors.formError}
            {unplaced.map(([field, reason]) => (
              <div key={field}>
                {field}: {reason}
              </div>
            ))}
          </Alert>
        ) : null}
        <div className="flex flex-col gap-1">
          <Field label="Email" required error={errorOf("email")}>
            {(control) => (
              <Input {...control} name="email" type="email" autoComplete="off" autoFocus value={values.email} onChange={set("email")} placeholder="jane@company.com" />
            )}
          </Field>
          {errors.existingContactId && errorOf("email") ? (
            <Link href={`/contacts/${errors.existingContactId}`} className="self-start text-[12px] font-medium text-foreground underline">
              Open the existing contact
            </Link>
          ) : null}
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field label="First name" error={errorOf("firstName")}>
            {(control) => <Input {...control} name="firstName" value={values.firstName} onChange={set("firstName")} />}
          </Field>
          <Field label="Last name" error={errorOf("lastName")}>
            {(control) => <Input {...control} name="lastName" value={values.lastName} onChange={set("lastName")} />}
          </Field>
          <Field label="Company" error={errorOf("company")}>
            {(control) => <Input {...control} name="company" value={values.company} onChange={set("company")} />}
          </Field>
          <Field label="Job title" error={errorOf("title")}>
            {(control) => <Input {...control} name="title" value={values.title} onChange={set("title")} />}
          </Field>
          <Field label="Phone" error={errorOf("phone")}>
            {(control) => <Input {...control} name="phone" type="tel" value={values.phone} onChange={set("phone")} placeholder="+1 415 555 0100" />}
          </Field>
          <Field label="Score" error={errorOf("score")}>
            {(control) => (
              <Input {...control} name="score" type="number" inputMode="numeric" min={0} max={100} value={values.score} onChange={set("score")} placeholder="0–100" />
            )}
          </Field>
          <Field label="Lifecycle stage" error={errorOf("lifecycleStage")} className="col-span-2">
            {(control) => <Select {...control} name="lifecycleStage" value={values.lifecycleStage} onChange={set("lifecycleStage")} options={lifecycleOptions} />}
          </Field>
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => close(false)}>
            Cancel
          </Button>
          <Button type="submit" isLoading={create.isPending}>
            Create contact
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
