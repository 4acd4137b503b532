import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath } from "@/components/auth/next-path";
import { currentSessionUser } from "../session";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentSessionUser()) redirect(next ?? "/contacts");
  const email = typeof params.email === "string" ? params.email : undefined;
  return <SignUpForm next={next} defaultEmail={email} />;
}
