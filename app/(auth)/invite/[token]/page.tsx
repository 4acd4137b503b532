import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { InviteAcceptance } from "@/components/auth/invite-acceptance";
import { getRuntime } from "@/server/runtime";
import { resolveIdentity } from "@/server/trpc/identity";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

export const metadata: Metadata = { title: "Invitation" };

const createCaller = createCallerFactory(appRouter);

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { handle, auth } = await getRuntime();
  const requestHeaders = await headers();
  const identity = await resolveIdentity(handle.db, auth, requestHeaders);
  const viewer = identity?.via === "session" ? { name: identity.userName, email: identity.userEmail } : null;
  const caller = createCaller({ db: handle.db, auth, headers: requestHeaders, identity });
  // A malformed token is refused by the input schema; to the visitor it is the same as an unknown one.
  const invitation = await caller.workspaces.invitation({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return null;
    throw error;
  });
  return <InviteAcceptance token={token} invitation={invitation} viewer={viewer} />;
}
