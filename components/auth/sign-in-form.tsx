"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { authClient } from "@/components/shell/auth-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/states";
import { AuthCard } from "./auth-card";
import { authErrorToForm, validateCredentials, type AuthFormErrors } from "./auth-errors";
import { authPageHref, isInvitePath } from "./next-path";
import { useIsHydrated } from "./use-is-hydrated";

const noErrors: AuthFormErrors = { fieldErrors: {}, formError: null };

export function SignInForm({ next, defaultEmail }: { next: string | null; defaultEmail?: string }) {
  const [email, setEmail] = useState(defaultEmail ?? "");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<AuthFormErrors>(noErrors);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useIsHydrated();

  function showErrors(nextErrors: AuthFormErrors) {
    setErrors(nextErrors);
    const first = (["email", "password"] as const).find((field) => nextErrors.fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = validateCredentials({ email, password }, { isSignUp: false });
    if (Object.keys(local).length > 0) return showErrors({ fieldErrors: local, formError: null });
    setIsSubmitting(true);
    setErrors(noErrors);
    const { error } = await authClient.signIn.email({ email: email.trim(), password });
    if (error) {
      setIsSubmitting(false);
      return showErrors(authErrorToForm(error));
    }
    // A full navigation, so the server layout reads the new session cookie and no cached query of a previous user survives.
    window.location.assign(next ?? "/contacts");
  }

  return (
    <AuthCard
      title="Sign in"
      description={isInvitePath(next) ? "Sign in to accept your invitation." : "Welcome back to hasteCRM."}
      footer={
        <>
          New to hasteCRM?{" "}
          <Link href={authPageHref("/sign-up", { next, email: email || defaultEmail })} className="font-medium text-foreground underline-offset-4 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Email" error={errors.fieldErrors.email}>
          {(control) => (
            <Input {...control} name="email" type="email" autoComplete="email" autoFocus={!defaultEmail} value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field label="Password" error={errors.fieldErrors.password}>
          {(control) => (
            <Input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              autoFocus={Boolean(defaultEmail)}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {errors.formError ? <Alert>{errors.formError}</Alert> : null}
        <Button type="submit" isLoading={isSubmitting} disabled={!isHydrated} className="mt-1 w-full justify-center">
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
