import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getRuntime } from "@/server/runtime";
import { resolveIdentity } from "@/server/trpc/identity";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

// Reads the session and the database on every request; `next build` must never prerender it.
export const dynamic = "force-dynamic";

const createCaller = createCallerFactory(appRouter);

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { handle, auth } = await getRuntime();
  const requestHeaders = await headers();
  // resolveIdentity reads the session with auth.api.getSession and adds the chosen workspace; pages are
  // for people, so an API key (which it also accepts) does not count as signed in here.
  const identity = await resolveIdentity(handle.db, auth, requestHeaders);
  if (!identity || identity.via !== "session") redirect("/sign-in");

  // The same procedure the client refetches, so the shell's first paint already has the workspace name.
  const current = await createCaller({ db: handle.db, auth, headers: requestHeaders, identity }).workspaces.current();

  return <AppShell current={current}>{children}</AppShell>;
}
