"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc";
import { authClient } from "@/components/shell/auth-client";
import { setWorkspaceCookie } from "@/components/shell/workspace-cookie";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/states";
import { AuthCard } from "./auth-card";
import { authErrorToForm, validateCredentials, type AuthFormErrors } from "./auth-errors";
import { authPageHref, isInvitePath } from "./next-path";
import { useIsHydrated } from "./use-is-hydrated";

const noErrors: AuthFormErrors = { fieldErrors: {}, formError: null };
const fieldOrder = ["name", "email", "password", "workspaceName"] as const;

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  return message.replace(/^name: /, "") || "unknown error";
}

export function SignUpForm({ next, defaultEmail }: { next: string | null; defaultEmail?: string }) {
  // Someone joining through an invitation already has a workspace to go to; their own gets the default name.
  const asksForWorkspace = !isInvitePath(next);
  const trpcClient = useTRPCClient();
  const [values, setValues] = useState({ name: "", email: defaultEmail ?? "", password: "", workspaceName: "" });
  const [errors, setErrors] = useState<AuthFormErrors>(noErrors);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [renameFailure, setRenameFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useIsHydrated();
  const destination = next ?? "/contacts";

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function showErrors(nextErrors: AuthFormErrors) {
    setErrors(nextErrors);
    const first = fieldOrder.find((field) => nextErrors.fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  function validateLocally(): AuthFormErrors["fieldErrors"] {
    const local = validateCredentials(values, { isSignUp: true });
    if (!values.name.trim()) local.name = "Enter your name";
    if (asksForWorkspace) {
      if (!values.workspaceName.trim()) local.workspaceName = "Name your workspace";
      else if (values.workspaceName.trim().length > 80) local.workspaceName = "Use at most 80 characters";
    }
    return local;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = validateLocally();
    if (Object.keys(local).length > 0) return showErrors({ fieldErrors: local, formError: null });
    setIsSubmitting(true);
    setErrors(noErrors);
    const { error } = await authClient.signUp.email({ name: values.name.trim(), email: values.email.trim(), password: values.password });
    if (error) {
      setIsSubmitting(false);
      return showErrors(authErrorToForm(error));
    }
    if (asksForWorkspace) {
      // The sign-up hook created the workspace under a default name; the new session is its admin.
      try {
        const workspace = await trpcClient.workspaces.rename.mutate({ name: values.workspaceName.trim() });
        setWorkspaceCookie(workspace.id);
      } catch (renameError) {
        // The account exists now; say what failed rather than leave the user on a form they cannot resubmit.
        setIsSubmitting(false);
        setRenameFailure(messageOf(renameError));
        return;
      }
    }
    window.location.assign(destination);
  }

  if (renameFailure) {
    return (
      <AuthCard title="Account created">
        <div className="flex flex-col gap-4">
          <Alert>Your account is ready, but the workspace could not be named ({renameFailure}). You can rename it under Settings.</Alert>
          <Button className="w-full justify-center" onClick={() => window.location.assign(destination)}>
            Continue
          </Button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Create your account"
      description={asksForWorkspace ? "Start a workspace for your team. You will be its admin." : "Create an account to accept your invitation."}
      footer={
        <>
          Already have an account?{" "}
          <Link href={authPageHref("/sign-in", { next, email: values.email || defaultEmail })} className="font-medium text-foreground underline-offset-4 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Name" error={errors.fieldErrors.name}>
          {(control) => <Input {...control} name="name" autoComplete="name" autoFocus value={values.name} onChange={set("name")} />}
        </Field>
        <Field label="Email" error={errors.fieldErrors.email}>
          {(control) => <Input {...control} name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} />}
        </Field>
        <Field label="Password" error={errors.fieldErrors.password} hint={errors.fieldErrors.password ? undefined : "At least 8 characters."}>
          {(control) => (
            <Input {...control} name="password" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} />
          )}
        </Field>
        {asksForWorkspace ? (
          <Field label="Workspace name" error={errors.fieldErrors.workspaceName} hint={errors.fieldErrors.workspaceName ? undefined : "Usually your company or team. You can change it later."}>
            {(control) => (
              <Input {...control} name="workspaceName" autoComplete="organization" value={values.workspaceName} onChange={set("workspaceName")} />
            )}
          </Field>
        ) : null}
        {errors.formError ? <Alert>{errors.formError}</Alert> : null}
        <Button type="submit" isLoading={isSubmitting} disabled={!isHydrated} className="mt-1 w-full justify-center">
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
