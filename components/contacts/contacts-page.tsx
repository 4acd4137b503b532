"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ListFilter, Plus, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { useSearchPalette } from "@/components/search-palette/palette-provider";
import { SegmentDialog } from "@/components/segments/segment-dialog";
import { BulkActionBar } from "@/components/bulk/bulk-action-bar";
import { toBulkSelection } from "@/components/bulk/selection-target";
import { SegmentSelectionActions } from "@/components/segments/selection-actions";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState } from "@/components/ui/states";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ViewNotices } from "@/components/views/view-notices";
import { ViewsBar, type SavedView } from "@/components/views/views-bar";
import { ContactsExplorer } from "./contacts-explorer";
import { numberFormat } from "./format";
import { NewContactDialog } from "./new-contact-dialog";
import { useTableUrlState } from "./table/use-table-url-state";
import { useWorkspaceRole } from "./use-role";

const NO_VIEWS: SavedView[] = [];

/** /contacts: saved views as tabs, the filterable table, and the dialogs that add to it. */
export function ContactsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const views = useQuery(trpc.views.listViews.queryOptions({ objectType: "contact" }));
  // Views failing to load must not take the list down with them: the table opens without them.
  const url = useTableUrlState(views.isError ? NO_VIEWS : views.data);
  const { isManager } = useWorkspaceRole();
  const isHydrated = useHydrated();
  const [isCreating, setIsCreating] = useState(false);
  const [isSegmenting, setIsSegmenting] = useState(false);
  const view = url.view as SavedView | null;
  const palette = useSearchPalette();

  const saveViewWithoutDropped = async () => {
    if (!view) return;
    // The view as the server opened it, already without the parts it dropped; unsaved edits stay unsaved.
    await client.views.updateView.mutate({ id: view.id, patch: { filters: view.filters, columns: view.columns, sortBy: view.sortBy } });
    await queryClient.invalidateQueries({ queryKey: trpc.views.listViews.queryKey() });
  };

  return (
    <>
      <ContactsExplorer
        url={url}
        header={({ totalCount, isEstimate, isError, isUpdating }) => (
          <div className="flex h-14 shrink-0 items-center justify-between gap-4 px-6">
            <div className="flex items-baseline gap-3">
              <h1 className="text-[16px] font-semibold tracking-tight">Contacts</h1>
              <span className={isUpdating ? "text-[13px] text-muted-foreground/50 tabular-nums" : "text-[13px] text-muted-foreground tabular-nums"} data-testid="contacts-count" aria-busy={isUpdating || undefined}>
                {totalCount === undefined ? (
                  isError ? null : <Skeleton className="inline-block h-3.5 w-20 align-middle" />
                ) : (
                  // Past the server's exact-count limit the total is the planner's estimate, and says so.
                  `${isEstimate ? "about " : ""}${numberFormat.format(totalCount)} ${totalCount === 1 ? "contact" : "contacts"}`
                )}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <input
                type="search"
                aria-label="Search contacts"
                placeholder="Search contacts…"
                value=""
                // The box hands the first keystrokes to the palette, which shows ranked, highlighted results.
                onChange={(event) => palette.open(event.target.value)}
                onFocus={(event) => event.target.select()}
                className="h-8 w-56 rounded-md border border-input bg-background px-2.5 text-[13px] placeholder:text-muted-foreground"
                data-testid="table-search"
              />
              {isManager ? (
                <Button variant="outline" onClick={() => setIsSegmenting(true)} disabled={!isHydrated || !url.isReady}>
                  <ListFilter />
                  Save as segment
                </Button>
              ) : null}
              <Button onClick={() => setIsCreating(true)} disabled={!isHydrated} data-testid="new-contact">
                <Plus />
                New contact
              </Button>
            </div>
          </div>
        )}
        above={<ViewsBar views={views.data ?? NO_VIEWS} url={url} isManager={isManager} />}
        notices={(missingColumns) => (
          <ViewNotices
            view={view}
            missingViewId={url.missingViewId}
            urlProblems={url.params.problems}
            missingColumns={missingColumns}
            onSaveWithout={saveViewWithoutDropped}
          />
        )}
        bulkActions={(context) => (
          <>
            <SegmentSelectionActions context={context} />
            <BulkActionBar selection={toBulkSelection(context.selection, context.filters, context.count)} onDone={context.clear} />
          </>
        )}
        emptyState={
          <EmptyState
            icon={<Users />}
            title="No contacts yet"
            description="Contacts you add appear here, newest first."
            action={
              // Named differently from the header's "New contact" so each button has one accessible name.
              <Button variant="outline" onClick={() => setIsCreating(true)}>
                <Plus />
                Add your first contact
              </Button>
            }
          />
        }
      />
      <NewContactDialog open={isCreating} onOpenChange={setIsCreating} onCreated={() => undefined} />
      {isSegmenting ? (
        <SegmentDialog
          open
          onOpenChange={setIsSegmenting}
          initial={{ criteria: url.state.filters, name: view?.name ?? "" }}
          onSaved={(segment) => router.push(`/segments/${segment.id}`)}
        />
      ) : null}
    </>
  );
}
