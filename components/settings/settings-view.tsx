"use client";

import { useQuery } from "@tanstack/react-query";
import { SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ApiKeysSettings } from "./api-keys-settings";
import { ExportSettings } from "./export-settings";
import { MembersSettings } from "./members-settings";
import { errorText } from "./types";
import { WorkspaceSettings } from "./workspace-settings";

const tabs = [
  { value: "general", label: "General" },
  { value: "members", label: "Members" },
  { value: "api-keys", label: "API keys" },
] as const;
type Tab = (typeof tabs)[number]["value"];

const isTab = (value: string | null): value is Tab => tabs.some((tab) => tab.value === value);

export function SettingsView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const requested = searchParams.get("tab");
  const tab: Tab = isTab(requested) ? requested : "general";
  const current = useQuery(trpc.workspaces.current.queryOptions());

  // The tab lives in the URL so a link (or a reload) opens the same one.
  const selectTab = (value: string) => router.replace(value === "general" ? pathname : `${pathname}?tab=${value}`, { scroll: false });

  let body;
  if (current.isPending) body = <Skeleton className="h-40" />;
  else if (current.isError) body = <ErrorState title="Could not load the workspace" message={errorText(current.error)} />;
  else if (!current.data.workspace) body = <EmptyState title="You are not a member of any workspace" description="Ask an admin for an invitation link." />;
  else {
    const workspace = current.data.workspace;
    const isAdmin = workspace.role === "admin";
    body = (
      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList aria-label="Settings sections">
          {tabs.map((item) => (
            <TabsTrigger key={item.value} value={item.value}>
              {item.label}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value="general" className="pt-5">
          {/* Keyed by workspace so a rename elsewhere (or a switch) resets the form to the saved name. */}
          <div className="flex flex-col gap-5">
            <WorkspaceSettings key={`${workspace.id}:${workspace.name}`} workspace={workspace} isAdmin={isAdmin} />
            <ExportSettings isAdmin={isAdmin} />
          </div>
        </TabsContent>
        <TabsContent value="members" className="pt-5">
          <MembersSettings isAdmin={isAdmin} />
        </TabsContent>
        <TabsContent value="api-keys" className="pt-5">
          <ApiKeysSettings isAdmin={isAdmin} />
        </TabsContent>
      </Tabs>
    );
  }

  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title="Settings"
        description={current.data?.workspace?.name}
        actions={
          <Link
            href="/settings/custom-fields"
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-border px-3 text-[13px] font-medium hover:bg-accent"
          >
            <SlidersHorizontal className="size-3.5" />
            Custom fields
          </Link>
        }
      />
      <div className="mx-auto w-full max-w-4xl px-6 py-5">{body}</div>
    </div>
  );
}
