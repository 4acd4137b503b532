"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { authClient } from "@/components/shell/auth-client";
import { setWorkspaceCookie } from "@/components/shell/workspace-cookie";
import { Button, buttonClasses } from "@/components/ui/button";
import { Alert } from "@/components/ui/states";
import type { AppRouter } from "@/server/trpc/root";
import { AuthCard } from "./auth-card";
import { authPageHref } from "./next-path";

type Invitation = inferRouterOutputs<AppRouter>["workspaces"]["invitation"];

const roleLabels = { admin: "an admin", manager: "a manager", rep: "a rep" } as const;

const linkClass = "font-medium text-foreground underline-offset-4 hover:underline";

function stripField(message: string): string {
  return message.replace(/^token: /, "").replace(/^./, (c) => c.toUpperCase());
}

export function InviteAcceptance({
  token,
  invitation,
  viewer,
}: {
  token: string;
  invitation: Invitation;
  viewer: { name: string; email: string | null } | null;
}) {
  const trpc = useTRPC();
  const [isSwitching, setIsSwitching] = useState(false);
  const path = `/invite/${token}`;
  const accept = useMutation(
    trpc.workspaces.acceptInvite.mutationOptions({
      onSuccess: (result) => {
        setWorkspaceCookie(result.workspaceId);
        window.location.assign("/contacts");
      },
    }),
  );

  if (!invitation) {
    return (
      <AuthCard title="This invitation link is not valid" footer={<Link href="/sign-in" className={linkClass}>Go to sign in</Link>}>
        <p className="text-[13px] text-muted-foreground">
          It may have been revoked or replaced by a newer one. Ask an admin of the workspace to send you a new link.
        </p>
      </AuthCard>
    );
  }

  const isForViewer = viewer?.email?.toLowerCase() === invitation.email;
  if (invitation.status === "expired" || (invitation.status === "accepted" && !isForViewer)) {
    return (
      <AuthCard
        title={invitation.status === "expired" ? "This invitation has expired" : "This invitation has already been used"}
        footer={<Link href="/sign-in" className={linkClass}>Go to sign in</Link>}
      >
        <p className="text-[13px] text-muted-foreground">
          Ask an admin of <strong className="text-foreground">{invitation.workspaceName}</strong> for a new link.
        </p>
      </AuthCard>
    );
  }

  const summary = (
    <>
      {invitation.invitedByName} invited <strong className="text-foreground">{invitation.email}</strong> to join{" "}
      <strong className="text-foreground">{invitation.workspaceName}</strong> as {roleLabels[invitation.role]}.
    </>
  );

  if (!viewer) {
    return (
      <AuthCard title={`Join ${invitation.workspaceName}`} description={summary}>
        <div className="flex flex-col gap-2">
          <Link href={authPageHref("/sign-up", { next: path, email: invitation.email })} className={buttonClasses({ className: "w-full justify-center" })}>
            Create an account
          </Link>
          <Link
            href={authPageHref("/sign-in", { next: path, email: invitation.email })}
            className={buttonClasses({ variant: "outline", className: "w-full justify-center" })}
          >
            I already have an account
          </Link>
        </div>
      </AuthCard>
    );
  }

  if (!isForViewer) {
    const switchAccount = async () => {
      setIsSwitching(true);
      await authClient.signOut();
      window.location.assign(authPageHref("/sign-in", { next: path, email: invitation.email }));
    };
    return (
      <AuthCard title={`Join ${invitation.workspaceName}`} description={summary}>
        <div className="flex flex-col gap-4">
          <Alert tone="info">
            You are signed in as {viewer.email}. Only {invitation.email} can accept this invitation.
          </Alert>
          <Button onClick={switchAccount} isLoading={isSwitching} className="w-full justify-center">
            Sign out and switch account
          </Button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={`Join ${invitation.workspaceName}`} description={summary}>
      <div className="flex flex-col gap-4">
        {accept.error ? <Alert>{stripField(accept.error.message)}</Alert> : null}
        <Button onClick={() => accept.mutate({ token })} isLoading={accept.isPending || accept.isSuccess} className="w-full justify-center">
          {invitation.status === "accepted" ? `Open ${invitation.workspaceName}` : `Join ${invitation.workspaceName}`}
        </Button>
        <p className="text-center text-[12px] text-muted-foreground">Signed in as {viewer.email}</p>
      </div>
    </AuthCard>
  );
}
