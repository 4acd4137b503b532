import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/components/auth/next-path";
import { currentSessionUser } from "../session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentSessionUser()) redirect(next ?? "/contacts");
  const email = typeof params.email === "string" ? params.email : undefined;
  return <SignInForm next={next} defaultEmail={email} />;
}
