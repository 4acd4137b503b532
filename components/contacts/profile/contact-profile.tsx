"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight, UserX } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button, buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AiInsightsCard } from "./ai-insights-card";
import { DealsCard } from "./deals-card";
import { DetailsPanel } from "./details-panel";
import { HistoryTab } from "./history-tab";
import { ProfileHeader } from "./profile-header";
import { Timeline } from "./timeline";

function Breadcrumb({ name }: { name?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="flex h-10 shrink-0 items-center gap-1.5 border-b border-border px-6 text-[13px]">
      <Link href="/contacts" className="text-muted-foreground hover:text-foreground">
        Contacts
      </Link>
      <ChevronRight aria-hidden className="size-3.5 text-muted-foreground" />
      {name ? <span className="truncate font-medium">{name}</span> : <Skeleton className="h-3.5 w-32" />}
    </nav>
  );
}

function ProfileSkeleton() {
  return (
    <div className="flex h-full flex-col" aria-busy data-testid="contact-profile-loading">
      <Breadcrumb />
      <div className="flex items-start gap-4 px-6 pt-5 pb-4">
        <Skeleton className="size-12 rounded-full" />
        <div className="flex flex-col gap-2 pt-1">
          <Skeleton className="h-5 w-56" />
          <Skeleton className="h-3.5 w-72" />
          <Skeleton className="h-3.5 w-96" />
        </div>
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-[380px_minmax(0,1fr)] border-t border-border">
        <div className="flex flex-col gap-3 border-r border-border p-4">
          {Array.from({ length: 10 }, (_, index) => (
            <div key={index} className="grid grid-cols-[120px_1fr] gap-2">
              <Skeleton className="h-3.5 w-20" />
              <Skeleton className="h-3.5 w-40" />
            </div>
          ))}
        </div>
        <div className="flex flex-col gap-3 p-6">
          <Skeleton className="h-8 w-48" />
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-24 w-full" />
        </div>
      </div>
    </div>
  );
}

export function ContactProfileView({ id }: { id: string }) {
  const trpc = useTRPC();
  const profile = useQuery(trpc.contacts.get.queryOptions({ id }));
  const definitions = useMemo(
    () => new Map((profile.data?.customFieldDefinitions ?? []).map((definition) => [definition.fieldName, definition])),
    [profile.data?.customFieldDefinitions],
  );

  if (profile.isPending) return <ProfileSkeleton />;
  if (profile.isError) {
    const code = profile.error.data?.code;
    return (
      <div className="flex h-full flex-col">
        <Breadcrumb name="Not found" />
        {code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
          <EmptyState
            icon={<UserX />}
            title="Contact not found"
            description="It may have been deleted, or it belongs to another workspace."
            action={
              <Link href="/contacts" className={buttonClasses({ variant: "outline" })}>
                Back to contacts
              </Link>
            }
          />
        ) : (
          <ErrorState
            title="Could not load this contact"
            message={profile.error.message}
            action={
              <Button variant="outline" onClick={() => profile.refetch()}>
                Try again
              </Button>
            }
          />
        )}
      </div>
    );
  }

  const contact = profile.data;
  return (
    <div className="flex h-full flex-col" data-testid="contact-profile">
      <Breadcrumb name={contact.fullName} />
      <ProfileHeader profile={contact} />
      <div className="grid min-h-0 flex-1 grid-cols-[380px_minmax(0,1fr)] border-t border-border">
        <aside aria-label="Contact details" className="min-h-0 overflow-y-auto border-r border-border bg-surface/40">
          <DetailsPanel profile={contact} />
        </aside>
        <div className="min-h-0 overflow-y-auto px-6 pb-8">
          <Tabs defaultValue="overview">
            <TabsList aria-label="Contact sections" className="sticky top-0 z-10 bg-background pt-2">
              <TabsTrigger value="overview">Overview</TabsTrigger>
              <TabsTrigger value="history">History</TabsTrigger>
            </TabsList>
            <TabsContent value="overview" className="flex flex-col gap-6 pt-5">
              <div className="grid grid-cols-2 items-start gap-4">
                <AiInsightsCard insights={contact.aiInsights} />
                <DealsCard deals={contact.deals} />
              </div>
              <section aria-labelledby="timeline-heading" className="min-w-0">
                <h2 id="timeline-heading" className="mb-4 text-[14px] font-semibold">
                  Timeline
                </h2>
                <Timeline profile={contact} />
              </section>
            </TabsContent>
            <TabsContent value="history" className="pt-3">
              <HistoryTab contactId={contact.id} definitions={definitions} />
            </TabsContent>
          </Tabs>
        </div>
      </div>
    </div>
  );
}
